import { type Feature, templateFolder } from '../kit.js';

/** The project README. */
export const docs: Feature = {
  name: 'docs',
  async files(context) {
    return templateFolder(context, 'docs');
  },
};

import { type Feature, templateFolder } from '../kit.js';

/** The project README. */
export const docs: Feature = {
  name: 'docs',
  async actions(context) {
    return templateFolder(context, 'docs');
  },
};

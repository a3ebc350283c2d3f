import { type Feature, templateFolder } from '../kit.js';

/** The complete CRUD resource for the domain's primary table, with its integration tests. */
export const resource: Feature = {
  name: 'resource',
  async files(context) {
    return templateFolder(context, 'resource', { names: { table: context.view.resource.table } });
  },
};

import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { destinationPath } from '../kit.js';
import { checksView } from '../milestones/view.js';
import { type MilestoneSolution, mutate, renderer } from './kit.js';

/**
 * First endpoint: the second table gets the same resource the scaffold gives the primary one (schema,
 * repository, router, OpenAPI description and tests), and `src/routes.ts` mounts both.
 */
const solution: MilestoneSolution = {
  async files(view, templatesDir) {
    const render = renderer();
    const { secondary } = checksView(view);
    const root = path.join(templatesDir, 'resource');
    const resourceDir = 'src/resources/__table__';
    const templates = [...(await readdir(path.join(root, resourceDir))).map((name) => `${resourceDir}/${name}`), 'test/__table__.test.ts.hbs'];
    const files = await Promise.all(
      templates.map(async (relative) => ({
        relative: destinationPath(relative, { table: secondary.table }),
        content: await render(path.join(root, relative), { ...view, resource: secondary }),
      })),
    );
    const routes = await render(path.join(root, 'src/routes.ts.hbs'), { ...view, resources: [...view.resources, secondary] });
    return [...files, { relative: 'src/routes.ts', content: routes }];
  },
  mistakes: [
    {
      name: 'a swallowed not-found: a missing row answers 200 with an empty body',
      fails: ['first-endpoint.not-found'],
      async edit(view, read) {
        const { secondary } = checksView(view);
        const relative = `src/resources/${secondary.table}/${secondary.table}.router.ts`;
        const guard = new RegExp(`^ *if \\(${secondary.camelSingular} === undefined\\) throw HttpError\\.notFound\\(.*\\);\\n`, 'm');
        return [{ relative, content: mutate(await read(relative), guard, '', this.name) }];
      },
    },
  ],
};

export default solution;

import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { MilestoneId } from '@create-backend-portfolio/core';
import Handlebars from 'handlebars';
import { json, lowercase } from '../helpers.js';
import { destinationPath } from '../kit.js';
import { checksView } from '../milestones/view.js';
import type { ProjectView } from '../view/project.js';

/** A file a reference solution writes, relative to the project, replacing what is there. */
export interface SolutionFile {
  readonly relative: string;
  readonly content: string;
}

type Solution = (view: ProjectView, templatesDir: string) => Promise<SolutionFile[]>;

function renderer() {
  // The same escaping and helpers node-plop uses for the scaffold, so a solution reads like generated code.
  const handlebars = Handlebars.create();
  handlebars.registerHelper({ json, lowercase });
  return async (templateFile: string, data: object) => handlebars.compile(await readFile(templateFile, 'utf8'))(data);
}

/**
 * First endpoint: the second table gets the same resource the scaffold gives the primary one (schema,
 * repository, router, OpenAPI description and tests), and `src/routes.ts` mounts both.
 */
const firstEndpoint: Solution = async (view, templatesDir) => {
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
};

/** Reference solutions, kept in this repository and never shipped in a generated project. */
export const SOLUTIONS: Partial<Record<MilestoneId, Solution>> = {
  'first-endpoint': firstEndpoint,
};

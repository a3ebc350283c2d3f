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

/**
 * Indexes: a reversible migration, numbered after the scaffold's, with the composite index the hot list
 * needs. The scaffold's list route already filters with equality and orders by the sort column then `id`,
 * so its SQL matches the hot query and the index is all the solution adds.
 */
const indexes: Solution = async (view) => {
  const { table, index } = view.domain.hotList;
  const number = String(view.tables.length + 1).padStart(4, '0');
  const name = `${table}_hot_list_index`;
  const columns = index.map((column) => `'${column}'`).join(', ');
  const content = `import type { Knex } from 'knex';

// Serves the hot list: ${view.domain.hotList.query}
// Columns compared with equality come first, then the ORDER BY columns, ending with the id tiebreaker, so
// PostgreSQL walks the matching rows already in order and stops after the page instead of sorting them all.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('${table}', (table) => {
    table.index([${columns}], '${name}');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('${table}', (table) => {
    table.dropIndex([${columns}], '${name}');
  });
}
`;
  return [{ relative: `src/db/migrations/${number}_index_${table}_hot_list.ts`, content }];
};

/** Reference solutions, kept in this repository and never shipped in a generated project. */
export const SOLUTIONS: Partial<Record<MilestoneId, Solution>> = {
  'first-endpoint': firstEndpoint,
  indexes,
};

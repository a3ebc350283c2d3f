import type { ProjectView } from '../view/project.js';
import { type MilestoneSolution, mutate } from './kit.js';

function migrationPath(view: ProjectView): string {
  const number = String(view.tables.length + 1).padStart(4, '0');
  return `src/db/migrations/${number}_index_${view.domain.hotList.table}_hot_list.ts`;
}

const columnList = (columns: readonly string[]) => `[${columns.map((column) => `'${column}'`).join(', ')}]`;

/**
 * Indexes: a reversible migration, numbered after the scaffold's, with the composite index the hot list
 * needs. The scaffold's list route already filters with equality and orders by the sort column then `id`,
 * so its SQL matches the hot query and the index is all the solution adds.
 */
const solution: MilestoneSolution = {
  async files(view) {
    const { table, index } = view.domain.hotList;
    const name = `${table}_hot_list_index`;
    const columns = columnList(index);
    const content = `import type { Knex } from 'knex';

// Serves the hot list: ${view.domain.hotList.query}
// Columns compared with equality come first, then the ORDER BY columns, ending with the id tiebreaker, so
// PostgreSQL walks the matching rows already in order and stops after the page instead of sorting them all.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('${table}', (table) => {
    table.index(${columns}, '${name}');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('${table}', (table) => {
    table.dropIndex(${columns}, '${name}');
  });
}
`;
    return [{ relative: migrationPath(view), content }];
  },
  mistakes: [
    {
      name: 'an index on the filter column only, so PostgreSQL still sorts every match',
      fails: ['indexes.index-exists', 'indexes.plan-uses-index'],
      async edit(view, read) {
        const relative = migrationPath(view);
        const { index } = view.domain.hotList;
        const filterOnly = columnList(index.slice(0, 1));
        return [{ relative, content: mutate(await read(relative), new RegExp(escape(columnList(index)), 'g'), filterOnly, this.name) }];
      },
    },
  ],
};

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export default solution;

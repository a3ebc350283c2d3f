import type { IncidentId } from '@create-backend-portfolio/core';
import type { ResourceView } from '../view/project.js';

/** One reversible edit of a scaffold file: `find` is the scaffold's text, `replace` the faulty one. */
export interface FaultPatch {
  readonly file: string;
  readonly find: string;
  readonly replace: string;
}

/** The primary resource's repository, where every drill's fault lives. */
export const repositoryFile = (resource: ResourceView) => `src/resources/${resource.table}/${resource.table}.repository.ts`;

/** The scaffold's methods, exactly as the resource template renders them: the text each fault replaces. */
export function scaffoldMethods() {
  return {
    list: [
      '    async list({ limit, offset, sort, ...filters }) {',
      '      const where = definedOnly(filters);',
      '      const [items, counted] = await Promise.all([',
      '        table()',
      '          .where(where)',
      "          // `id` breaks ties so that paging through equal sort values never repeats or skips a row.",
      "          .orderBy([{ column: sort.column, order: sort.direction }, { column: 'id', order: 'asc' }])",
      '          .limit(limit)',
      '          .offset(offset),',
      "        table().where(where).count({ total: '*' }).first(),",
      '      ]);',
      '      return { items, total: Number(counted?.total ?? 0) };',
      '    },',
    ].join('\n'),
    findById: ['    async findById(id) {', '      return table().where({ id }).first();', '    },'].join('\n'),
    updateWrite: '        .update({ ...changes, updated_at: db.fn.now() })',
  };
}

/**
 * The faults, written as a colleague might have in a plausible refactor, each with a comment that
 * sounds like a good reason. They compile and pass the scaffold's lint and tests.
 */
export function faultPatches(resource: ResourceView): Record<IncidentId, FaultPatch> {
  const file = repositoryFile(resource);
  const scaffold = scaffoldMethods();
  return {
    'detail-errors': {
      file,
      find: scaffold.findById,
      replace: [
        '    async findById(id) {',
        '      // One snapshot for the lookup, so it never sees half of a concurrent update.',
        "      const trx = await db.transaction({ isolationLevel: 'repeatable read' });",
        `      const found = await trx<${resource.Singular}>('${resource.table}').where({ id }).first();`,
        '      if (found === undefined) return undefined;',
        '      await trx.commit();',
        '      return found;',
        '    },',
      ].join('\n'),
    },
    'slow-list': {
      file,
      find: scaffold.list,
      replace: [
        '    async list({ limit, offset, sort, ...filters }) {',
        '      const where = definedOnly(filters);',
        '      // The page\'s ids first, then each row by id: the list and the detail route read a row the same way.',
        '      const page = await table()',
        '        .where(where)',
        "        .select('id')",
        "        .orderBy([{ column: sort.column, order: sort.direction }, { column: 'id', order: 'asc' }])",
        '        .limit(limit)',
        '        .offset(offset);',
        `      const items: ${resource.Singular}[] = [];`,
        '      for (const { id } of page) {',
        '        const item = await table().where({ id }).first();',
        '        if (item !== undefined) items.push(item);',
        '      }',
        "      const counted = await table().where(where).count({ total: '*' }).first();",
        '      return { items, total: Number(counted?.total ?? 0) };',
        '    },',
      ].join('\n'),
    },
    'lost-edits': {
      // Only the line that writes the row, so the drill still applies after the auth milestone adds an owner filter.
      file,
      find: scaffold.updateWrite,
      replace: [
        '        // Written back whole, so the stored row is always one consistent record, never a mix of two edits.',
        '        .update({ ...(await table().where({ id }).first()), ...changes, updated_at: db.fn.now() })',
      ].join('\n'),
    },
  };
}

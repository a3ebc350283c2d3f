import {
  allColumnNames,
  article,
  blankableColumn,
  type Column,
  type Domain,
  foreignKeys,
  primaryRelation,
  type Table,
  uniqueKeys,
} from '@create-backend-portfolio/core';
import { quote } from '../view/columns.js';
import { camelCase, label, pascalCase } from '../view/names.js';
import { type MilestoneSolution, mutate, type ProjectReader, type SolutionFile, testAppSuite } from './kit.js';

/**
 * Schema design: a migration of the learner's own (a named CHECK that the required text column is not
 * blank, with a working `down`), `?include=` on the primary resource's item route read with one join,
 * constraint violations explained by constraint name, `docs/schema.md` and a test for the joined read.
 * Shared files (the router, its OpenAPI description, `database-errors.ts`) are patched, not re-rendered,
 * so the other milestones' solutions compose with this one.
 */

/** Numbered after the scaffold's migrations, as `pnpm gen migration` numbers it in a fresh project. */
function notBlankMigration(domain: Domain) {
  const blank = blankableColumn(domain);
  if (blank === undefined) throw new Error(`domain ${domain.id} has no required text column for the schema-design solution`);
  const constraint = `${blank.table.name}_${blank.column.name}_not_blank`;
  return { ...blank, constraint, relative: `src/db/migrations/${String(domain.tables.length + 1).padStart(4, '0')}_${constraint}.ts` };
}

function migrationFile(domain: Domain): SolutionFile {
  const { table, column, constraint, relative } = notBlankMigration(domain);
  const content = `import type { Knex } from 'knex';

// Validation already refuses a blank ${column.name}; this makes the database refuse it too, so a script, a job
// or a bug in validation cannot store one. It fails on a table that already holds blank values: clean those first.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('${table.name}', (table) => {
    table.check("btrim(${column.name}) <> ''", [], '${constraint}');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('${table.name}', (table) => {
    table.dropChecks(['${constraint}']);
  });
}
`;
  return { relative, content };
}

/** The primary resource and the parent it includes. Every domain's primary table holds a foreign key to it. */
function inclusion(domain: Domain) {
  const rel = primaryRelation(domain);
  if (rel.child.name !== domain.primaryResource) {
    throw new Error(`domain ${domain.id}: the schema-design solution includes a parent; ${domain.primaryResource} has none`);
  }
  const child = rel.child;
  const parent = rel.parent;
  return {
    child,
    parent,
    column: rel.column,
    key: parent.singular,
    prefix: `${parent.singular}__`,
    Child: pascalCase(child.singular),
    Parent: pascalCase(parent.singular),
    camelChild: camelCase(child.singular),
    camelChildren: camelCase(child.name),
    includeFile: `src/resources/${child.name}/${child.name}.include.ts`,
    finder: `find${pascalCase(child.singular)}With${pascalCase(parent.singular)}`,
    query: `read${pascalCase(child.singular)}Query`,
  };
}

const columnList = (table: Table) => `[${allColumnNames(table).map(quote).join(', ')}]`;

function includeFile(domain: Domain): SolutionFile {
  const inc = inclusion(domain);
  const { child, parent, column } = inc;
  const PARENT = `${parent.singular.toUpperCase()}_COLUMNS`;
  const join = column.nullable === true ? 'leftJoin' : 'join';
  const content = `import type { Knex } from 'knex';
import { z } from 'zod';
import { type ${inc.Child}, ${inc.camelChild}Schema } from './${child.name}.schema.js';

/** The query of \`GET /${child.name}/:id\`: \`include=${inc.key}\` adds the ${label(parent.singular)}; any other value is a 400. */
export const ${inc.query} = z.object({ include: z.enum(['${inc.key}']).optional() });

/** The item route's answer: the ${label(child.singular)}, and its ${label(parent.singular)} when asked for. */
export const ${inc.camelChild}With${inc.Parent}Schema = ${inc.camelChild}Schema
  .extend({ ${inc.key}: z.looseObject({ id: z.uuid() })${column.nullable === true ? '.nullable()' : ''}.optional() })
  .meta({ id: '${inc.Child}With${inc.Parent}' });

const ${PARENT} = ${columnList(parent)} as const;

export type ${inc.Parent}Row = Readonly<Record<(typeof ${PARENT})[number], unknown>>;

export type ${inc.Child}With${inc.Parent} = ${inc.Child} & { readonly ${inc.key}: ${inc.Parent}Row${column.nullable === true ? ' | null' : ''} };

/**
 * The ${label(child.singular)} and its ${label(parent.singular)} in one statement. Both tables have \`id\`, \`created_at\` and
 * \`updated_at\`: the ${label(parent.singular)}'s columns are named and carry a prefix, because with \`select *\` across a join the
 * second \`id\` would silently overwrite the first. The ${label(child.singular)} comes whole, so a column a later migration adds is
 * in the answer too.
 */
export async function ${inc.finder}(db: Knex, id: string): Promise<${inc.Child}With${inc.Parent} | undefined> {
  const row: Record<string, unknown> | undefined = await db('${child.name}')
    .${join}('${parent.name}', '${parent.name}.id', '${child.name}.${column.name}')
    .where('${child.name}.id', id)
    .first([\`${child.name}.*\`, ...${PARENT}.map((name) => \`${parent.name}.\${name} as ${inc.prefix}\${name}\`)]);
  if (row === undefined) return undefined;
  const ${inc.key} = Object.fromEntries(${PARENT}.map((name) => [name, row[\`${inc.prefix}\${name}\`]])) as ${inc.Parent}Row;
  const ${inc.camelChild} = Object.fromEntries(Object.entries(row).filter(([name]) => !name.startsWith('${inc.prefix}'))) as unknown as ${inc.Child};
  return { ...${inc.camelChild}, ${inc.key}${column.nullable === true ? `: ${inc.key}.id === null ? null : ${inc.key}` : ''} };
}
`;
  return { relative: inc.includeFile, content };
}

/** `GET /:id` reads the query and, with \`include\`, answers from the join. */
async function patchRouter(domain: Domain, read: ProjectReader): Promise<SolutionFile> {
  const inc = inclusion(domain);
  const relative = `src/resources/${inc.child.name}/${inc.child.name}.router.ts`;
  let source = await read(relative);
  const repositoryImport = `import { ${inc.camelChildren}Repository } from './${inc.child.name}.repository.js';\n`;
  source = mutate(source, repositoryImport, `${repositoryImport}import { ${inc.finder}, ${inc.query} } from './${inc.child.name}.include.js';\n`, 'include import');
  const find = `    const ${inc.camelChild} = await ${inc.camelChildren}.findById(id);\n`;
  source = mutate(
    source,
    find,
    `    const { include } = parse(${inc.query}, req.query, 'query');\n` +
      `    const ${inc.camelChild} = include === '${inc.key}' ? await ${inc.finder}(db, id) : await ${inc.camelChildren}.findById(id);\n`,
    'include in GET /:id',
  );
  return { relative, content: source };
}

/** The item route's OpenAPI entry documents the new query parameter. */
async function patchOpenApi(domain: Domain, read: ProjectReader): Promise<SolutionFile> {
  const inc = inclusion(domain);
  const relative = `src/resources/${inc.child.name}/${inc.child.name}.openapi.ts`;
  let source = await read(relative);
  source = mutate(source, /^import \{/m, `import { ${inc.camelChild}With${inc.Parent}Schema, ${inc.query} } from './${inc.child.name}.include.js';\nimport {`, 'openapi import');
  source = mutate(
    source,
    new RegExp(`(summary: 'Read one [^']*',\\n\\s*request: \\{ params: ${inc.camelChild}Params)( \\})`),
    `$1, query: ${inc.query}$2`,
    'openapi include query',
  );
  source = mutate(
    source,
    `description: 'The ${label(inc.child.singular)}', content: jsonContent(${inc.camelChild}Schema)`,
    `description: 'The ${label(inc.child.singular)}', content: jsonContent(${inc.camelChild}With${inc.Parent}Schema)`,
    'openapi include response',
  );
  return { relative, content: source };
}

/** One sentence per named constraint, in a client developer's words. */
function constraintMessages(domain: Domain): [string, string][] {
  const messages: [string, string][] = [];
  const blank = notBlankMigration(domain);
  for (const table of domain.tables) {
    const one = label(table.singular);
    for (const key of uniqueKeys(table)) {
      const name = key.length === 1 ? `${table.name}_${key[0]}_unique` : `${table.name}_${key.join('_')}_unique`;
      messages.push([name, `Another ${one} already has the same ${key.map((c) => `\`${c}\``).join(', ')}.`]);
    }
    for (const column of foreignKeys(table)) {
      const parent = domain.tables.find((candidate) => candidate.name === column.references?.table) ?? table;
      messages.push([
        `${table.name}_${column.name}_foreign`,
        `\`${column.name}\` must name an existing ${label(parent.singular)}, and ${article(label(parent.singular))} that ${label(table.name)} still refer to cannot be deleted.`,
      ]);
    }
    for (const column of table.columns) {
      if (column.enum !== undefined) messages.push([`${table.name}_${column.name}_check`, `\`${column.name}\` must be one of ${column.enum.join(', ')}.`]);
      if (column.min !== undefined && column.max !== undefined) {
        messages.push([`${table.name}_${column.name}_range`, `\`${column.name}\` must be between ${column.min} and ${column.max}.`]);
      }
    }
    for (const check of table.checks ?? []) messages.push([check.name, `The ${one} breaks the rule ${check.sql}.`]);
  }
  messages.push([blank.constraint, `\`${blank.column.name}\` must not be blank.`]);
  return messages;
}

function messagesFile(domain: Domain): SolutionFile {
  const entries = constraintMessages(domain).map(([name, text]) => `  [${quote(name)}, ${quote(text)}],`);
  const content = `/**
 * What each constraint the migrations name means, for the \`detail\` of a 409 or 422. Keyed by constraint
 * name, never by the driver's message, which is PostgreSQL's wording and can name internals.
 */
const MESSAGES: ReadonlyMap<string, string> = new Map([
${entries.join('\n')}
]);

/** The sentence for a constraint, or undefined for one this file does not know yet. */
export function constraintMessage(name: string | undefined): string | undefined {
  return name === undefined ? undefined : MESSAGES.get(name);
}
`;
  return { relative: 'src/http/constraint-messages.ts', content };
}

/** Each violation's `detail` keeps the generic sentence and adds the constraint's own, when the name is known. */
async function patchDatabaseErrors(read: ProjectReader): Promise<SolutionFile> {
  const relative = 'src/http/database-errors.ts';
  let source = await read(relative);
  source = mutate(source, /^(import \{ HttpError \} from '\.\/problem\.js';\n)/m, "import { constraintMessage } from './constraint-messages.js';\n$1", 'messages import');
  source = mutate(
    source,
    /^( *)(const constraint = error\.constraint === undefined .*\n)/m,
    "$1$2$1const known = constraintMessage(error.constraint);\n$1const rule = known === undefined ? '' : ` ${known}`;\n",
    'known message',
  );
  source = mutate(source, /\$\{constraint\}\.`/g, '${constraint}.${rule}`', 'messages in 409 and 422');
  return { relative, content: source };
}

function schemaDoc(domain: Domain): SolutionFile {
  const lines = [
    `# The ${domain.name.toLowerCase()} schema`,
    '',
    '| table | holds | foreign keys (ON DELETE) |',
    '|---|---|---|',
    ...domain.tables.map((table) => {
      const keys = foreignKeys(table).map((c: Column) => `\`${c.name}\` → ${c.references?.table} (${c.references?.onDelete})`);
      return `| \`${table.name}\` | ${table.description} | ${keys.join(', ') || '—'} |`;
    }),
    '',
    '## Why these ON DELETE rules',
    '',
    ...domain.tables.flatMap((table) =>
      foreignKeys(table).map((c) => {
        const parent = label(c.references?.table ?? '');
        switch (c.references?.onDelete) {
          case 'cascade':
            return `- \`${table.name}.${c.name}\` cascades: ${label(table.name)} mean nothing without their ${parent}, so deleting the parent removes them.`;
          case 'set null':
            return `- \`${table.name}.${c.name}\` is set to NULL: ${label(table.name)} outlive their ${parent} and keep their own history.`;
          default:
            return `- \`${table.name}.${c.name}\` restricts: ${label(table.name)} are records worth keeping, so ${parent} with ${label(table.name)} cannot be deleted by accident; the client must deal with them first.`;
        }
      }),
    ),
    '',
  ];
  return { relative: 'docs/schema.md', content: lines.join('\n') };
}

function includeTest(domain: Domain): SolutionFile {
  const inc = inclusion(domain);
  const { child, column } = inc;
  const content = `import { randomUUID } from 'node:crypto';
import { insert${inc.Child} } from './support/fixtures.js';
import { createTestApp, resetDatabase, type TestApp } from './support/test-app.js';

${testAppSuite(`GET /${child.name}/:id?include=${inc.key}`, `  it('returns the ${label(child.singular)} with its ${label(inc.parent.singular)}, each keeping its own id', async () => {
    const row = await insert${inc.Child}(ctx.db);
    const res = await ctx.api.get(\`/${child.name}/\${row.id}?include=${inc.key}\`).expect(200);
    expect(res.body.id).toBe(row.id);
    expect(res.body.${inc.key}.id).toBe(row.${column.name});
  });

  it('leaves the ${label(inc.parent.singular)} out without include', async () => {
    const row = await insert${inc.Child}(ctx.db);
    const res = await ctx.api.get(\`/${child.name}/\${row.id}\`).expect(200);
    expect(res.body).not.toHaveProperty('${inc.key}');
  });

  it('refuses an unknown include with 400 and a missing ${label(child.singular)} with 404', async () => {
    const row = await insert${inc.Child}(ctx.db);
    await ctx.api.get(\`/${child.name}/\${row.id}?include=nonsense\`).expect(400);
    await ctx.api.get(\`/${child.name}/\${randomUUID()}?include=${inc.key}\`).expect(404);
  });
`)}`;
  return { relative: `test/${child.name}.include.test.ts`, content };
}

const solution: MilestoneSolution = {
  async files(view, _templatesDir, read) {
    const { domain } = view;
    return [
      migrationFile(domain),
      includeFile(domain),
      await patchRouter(domain, read),
      await patchOpenApi(domain, read),
      messagesFile(domain),
      await patchDatabaseErrors(read),
      schemaDoc(domain),
      includeTest(domain),
    ];
  },
  mistakes: [
    {
      name: 'a `down` that leaves the CHECK its `up` added, so undoing the migration does not undo it',
      fails: ['schema-design.migrations-reversible'],
      async edit(view, read) {
        const { relative } = notBlankMigration(view.domain);
        const down = /export async function down\(knex: Knex\): Promise<void> \{[\s\S]*\}\n$/;
        const content = mutate(
          await read(relative),
          down,
          'export async function down(): Promise<void> {\n  // Nothing to undo: the CHECK holds no data, it only refuses rows.\n}\n',
          this.name,
        );
        return [{ relative, content }];
      },
    },
    {
      name: 'the nested read as two queries, one per table, instead of a join',
      fails: ['schema-design.nested-read'],
      async edit(view, read) {
        const inc = inclusion(view.domain);
        const body = /^ {2}const row: Record<string, unknown> \| undefined = await db[\s\S]*?\n\}\n/m;
        const content = mutate(
          await read(inc.includeFile),
          body,
          `  const ${inc.camelChild} = await db<${inc.Child}>('${inc.child.name}').where({ id }).first();\n` +
            `  if (${inc.camelChild} === undefined) return undefined;\n` +
            `  const ${inc.key} = await db('${inc.parent.name}').where({ id: ${inc.camelChild}.${inc.column.name} }).first();\n` +
            `  return { ...${inc.camelChild}, ${inc.key} };\n}\n`,
          this.name,
        );
        return [{ relative: inc.includeFile, content }];
      },
    },
    {
      name: 'a catch around the insert that rethrows a plain Error, so a unique or foreign key violation becomes a 500',
      fails: ['schema-design.unique-conflict', 'schema-design.foreign-key'],
      async edit(view, read) {
        const { table, camelPlural, label: one } = view.resource;
        const relative = `src/resources/${table}/${table}.router.ts`;
        const content = mutate(
          await read(relative),
          // The create call as the solutions left it: auth adds the caller's id as a second argument.
          new RegExp(`await ${camelPlural}\\.create\\((body[^;]*)\\);`),
          `await ${camelPlural}.create($1).catch((error: unknown) => {\n      throw new Error('Could not save the ${one}', { cause: error });\n    });`,
          this.name,
        );
        return [{ relative, content }];
      },
    },
  ],
};

export default solution;

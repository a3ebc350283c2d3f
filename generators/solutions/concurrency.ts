import { article, type ContendedWrite, contendedRoute, contendedTable, type Domain, parentOf, type Table } from '@create-backend-portfolio/core';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { contendedView, idempotencyKeyMax } from '../milestones/concurrency.view.js';
import { quote } from '../view/columns.js';
import { camelCase, pascalCase } from '../view/names.js';
import { type ProjectView, resourceView } from '../view/project.js';
import { type MilestoneSolution, mutate, type ProjectReader, renderer, type SolutionFile } from './kit.js';

/** The solution's tests, as templates mirroring where they land in the project. */
const TESTS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'concurrency/test');

/**
 * Concurrency: `POST /<parent>/:id/<table>` writes the contended row in one transaction whose guard depends on
 * the kind of race (a row lock on the parent and a sum for a capacity, a partial unique index and
 * `ON CONFLICT DO NOTHING` for a single winner, `ON CONFLICT` on the dedupe key plus an atomic upsert for a
 * counter). A reusable helper stores each `Idempotency-Key` with its response in the same transaction.
 * New files, plus one entry patched into `src/routes.ts` as the earlier solutions left it.
 */

interface Names {
  readonly domain: Domain;
  readonly write: ContendedWrite;
  readonly table: Table;
  readonly rel: NonNullable<ReturnType<typeof parentOf>>;
  readonly parentKey: string;
  /** `reservation`, `Reservation`, `reservations`. */
  readonly camel: string;
  readonly Singular: string;
  readonly Plural: string;
  readonly parentSingular: string;
  readonly dir: string;
  readonly schemaFile: string;
  readonly writeFile: string;
  readonly routerFile: string;
  readonly openapiFile: string;
  readonly migrationFile: string;
}

function names(view: ProjectView): Names {
  const domain = view.domain;
  const table = contendedTable(domain);
  const rel = parentOf(domain, table);
  if (rel === undefined) throw new Error(`${domain.id}: the contended table needs a parent`);
  const dir = `src/resources/${table.name}`;
  return {
    domain,
    write: domain.contendedWrite,
    table,
    rel,
    parentKey: rel.column.name,
    camel: camelCase(table.singular),
    Singular: pascalCase(table.singular),
    Plural: pascalCase(table.name),
    parentSingular: rel.parent.singular.replace(/_/g, ' '),
    dir,
    schemaFile: `${dir}/${table.name}.schema.ts`,
    writeFile: `${dir}/${table.name}.create.ts`,
    routerFile: `${dir}/${table.name}.nested.router.ts`,
    openapiFile: `${dir}/${table.name}.nested.openapi.ts`,
    migrationFile: `src/db/migrations/${String(view.tables.length + 1).padStart(4, '0')}_idempotency_keys_and_race_guards.ts`,
  };
}

const list = (values: readonly string[]) => `[${values.map(quote).join(', ')}]`;

/** The migration: the idempotency table every write can use, and the unique index a single-winner race needs. */
function migration(n: Names, keyMax: number): string {
  const write = n.write;
  const guard =
    write.kind === 'single-winner'
      ? {
          name: `${n.table.name}_one_${write.activeWhen === undefined ? '' : 'open_'}per_${write.collidesOn.join('_')}`,
          sql: `${write.collidesOn.join(', ')}${write.activeWhen === undefined ? '' : `) WHERE (${write.activeWhen}`}`,
          open: write.activeWhen === undefined ? '' : 'open ',
          columns: write.collidesOn.join(', '),
        }
      : undefined;
  const up = guard
    ? `
  // The database, not the handler, decides who wins: a second ${guard.open}row for the same ${guard.columns} cannot exist.
  await knex.raw('CREATE UNIQUE INDEX ?? ON ?? (${guard.sql})', ['${guard.name}', '${n.table.name}']);`
    : '';
  const down = guard ? `\n  await knex.raw('DROP INDEX ??', ['${guard.name}']);` : '';
  return `import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  // One row per Idempotency-Key, written in the same transaction as the change it guards: a retry finds the
  // stored response, and a copy sent at the same moment waits on the primary key until the first commits.
  await knex.schema.createTable('idempotency_keys', (table) => {
    table.string('key', ${keyMax}).primary();
    table.string('request_hash', 64).notNullable();
    // Empty until the write finishes; only ever seen empty by the transaction that claimed the key.
    table.integer('response_status').nullable();
    table.jsonb('response_body').nullable();
    table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });${up}
}

export async function down(knex: Knex): Promise<void> {${down}
  await knex.schema.dropTable('idempotency_keys');
}
`;
}

function idempotencyHelper(keyMax: number): string {
  return `import { createHash } from 'node:crypto';
import type { Request } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import { HttpError } from './problem.js';

export const idempotencyKeyHeader = z.string().min(1).max(${keyMax});

/** A request's Idempotency-Key, with a fingerprint of the request it was first used for. */
export interface Idempotency {
  readonly key: string;
  readonly requestHash: string;
}

export interface StoredResponse<Body> {
  readonly status: number;
  readonly body: Body;
}

/** JSON with object keys sorted, so the same body always hashes the same whatever order a client sends. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return \`[\${value.map(canonical).join(',')}]\`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return \`{\${entries.map(([key, item]) => \`\${JSON.stringify(key)}:\${canonical(item)}\`).join(',')}}\`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The request's Idempotency-Key, or undefined when it sent none. A malformed key is 400, never ignored. */
export function idempotencyOf(req: Request): Idempotency | undefined {
  const header = req.headers['idempotency-key'];
  if (header === undefined) return undefined;
  const parsed = idempotencyKeyHeader.safeParse(header);
  if (!parsed.success) {
    throw HttpError.validation([{ pointer: '/headers/idempotency-key', message: 'must be between 1 and ${keyMax} characters' }]);
  }
  const requestHash = createHash('sha256').update(\`\${req.method} \${req.baseUrl}\${req.path}\\n\${canonical(req.body)}\`).digest('hex');
  return { key: parsed.data, requestHash };
}

/**
 * Runs \`write\` in a transaction, at most once per Idempotency-Key. The key is claimed first with
 * \`ON CONFLICT DO NOTHING\`: a copy sent at the same moment waits on the primary key until the first
 * commits, then replays its stored response; if the first failed, its transaction took the claim with it.
 */
export async function writeOnce<Body>(
  db: Knex,
  idempotency: Idempotency | undefined,
  write: (trx: Knex.Transaction) => Promise<StoredResponse<Body>>,
): Promise<StoredResponse<Body>> {
  return db.transaction(async (trx) => {
    if (idempotency === undefined) return write(trx);
    const { key, requestHash } = idempotency;
    const claimed = await trx('idempotency_keys')
      .insert({ key, request_hash: requestHash })
      .onConflict('key')
      .ignore()
      .returning('key');
    if (claimed.length === 0) {
      const stored = await trx('idempotency_keys').where({ key }).first();
      if (stored !== undefined && stored.request_hash !== requestHash) {
        throw new HttpError(422, 'idempotency-key-reused', \`Idempotency-Key \${key} was already used for a different request.\`);
      }
      if (stored?.response_status === undefined || stored.response_status === null) {
        throw new HttpError(409, 'idempotency-key-in-use', \`A request with Idempotency-Key \${key} is still being processed; retry shortly.\`);
      }
      return { status: stored.response_status, body: stored.response_body as Body };
    }
    const response = await write(trx);
    await trx('idempotency_keys')
      .where({ key })
      .update({ response_status: response.status, response_body: JSON.stringify(response.body) });
    return response;
  });
}
`;
}

/** The create body and the row as the API returns it, for a contended table that has no resource of its own. */
function schemaFile(n: Names): string {
  const resource = resourceView(n.domain, n.table.name);
  const fields = resource.fields;
  const needsNoNul = fields.some((field) => field.zod.includes('noNul'));
  return `import { z } from 'zod';
${needsNoNul ? "import { noNul } from '../../http/validate.js';\n" : ''}
export const create${n.Singular}Body = z
  .strictObject({
${fields.map((field) => `    ${field.name}: ${field.zod}${field.optionalOnCreate ? '.optional()' : ''},`).join('\n')}
  })
  .meta({ id: 'Create${n.Singular}' });

/** One ${resource.label} as the API returns it: the row, with timestamps as ISO 8601 strings. */
export const ${n.camel}Schema = z
  .strictObject({
    id: z.uuid(),
${fields.map((field) => `    ${field.name}: ${field.responseZod},`).join('\n')}
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime(),
  })
  .meta({ id: '${n.Singular}' });

export type Create${n.Singular} = z.infer<typeof create${n.Singular}Body>;

export interface ${n.Singular} {
  readonly id: string;
${fields.map((field) => `  readonly ${field.name}: ${field.tsType};`).join('\n')}
  readonly created_at: Date;
  readonly updated_at: Date;
}
`;
}

/** The expression for each column of the counter's key, given the stored row `row` and the parent id. */
function counterKeyValues(n: Names, counter: Extract<ContendedWrite, { kind: 'counter' }>): string[] {
  const counterTable = n.domain.tables.find((table) => table.name === counter.counter.table);
  const has = (name: string) => n.table.columns.some((column) => column.name === name);
  const timestamp = n.table.columns.find((column) => column.type === 'timestamptz' && column.nullable !== true);
  return counter.counter.key.map((key) => {
    if (key === n.parentKey) return `${key}: parentId`;
    if (has(key)) return `${key}: row.${key}`;
    const unprefixed = key.replace(new RegExp(`^${n.table.singular}_`), '');
    if (has(unprefixed)) return `${key}: row.${unprefixed}`;
    const type = counterTable?.columns.find((column) => column.name === key)?.type;
    if (type === 'timestamptz' && timestamp !== undefined) {
      return `${key}: trx.raw("date_trunc('hour', ?::timestamptz, 'UTC')", [row.${timestamp.name}])`;
    }
    throw new Error(`${n.domain.id}: no value for the counter key column ${key}`);
  });
}

/** The guarded write, one function per kind of race, inside the transaction the router opens. */
function writeModule(n: Names): string {
  const { table, rel, parentKey, Singular } = n;
  const parent = rel.parent.name;
  const header = `import type { Knex } from 'knex';
import { HttpError } from '../../http/problem.js';
import type { Create${Singular}, ${Singular} } from './${table.name}.schema.js';

export type New${Singular} = Omit<Create${Singular}, '${parentKey}'>;
`;
  const notFound = `if (parent === undefined) throw HttpError.notFound(\`No ${n.parentSingular} has id \${parentId}.\`);`;
  const signature = `export async function create${Singular}(trx: Knex.Transaction, parentId: string, input: New${Singular}): Promise<${Singular}> {`;
  /** Looks the parent up without making anyone wait, then inserts unless the unique key `conflict` already holds a row. */
  const insertUnlessTaken = (conflict: string) => `${signature}
  // A share lock on the key only: the ${n.parentSingular} cannot be deleted meanwhile, and nobody else waits for it.
  const parent = await trx('${parent}').where({ id: parentId }).forKeyShare().first('id');
  ${notFound}
  const [row] = (await trx('${table.name}')
    .insert({ ...input, ${parentKey}: parentId })
    .onConflict(${conflict})
    .ignore()
    .returning('*')) as ${Singular}[];`;
  const write = n.write;
  switch (write.kind) {
    case 'capacity': {
      const amount = write.amountColumn === undefined ? '1' : `input.${write.amountColumn}`;
      const used = write.amountColumn === undefined ? `.count({ used: '*' })` : `.sum({ used: '${write.amountColumn}' })`;
      const counts = write.countsWhen === undefined ? '' : `\n    .whereRaw(${JSON.stringify(write.countsWhen)})`;
      return `${header}
/**
 * ${capitalize(write.summary)}. The ${n.parentSingular} row is locked first, so requests for the same ${n.parentSingular} queue
 * here one at a time and each sees what the one before it wrote; requests for other rows never wait.
 */
${signature}
  const parent = await trx('${parent}').where({ id: parentId }).forUpdate().first('${write.limit.column}');
  ${notFound}
  const taken = await trx('${table.name}')
    .where({ ${parentKey}: parentId })${counts}
    ${used}
    .first();
  const left = parent.${write.limit.column} - Number(taken?.used ?? 0);
  if (${amount} > left) {
    throw new HttpError(409, 'not-enough-left', \`${capitalize(n.parentSingular)} \${parentId} has \${left} left of ${write.limit.column} and this request needs \${${amount}}.\`);
  }
  const [row] = (await trx('${table.name}').insert({ ...input, ${parentKey}: parentId }).returning('*')) as ${Singular}[];
  if (row === undefined) throw new Error('insert returned no row');
  return row;
}
`;
    }
    case 'single-winner': {
      const target = write.collidesOn.join(', ');
      const conflict =
        write.activeWhen === undefined
          ? list(write.collidesOn)
          : `trx.raw(${JSON.stringify(`(${write.collidesOn.map(() => '??').join(', ')}) WHERE ${write.activeWhen}`)}, ${list(write.collidesOn)})`;
      const blocking = write.activeWhen === undefined ? '' : `.whereRaw(${JSON.stringify(write.activeWhen)})`;
      return `${header}
/**
 * ${capitalize(write.summary)}. The unique index on ${target} decides who wins: \`ON CONFLICT DO NOTHING\`
 * waits for a competing insert to commit, then inserts nothing, and the request that lost answers 409 naming the winner.
 */
${insertUnlessTaken(conflict)}
  if (row !== undefined) return row;
  const winner = await trx('${table.name}').where({ ${parentKey}: parentId })${blocking}.first('id');
  throw new HttpError(409, '${table.singular.replace(/_/g, '-')}-exists', \`${capitalize(n.parentSingular)} \${parentId} already has one: ${table.singular.replace(/_/g, ' ')} \${winner?.id ?? '(just closed)'}.\`);
}
`;
    }
    case 'counter': {
      const { counter } = write;
      const dedupe = write.dedupeOn.map((column) => (column === parentKey ? `${column}: parentId` : `${column}: input.${column}`)).join(', ');
      return `${header}
/**
 * ${capitalize(write.summary)}. The unique key on ${write.dedupeOn.join(', ')} refuses a copy, which
 * leaves the counter alone; a stored row adds one to its ${counter.table.replace(/_/g, ' ')} row in a single upsert, so two requests
 * never read the same count and both write it back plus one.
 */
${insertUnlessTaken(list(write.dedupeOn))}
  if (row === undefined) {
    const stored = await trx('${table.name}').where({ ${dedupe} }).first('id');
    throw new HttpError(409, 'duplicate-${table.singular.replace(/_/g, '-')}', \`This ${table.singular.replace(/_/g, ' ')} is already stored as \${stored?.id ?? 'another row'}.\`);
  }
  await trx('${counter.table}')
    .insert({ ${counterKeyValues(n, write).join(', ')}, ${counter.column}: 1 })
    .onConflict(${list(counter.key)})
    .merge({ ${counter.column}: trx.raw('?? + 1', ['${counter.table}.${counter.column}']) });
  return row;
}
`;
    }
  }
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function routerModule(n: Names): string {
  return `import { Router } from 'express';
import { z } from 'zod';
import { idempotencyOf, writeOnce } from '../../http/idempotency.js';
import { parse } from '../../http/validate.js';
import type { ResourceDeps } from '../resource.js';
import { create${n.Singular} } from './${n.table.name}.create.js';
import { create${n.Singular}Body } from './${n.table.name}.schema.js';

export const nested${n.Singular}Params = z.object({ id: z.uuid() });
/** The path names the ${n.parentSingular}, so the body does not. */
export const nested${n.Singular}Body = create${n.Singular}Body.omit({ ${n.parentKey}: true });

/** \`POST ${contendedRoute(n.domain)}\`, mounted under the ${n.parentSingular} it belongs to. */
export function nested${n.Plural}Router({ db }: ResourceDeps): Router {
  const router = Router({ mergeParams: true });

  router.post('/', async (req, res) => {
    const { id } = parse(nested${n.Singular}Params, req.params, 'params');
    const input = parse(nested${n.Singular}Body, req.body, 'body');
    const { status, body } = await writeOnce(db, idempotencyOf(req), async (trx) => ({
      status: 201,
      body: await create${n.Singular}(trx, id, input),
    }));
    res.status(status).json(body);
  });

  return router;
}
`;
}

function openapiModule(n: Names, keyMax: number): string {
  return `import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { jsonContent, problemResponses } from '../../openapi/responses.js';
import { ${n.camel}Schema } from './${n.table.name}.schema.js';
import { nested${n.Singular}Body, nested${n.Singular}Params } from './${n.table.name}.nested.router.js';

const headers = z.object({
  'idempotency-key': z
    .string()
    .min(1)
    .max(${keyMax})
    .optional()
    .meta({ description: 'Send the same key again to retry safely: the first response is returned instead of writing twice.' }),
});

/** \`path\` is the Express mount path (\`:id\`); OpenAPI writes parameters in braces. */
export function documentNested${n.Plural}(registry: OpenAPIRegistry, path: string): void {
  registry.registerPath({
    method: 'post',
    path: path.replace(/:(\\w+)/g, '{$1}'),
    tags: ['${n.table.name}'],
    summary: ${quote(capitalize(n.write.summary))},
    request: { params: nested${n.Singular}Params, headers, body: { required: true, content: jsonContent(nested${n.Singular}Body) } },
    responses: {
      201: { description: 'Created, or the stored response to an earlier request with the same Idempotency-Key', content: jsonContent(${n.camel}Schema) },
      ...problemResponses(400, 404, 409, 413, 415, 422),
    },
  });
}
`;
}

/** Mounts the nested route in \`src/routes.ts\`, whatever other resources the earlier solutions added. */
function patchRoutes(n: Names, source: string): string {
  const imports =
    `import { documentNested${n.Plural} } from './resources/${n.table.name}/${n.table.name}.nested.openapi.js';\n` +
    `import { nested${n.Plural}Router } from './resources/${n.table.name}/${n.table.name}.nested.router.js';\n`;
  const withImports = mutate(source, /^(import .*\n)(?!import )/m, `$1${imports}`, 'concurrency: import the nested route');
  const entry = `  { path: '${contendedRoute(n.domain)}', router: nested${n.Plural}Router, document: documentNested${n.Plural} },\n`;
  return mutate(withImports, /(\nexport const resources[^=]*= \[\n(?: .*\n)*?)(\];)/, `$1${entry}$2`, 'concurrency: mount the nested route');
}

async function schemaFiles(n: Names, read: ProjectReader): Promise<SolutionFile[]> {
  // The primary resource, or a table another solution already made a resource of, has its schema: reuse it.
  const existing = await read(n.schemaFile).catch(() => undefined);
  if (existing?.includes(`create${n.Singular}Body`) && existing.includes(`${n.camel}Schema`)) return [];
  return [{ relative: n.schemaFile, content: schemaFile(n) }];
}

/**
 * Tests of the nested route and the idempotency helper, one request at a time: what a retry, a reused or
 * malformed key and the domain's rule answer. The races themselves need a real server; the check runs those.
 */
async function tests(view: ProjectView, n: Names): Promise<SolutionFile> {
  const write = n.write;
  const route = contendedRoute(n.domain);
  const data = {
    ...contendedView(view),
    route,
    path: route.replace(':id', '${parentId}'),
    words: n.table.singular.replace(/_/g, ' '),
    aWords: article(n.table.singular.replace(/_/g, ' ')),
    parentWords: n.parentSingular,
    aParent: article(n.parentSingular),
    notCounting: write.kind === 'capacity' && write.countsWhen !== undefined,
    amountColumn: write.kind === 'capacity' && write.amountColumn !== undefined,
    closes: write.kind === 'single-winner' && write.activeWhen !== undefined,
    tallyWords: write.kind === 'counter' ? write.counter.table.replace(/_/g, ' ').replace(/s$/, '') : '',
  };
  const content = await renderer()(path.join(TESTS_DIR, 'nested.test.ts.hbs'), data);
  return { relative: `test/${n.table.name}.nested.test.ts`, content };
}

const solution: MilestoneSolution = {
  async files(view, _templatesDir, read) {
    const n = names(view);
    const keyMax = idempotencyKeyMax(n.table);
    return [
      { relative: n.migrationFile, content: migration(n, keyMax) },
      { relative: 'src/http/idempotency.ts', content: idempotencyHelper(keyMax) },
      ...(await schemaFiles(n, read)),
      { relative: n.writeFile, content: writeModule(n) },
      { relative: n.routerFile, content: routerModule(n) },
      { relative: n.openapiFile, content: openapiModule(n, keyMax) },
      { relative: 'src/routes.ts', content: patchRoutes(n, await read('src/routes.ts')) },
      await tests(view, n),
    ];
  },
  mistakes: [
    {
      name: 'check-then-write: the rule is read in one statement and acted on in another, with no lock or constraint between them',
      fails: (view) => [raceCriterion(view.domain.contendedWrite)],
      async edit(view, read) {
        const n = names(view);
        const source = await read(n.writeFile);
        switch (n.write.kind) {
          case 'capacity':
            // Without the row lock, every request reads the same seats taken and all of them insert.
            return [{ relative: n.writeFile, content: mutate(source, '.forUpdate()', '', this.name) }];
          case 'single-winner': {
            const lookFirst = mutate(
              source,
              /const \[row\] = \(await trx\('(\w+)'\)\n\s*\.insert\(([^)]*)\)\n\s*\.onConflict\([^\n]*\)\n\s*\.ignore\(\)\n\s*\.returning\('\*'\)\) as (\w+)\[\];\n  if \(row !== undefined\) return row;\n  const winner = (.*);\n/,
              `const winner = $4;\n  if (winner === undefined) {\n    const [row] = (await trx('$1').insert($2).returning('*')) as $3[];\n    if (row !== undefined) return row;\n  }\n`,
              this.name,
            );
            const noIndex = mutate(await read(n.migrationFile), /\n *\/\/ The database, not the handler.*\n.*CREATE UNIQUE INDEX.*\n/, '\n', this.name);
            return [
              { relative: n.writeFile, content: lookFirst },
              { relative: n.migrationFile, content: mutate(noIndex, /\n *await knex\.raw\('DROP INDEX.*\n/, '\n', this.name) },
            ];
          }
          case 'counter': {
            // The count goes through JavaScript: two requests read the same number and both write it back plus one.
            const readThenWrite = mutate(
              source,
              /  await trx\('(\w+)'\)\n\s*\.insert\(\{ (.*), (\w+): 1 \}\)\n\s*\.onConflict\(.*\)\n\s*\.merge\(.*\);\n/,
              `  const bucket = { $2 };\n  const current = await trx('$1').where(bucket).first('$3');\n` +
                `  if (current === undefined) await trx('$1').insert({ ...bucket, $3: 1 });\n` +
                `  else await trx('$1').where(bucket).update({ $3: current.$3 + 1 });\n`,
              this.name,
            );
            return [{ relative: n.writeFile, content: readThenWrite }];
          }
        }
      },
    },
    {
      name: 'the Idempotency-Key header is never read, so a retry writes again and a malformed key goes unnoticed',
      fails: ['concurrency.idempotent-retry', 'concurrency.idempotency-key-misuse'],
      async edit(view, read) {
        const { routerFile } = names(view);
        const ignored = mutate(await read(routerFile), 'writeOnce(db, idempotencyOf(req), ', 'writeOnce(db, undefined, ', this.name);
        return [{ relative: routerFile, content: mutate(ignored, 'import { idempotencyOf, writeOnce }', 'import { writeOnce }', this.name) }];
      },
    },
    {
      name: 'a table lock: every write waits for every other, so one busy row stalls writes to all the others',
      fails: ['concurrency.independent-rows'],
      async edit(view, read) {
        const n = names(view);
        const lock = `): Promise<${n.Singular}> {\n  await trx.raw('LOCK TABLE ?? IN SHARE ROW EXCLUSIVE MODE', ['${n.table.name}']);\n`;
        return [{ relative: n.writeFile, content: mutate(await read(n.writeFile), `): Promise<${n.Singular}> {\n`, lock, this.name) }];
      },
    },
  ],
};

/** The criterion the race of this kind is checked by. */
function raceCriterion(write: ContendedWrite): string {
  switch (write.kind) {
    case 'capacity':
      return 'concurrency.last-unit-race';
    case 'single-winner':
      return 'concurrency.single-winner-race';
    case 'counter':
      // A copy still hits the unique key on the dedupe columns; what a check-then-write loses is increments.
      return 'concurrency.counter-no-lost-increments';
  }
}

export default solution;

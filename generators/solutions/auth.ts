import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProjectView } from '../view/project.js';
import { type MilestoneSolution, type ProjectReader, type SolutionFile, mutate, renderer } from './kit.js';

/** The new files, as templates mirroring where they land in the project. */
const FILES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'auth');

function migrationPath(view: ProjectView): string {
  // Numbered after the scaffold's tables and the indexes milestone's migration.
  return `src/db/migrations/${String(view.tables.length + 2).padStart(4, '0')}_create_users.ts`;
}

async function newFiles(view: ProjectView): Promise<SolutionFile[]> {
  const render = renderer();
  const templates = (await readdir(FILES_DIR, { recursive: true })).filter((name) => name.endsWith('.hbs'));
  return Promise.all(
    templates.map(async (template) => {
      const relative = template.replace(/\.hbs$/, '');
      return {
        relative: relative === 'src/db/migrations/create_users.ts' ? migrationPath(view) : relative,
        content: await render(path.join(FILES_DIR, template), view),
      };
    }),
  );
}

const resourceFile = (view: ProjectView, suffix: string) => `src/resources/${view.resource.table}/${view.resource.table}.${suffix}.ts`;

/** Small edits of files the scaffold (or an earlier solution) wrote: each throws if what it edits is gone. */
const patches: Record<string, (text: string, view: ProjectView) => string> = {
  'src/config.ts': (text) =>
    mutate(
      text,
      /^( *READINESS_TIMEOUT_MS: .*\n)/m,
      '$1    // How long a login lasts: a stolen token is worth only what is left of it.\n    AUTH_TTL_SECONDS: z.coerce.number().int().min(1).max(2_592_000).default(3_600),\n',
      'config: AUTH_TTL_SECONDS',
    ),
  'src/resources/resource.ts': (text) =>
    mutate(
      mutate(text, /^(import type \{ Knex \} from 'knex';\n)/m, "$1import type { Config } from '../config.js';\n", 'resource deps: import'),
      /(export interface ResourceDeps \{\n {2}readonly db: Knex;\n)/,
      '$1  readonly config: Config;\n',
      'resource deps: config',
    ),
  'src/app.ts': (text) => mutate(text, 'apiRouter({ db })', 'apiRouter({ db, config })', 'app: config for the routers'),
  'src/routes.ts': (text) =>
    mutate(
      mutate(
        text,
        /^(import \{ Router \} from 'express';\n)/m,
        "$1import { documentAuth } from './auth/auth.openapi.js';\nimport { authRouter } from './auth/auth.router.js';\n",
        'routes: imports',
      ),
      /^(export const resources: readonly Resource\[\] = \[\n)/m,
      "$1  { path: '/auth', router: authRouter, document: documentAuth },\n",
      'routes: /auth',
    ),
  'src/http/problem.ts': (text) =>
    mutate(
      text,
      /^( {2}static notFound\(detail: string\): HttpError \{\n.*\n {2}\}\n)/m,
      `$1
  static unauthorized(detail: string): HttpError {
    return new HttpError(401, 'unauthorized', detail);
  }

  static forbidden(detail: string): HttpError {
    return new HttpError(403, 'forbidden', detail);
  }
`,
      'problem: 401 and 403',
    ),
  'src/openapi/responses.ts': (text) =>
    mutate(
      text,
      /^( {2}400: .*\n)/m,
      "$1  401: 'No valid credentials: none were sent, they have expired, or the email or password is wrong.',\n" +
        "  403: 'The credentials are valid, but the record belongs to another user.',\n",
      'responses: 401 and 403',
    ),
  schema: (text) =>
    mutate(
      mutate(text, /(\.strictObject\(\{\n {4}id: z\.uuid\(\),\n)/, '$1    owner_id: z.uuid().nullable(),\n', 'schema: owner_id in the response'),
      /^( {2}readonly id: string;\n)/m,
      '$1  readonly owner_id: string | null;\n',
      'schema: owner_id in the row type',
    ),
  repository: (text, { resource }) => {
    const steps: [RegExp, string][] = [
      [/^( {2}create\(input: \w+)\)/m, '$1, ownerId: string)'],
      [/^( {2}update\(id: string, changes: \w+)\)/m, '$1, userId: string)'],
      [/^( {2}remove\(id: string)\)/m, '$1, userId: string)'],
      [
        new RegExp(`^(export function ${resource.camelPlural}Repository)`, 'm'),
        '/**\n * Who may change a row, as a condition of the UPDATE or DELETE itself so nothing can change between the\n' +
          ' * check and the write: its owner, or any signed-in user for a row from before rows had owners.\n */\n' +
          "const changeableBy = (userId: string) => (query: Knex.QueryBuilder) => {\n  void query.where('owner_id', userId).orWhereNull('owner_id');\n};\n\n$1",
      ],
      [/async create\(input\) \{\n(.*)\.insert\(input\)/, 'async create(input, ownerId) {\n$1.insert({ ...input, owner_id: ownerId })'],
      [/async update\(id, changes\) \{\n(.*\n)( *)\.where\(\{ id \}\)\n/, 'async update(id, changes, userId) {\n$1$2.where({ id })\n$2.andWhere(changeableBy(userId))\n'],
      [/async remove\(id\) \{\n(.*)\.where\(\{ id \}\)\.delete\(\)/, 'async remove(id, userId) {\n$1.where({ id }).andWhere(changeableBy(userId)).delete()'],
    ];
    return steps.reduce((current, [from, to]) => mutate(current, from, to, `repository: ${from.source}`), text);
  },
  router: (text, { resource }) => {
    const repo = resource.camelPlural;
    const steps: [RegExp, string][] = [
      [/^(import \{ toPage \})/m, "import { callerOf, requireUser } from '../../auth/require-user.js';\n$1"],
      [
        /^( {2}const router = Router\(\);\n)/m,
        '$1  const signedIn = requireUser(db);\n' +
          '  // A write that matched no row: either there is none, or it belongs to someone else.\n' +
          `  const refusal = async (id: string) =>\n    (await ${repo}.findById(id)) === undefined\n` +
          `      ? HttpError.notFound(\`No ${resource.label} has id \${id}.\`)\n` +
          `      : HttpError.forbidden(\`The ${resource.label} \${id} belongs to another user.\`);\n`,
      ],
      [/router\.(post|patch|delete)\('(\/|\/:id)', async/g, "router.$1('$2', signedIn, async"],
      [/\.create\(body\)/, '.create(body, callerOf(req).id)'],
      [/\.update\(id, changes\);\n(\s*)if \((\w+) === undefined\) throw HttpError\.notFound\(.*\);/, '.update(id, changes, callerOf(req).id);\n$1if ($2 === undefined) throw await refusal(id);'],
      [/if \(!\(await (\w+)\.remove\(id\)\)\) throw HttpError\.notFound\(.*\);/, 'if (!(await $1.remove(id, callerOf(req).id))) throw await refusal(id);'],
    ];
    return steps.reduce((current, [from, to]) => mutate(current, from, to, `router: ${from.source}`), text);
  },
  openapi: (text) => {
    const withImport = mutate(
      mutate(text, /^(import \{ jsonContent)/m, "import { BEARER_AUTH } from '../../auth/auth.openapi.js';\n$1", 'openapi: import'),
      /^(export function document)/m,
      '/** Writes need a token from POST /auth/login. */\nconst signedIn = [{ [BEARER_AUTH]: [] }];\n\n$1',
      'openapi: security requirement',
    );
    const [head = '', ...operations] = withImport.split('registry.registerPath({');
    const writes = { post: [401], patch: [401, 403], delete: [401, 403] } as Record<string, number[]>;
    const edited = operations.map((operation) => {
      const added = writes[/method: '(\w+)'/.exec(operation)?.[1] ?? ''];
      if (added === undefined) return operation;
      const secured = mutate(operation, /^( *tags,\n)/m, '$1    security: signedIn,\n', 'openapi: security on a write');
      const listed = /problemResponses\(([\d, ]*)\)/.exec(secured)?.[1] ?? '';
      const statuses = [...new Set([...listed.split(/,\s*/).map(Number), ...added])].sort((a, b) => a - b);
      return mutate(secured, `problemResponses(${listed})`, `problemResponses(${statuses.join(', ')})`, 'openapi: 401 and 403 on a write');
    });
    return [head, ...edited].join('registry.registerPath({');
  },
  test: (text, { resource }) => {
    const steps: [RegExp, string][] = [
      [/^(import .* from '\.\/support\/fixtures\.js';)$/m, "import { signIn } from './support/auth.js';\n$1"],
      [
        /^( {2}let ctx: TestApp;\n)/m,
        "$1  // Writes need a signed-in user; rows the fixtures insert have no owner, so any signed-in user may change them.\n  let authorization = '';\n",
      ],
      [/^( {4}await resetDatabase\(ctx\.db\);\n)/m, '$1    ({ authorization } = await signIn(ctx));\n'],
      [new RegExp(`(ctx\\.api\\s*\\.(?:post|patch|delete)\\((?:'|\`)/${resource.table}\\b[^)]*\\))`, 'g'), "$1.set('Authorization', authorization)"],
    ];
    return steps.reduce((current, [from, to]) => mutate(current, from, to, `test: ${from.source}`), text);
  },
};

/** A test that holds a POST to the primary resource half sent signs in first and sends the header with it. */
const signedInHalfSentPost = (text: string, { resource }: ProjectView) =>
  mutate(
    mutate(text, /^(import .* from '\.\/support\/fixtures\.js';)$/m, "import { signIn } from './support/auth.js';\n$1", 'half-sent test: import'),
    new RegExp(`^( *)(const inFlight = halfSentPost\\(.*, '/${resource.table}', .*)\\);$`, 'm'),
    '$1const { authorization } = await signIn(ctx);\n$1$2, { authorization });',
    'half-sent test: signed in',
  );

Object.assign(patches, {
  'test/support/half-sent.ts': (text: string) =>
    mutate(
      mutate(text, 'export function halfSentPost(port: number, path: string, body: string)', 'export function halfSentPost(port: number, path: string, body: string, headers: Record<string, string> = {})', 'half-sent: headers'),
      "headers: { 'content-type'",
      "headers: { ...headers, 'content-type'",
      'half-sent: headers sent',
    ),
  'jest.config.js': (text: string) =>
    mutate(
      text,
      /^( {2}maxWorkers: 1,\n)/m,
      '$1  // Signing in hashes a password on purpose slowly; on a busy machine a few of those outlast the 5 s default.\n  testTimeout: 30_000,\n',
      'jest: a timeout for slow hashing',
    ),
  'test/shutdown.test.ts': signedInHalfSentPost,
  'test/server.process.test.ts': signedInHalfSentPost,
});

function patchedPath(view: ProjectView, key: string): string {
  if (key.includes('/') || key.includes('.')) return key;
  return key === 'test' ? `test/${view.resource.table}.test.ts` : resourceFile(view, key);
}

/**
 * Tests other milestones' work may have added that write to the primary resource: once writes need credentials,
 * they sign in the same way as the resource's own test. Absent files are skipped.
 */
const LATER_TESTS = ['test/error-paths.test.ts'];

async function patchedFiles(view: ProjectView, read: ProjectReader): Promise<SolutionFile[]> {
  const patched = await Promise.all(
    Object.entries(patches).map(async ([key, patch]) => {
      const relative = patchedPath(view, key);
      return { relative, content: patch(await read(relative), view) };
    }),
  );
  for (const relative of LATER_TESTS) {
    const text = await read(relative).catch(() => undefined);
    if (text !== undefined) patched.push({ relative, content: patches.test!(text, view) });
  }
  return patched;
}

/** Replaces one piece of a file the solution wrote. */
async function edit(read: ProjectReader, relative: string, from: string | RegExp, to: string, what: string): Promise<SolutionFile[]> {
  return [{ relative, content: mutate(await read(relative), from, to, what) }];
}

/**
 * Auth: users with scrypt hashes, opaque session tokens stored hashed with an expiry the database checks,
 * a middleware on the primary resource's writes, and ownership in the UPDATE and DELETE statements.
 * New code lives in `src/auth/`; shared files are patched where they stand, so other solutions compose.
 */
const solution: MilestoneSolution = {
  async files(view, _templatesDir, read) {
    return [...(await newFiles(view)), ...(await patchedFiles(view, read))];
  },
  mistakes: [
    {
      name: 'passwords hashed with plain SHA-256, no salt: two users with one password share a hash',
      fails: ['auth.register-hashes-password'],
      async edit(_view, read) {
        const relative = 'src/auth/passwords.ts';
        const unsalted = mutate(
          mutate(await read(relative), 'import { randomBytes,', 'import { createHash, randomBytes,', this.name),
          /export async function hashPassword[\s\S]*?\n\}\n/,
          "export async function hashPassword(password: string): Promise<string> {\n  return createHash('sha256').update(password).digest('hex');\n}\n",
          this.name,
        );
        const content = mutate(
          unsalted,
          /export async function verifyPassword[\s\S]*?\n\}\n/,
          'export async function verifyPassword(password: string, stored: string): Promise<boolean> {\n  return (await hashPassword(password)) === stored;\n}\n',
          this.name,
        );
        return [{ relative, content }];
      },
    },
    {
      name: 'ownership not enforced: UPDATE and DELETE match the id only',
      fails: ['auth.ownership'],
      async edit(view, read) {
        return edit(read, resourceFile(view, 'repository'), /\.andWhere\(changeableBy\(userId\)\)/g, '', this.name);
      },
    },
    {
      name: 'expiry never checked: a session token works forever',
      fails: ['auth.expiry'],
      async edit(_view, read) {
        return edit(read, 'src/auth/auth.repository.ts', /\n\s*\.andWhere\('sessions\.expires_at', '>', db\.fn\.now\(\)\)/, '', this.name);
      },
    },
    {
      name: 'login says whether the email exists: an unknown email gets its own refusal',
      fails: ['auth.login'],
      async edit(_view, read) {
        return edit(
          read,
          'src/auth/auth.router.ts',
          /if \(user === undefined \|\| !matches\)/,
          "if (user === undefined) throw HttpError.unauthorized('No account has this email.');\n    if (!matches)",
          this.name,
        );
      },
    },
  ],
};

export default solution;

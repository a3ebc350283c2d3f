import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { execa } from 'execa';
import { DOMAIN_IDS, findDomain } from '@create-backend-portfolio/core';
import { projectView } from '@create-backend-portfolio/generators/solutions';
import { snapshotTree, suiteDir } from '../support/cli.js';
import { projectBin, scaffoldLinked, sharedModules } from '../support/project.js';

/**
 * `pnpm gen` in generated projects, for every domain: a new resource works at once (typecheck, lint, its
 * tests, served and documented), refusals write nothing, and the other generators write what they say.
 * The five projects share one installed node_modules and one typecheck, to keep this file quick.
 */
const gen = (dir: string, args: readonly string[]) => projectBin(dir, 'tsx', ['gen/cli.ts', ...args]);
const SKIP = new Set(['node_modules', '.data']);

// Written into each project after `gen`: the real app, through supertest, serving what was generated.
const SERVED_TEST = `import request from 'supertest';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('the generated widgets resource, as the app serves it', () => {
  let ctx: TestApp;
  beforeAll(() => {
    ctx = createTestApp();
  });
  afterAll(async () => {
    await ctx.close();
  });

  it('is in /openapi.json and answers GET /widgets', async () => {
    const doc = await request(ctx.app).get('/openapi.json').expect(200);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/widgets', '/widgets/{id}']));
    expect(Object.keys(doc.body.paths['/widgets'])).toEqual(['get', 'post']);
    expect(Object.keys(doc.body.paths['/widgets/{id}'])).toEqual(['get', 'patch', 'delete']);
    const list = await request(ctx.app).get('/widgets').expect(200);
    expect(list.body.items).toEqual([]);
  });
});
`;

describe('pnpm gen in generated projects', () => {
  const parent = suiteDir('gen');
  const dirs = new Map<string, string>();

  before(async () => {
    await sharedModules();
    for (const domain of DOMAIN_IDS) dirs.set(domain, await scaffoldLinked(parent(), `gen-${domain}`, ['--background', 'qa', '--domain', domain]));
  });

  // The domains are independent until the typecheck: each step runs in all five at once.
  const eachDomain = (step: (domain: string, dir: string) => Promise<void>) => Promise.all([...dirs].map(([domain, dir]) => step(domain, dir)));

  it('gen resource widgets writes the resource, its tests and TODO tests, and registers the route', async () => {
    await eachDomain(async (domain, dir) => {
      const result = await gen(dir, ['resource', 'widgets']);
      assert.equal(result.exitCode, 0, `${domain}: ${result.all}`);
      const number = String(findDomain(domain)!.tables.length + 1).padStart(4, '0');
      const written = ['widgets.openapi.ts', 'widgets.repository.ts', 'widgets.router.ts', 'widgets.schema.ts'].map((file) => `src/resources/widgets/${file}`);
      written.push(`src/db/migrations/${number}_create_widgets.ts`, 'test/widgets.test.ts', 'test/widgets.todo.test.ts', 'test/support/widgets.fixtures.ts');
      for (const file of written) assert.match(result.stdout, new RegExp(`^  created  ${file.replace(/\./g, '\\.')}$`, 'm'), `${domain}: ${result.stdout}`);
      const routes = await readFile(path.join(dir, 'src/routes.ts'), 'utf8');
      assert.match(routes, /import \{ widgetsRouter \} from '\.\/resources\/widgets\/widgets\.router\.js';\n\/\/ gen:imports/);
      assert.match(routes, / {2}\{ path: '\/widgets', router: widgetsRouter, document: documentWidgets \},\n {2}\/\/ gen:resources/);
      await writeFile(path.join(dir, 'test/gen-served.test.ts'), SERVED_TEST);
    });
  });

  it('a second gen resource widgets, and bad names, are refused with a clear message and change no file', async () => {
    const taken = (name: string) => `A resource named "${name}" already exists (src/resources/${name} or a path in src/routes.ts): pick another name.`;
    await eachDomain(async (domain, dir) => {
      const refusals: [string[], string][] = [[['resource', 'widgets'], taken('widgets')]];
      if (domain === DOMAIN_IDS[0]) {
        // Names are checked the same way in every domain: the rest runs in one, to keep this file quick.
        const { primaryResource, tables } = findDomain(domain)!;
        const tableOnly = tables.find((table) => table.name !== primaryResource)!.name;
        refusals.push(
          [['resource', primaryResource], taken(primaryResource)],
          [['resource', tableOnly], `A migration in src/db/migrations already creates a table named "${tableOnly}": pick another name.`],
          [['resource', 'gadget'], '"gadget" is singular: resources are named in the plural, like their table and their path. Try "gadgets".'],
          [['resource', 'Gadgets'], '"Gadgets" is not a valid resource name: use lowercase words joined by _ or -, starting with a letter (for example widgets or order_items).'],
          [['resource', 'sheep'], '"sheep" reads the same in singular and plural, so the generated code could not tell one from many: pick another name.'],
          [['resource', 'classes'], '"classes" would declare a variable named `class`, which JavaScript reserves: pick another name.'],
          [['resource', 'gadgets', '--fields', 'size:number'], 'Field "size" has type "number"; the types are text, integer, boolean.'],
          [['resource'], 'gen resource needs its name as an argument when there is no terminal to ask for it.\nusage: gen resource <plural-name> [--fields "name:text,notes:text?"]'],
        );
      }
      const unchanged = await snapshotTree(dir, SKIP);
      for (const [args, message] of refusals) {
        const result = await gen(dir, args);
        assert.equal(result.exitCode, 1, `${domain} gen ${args.join(' ')}: ${result.all}`);
        assert.equal(result.stderr.trim(), message, `${domain} gen ${args.join(' ')}`);
      }
      assert.deepEqual(await snapshotTree(dir, SKIP), unchanged, `${domain}: a refused gen changed files`);
      if (domain !== DOMAIN_IDS[0]) return;

      // A template that breaks once half the files are written: they are removed again, folders too.
      const broken = path.join(dir, 'gen/templates/resource/test/zz-broken.ts.hbs');
      await writeFile(broken, '{{#each}}\n');
      const withBroken = await snapshotTree(dir, SKIP);
      const failed = await gen(dir, ['resource', 'gadgets']);
      assert.equal(failed.exitCode, 1, failed.all);
      assert.match(failed.stderr, /^gen resource failed, and everything it wrote was undone:\n {2}- test\/zz-broken\.ts: Parse error/, failed.all);
      assert.deepEqual(await snapshotTree(dir, SKIP), withBroken, `${domain}: a failed gen left files behind`);
      assert.ok(!existsSync(path.join(dir, 'src/resources/gadgets')), 'the new resource folder is removed');
      await rm(broken);
    });
  });

  it('gen migration and gen adr write the next numbered files', async () => {
    await eachDomain(async (domain, dir) => {
      const number = String(findDomain(domain)!.tables.length + 2).padStart(4, '0');
      const migration = await gen(dir, ['migration', 'add-due-date-to-widgets']);
      assert.equal(migration.exitCode, 0, `${domain}: ${migration.all}`);
      const stub = await readFile(path.join(dir, `src/db/migrations/${number}_add_due_date_to_widgets.ts`), 'utf8');
      assert.match(stub, /export async function up\(_knex: Knex\)[\s\S]*export async function down\(_knex: Knex\)/);

      const adr = await gen(dir, ['adr', 'Use', 'PostgreSQL', 'for everything']);
      assert.equal(adr.exitCode, 0, `${domain}: ${adr.all}`);
      const record = await readFile(path.join(dir, 'docs/adr/0001-use-postgresql-for-everything.md'), 'utf8');
      assert.match(record, /^# 0001\. Use PostgreSQL for everything\n/);
      assert.match(record, /^## Status\n\nProposed\n\nDate: \d{4}-\d{2}-\d{2}$/m);
      assert.doesNotMatch(record, /Copy this file|NNNN/);
      if (domain !== DOMAIN_IDS[0]) return;
      const again = await gen(dir, ['migration', 'add_due_date_to_widgets']);
      assert.equal(again.stderr.trim(), `Migration src/db/migrations/${number}_add_due_date_to_widgets already has the name "add_due_date_to_widgets": pick another name.`);
      const second = await gen(dir, ['adr', 'Keep the API versionless']);
      assert.match(second.stdout, /created {2}docs\/adr\/0002-keep-the-api-versionless\.md/, `${domain}: ${second.all}`);
    });
  });

  it('every project, with all of that, passes its own typecheck and lint', async () => {
    // One program for the five projects: they share node_modules, and one tsc start is most of the cost.
    await symlink(await sharedModules(), path.join(parent(), 'node_modules'));
    const first = path.basename(dirs.values().next().value!);
    const include = ['src', 'test', 'milestones', 'gen'].map((folder) => `gen-*/${folder}`);
    await writeFile(path.join(parent(), 'tsconfig.json'), JSON.stringify({ extends: `./${first}/tsconfig.json`, include }));
    const tsc = await projectBin(parent(), 'tsc', ['--noEmit', '-p', 'tsconfig.json']);
    assert.equal(tsc.exitCode, 0, tsc.all);
    for (const [domain, dir] of dirs) {
      const lint = await projectBin(dir, 'eslint', ['.']);
      assert.equal(lint.exitCode, 0, `${domain}: ${lint.all}`);
    }
  });

  it('the new resource passes its tests and is served, and test:todo runs the TODO tests, which fail', async () => {
    await eachDomain(async (domain, dir) => {
      // The generated tests, the served document, and the project's own OpenAPI test, which now covers widgets too.
      const jest = await projectBin(dir, 'jest', ['widgets', 'gen-served', 'openapi']);
      assert.equal(jest.exitCode, 0, `${domain}: ${jest.all}`);
      assert.match(jest.all, /PASS test\/widgets\.test\.ts/, domain);
      assert.match(jest.all, /PASS test\/gen-served\.test\.ts/, domain);
      assert.doesNotMatch(jest.all, /todo\.test/, `${domain}: jest ran the TODO tests`);
    });
    const [domain, dir] = [...dirs][0]!;
    // The script as written in package.json, through a shell as a package manager would run it.
    const pkg = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    const todo = await execa(pkg.scripts['test:todo']!, {
      shell: true,
      cwd: dir,
      reject: false,
      all: true,
      env: { CI: 'true', DATABASE_URL: '', PATH: `${path.join(dir, 'node_modules/.bin')}${path.delimiter}${process.env.PATH ?? ''}` },
    });
    assert.equal(todo.exitCode, 1, `${domain}: ${todo.all}`);
    const { plan } = await projectView(dir);
    for (const id of ['schema-design', 'indexes', 'auth']) {
      const doc = `docs/milestones/${plan.milestones.find((milestone) => milestone.id === id)!.file}`;
      assert.match(todo.all, new RegExp(`✕ TODO ${id} \\(${doc.replace(/\./g, '\\.')}\\): `), `${domain}: ${todo.all}`);
    }
    assert.match(todo.all, /Tests: +3 failed, 3 total/, todo.all);
  });
});

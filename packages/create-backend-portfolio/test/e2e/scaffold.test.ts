import assert from 'node:assert/strict';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { appendFile, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { DOMAIN_IDS } from '@create-backend-portfolio/core';
import { compileErrors, validate } from '@readme/openapi-parser';
import { execa } from 'execa';
import { runCli, snapshotTree, tempDir } from '../support/cli.js';

/**
 * The walking skeleton end to end: scaffold with the real CLI, install with pnpm from the
 * registry, then run the generated project's own gates and start it.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

describe('scaffold, install, test and start a project', () => {
  let parent: string;
  let project: string;

  before(async () => {
    parent = await tempDir('e2e');
    project = path.join(parent, 'demo');
  });

  after(async () => {
    await rm(parent, { recursive: true, force: true });
  });

  /** Puts the project back as generated: the tests above edit it on purpose. */
  const restore = async () => {
    await execa('git', ['checkout', '--', '.'], { cwd: project });
    await execa('git', ['clean', '-fdq', '--', 'src', 'test', 'milestones'], { cwd: project });
  };

  const pnpm = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    execa('pnpm', args, { cwd: project, reject: false, env: { ...env, CI: 'true' }, all: true });

  it('scaffolds, creates a repository and installs with the detected package manager', async () => {
    const result = await runCli(['demo', '--background', 'frontend', '--yes'], {
      cwd: parent,
      env: { npm_config_user_agent: 'pnpm/12.4.2 npm/? node/v20.20.2 linux x64' },
    });
    assert.equal(result.exitCode, 0, result.all);
    assert.match(result.all, /Using defaults for what was not given: domain: ticketing/);
    assert.ok(existsSync(path.join(project, 'pnpm-lock.yaml')), 'pnpm wrote its lockfile');
    assert.ok(existsSync(path.join(project, 'node_modules/.bin/jest')), 'dev dependencies are installed');
    const log = await execa('git', ['log', '--oneline'], { cwd: project });
    assert.match(log.stdout, /Initial commit from create-backend-portfolio/);
  });

  it('passes its own typecheck and lint', async () => {
    const typecheck = await pnpm(['typecheck']);
    assert.equal(typecheck.exitCode, 0, typecheck.all);
    const lint = await pnpm(['lint']);
    assert.equal(lint.exitCode, 0, lint.all);
  });

  it('passes its own tests on the embedded database', async () => {
    const result = await pnpm(['test'], { DATABASE_URL: '' });
    assert.equal(result.exitCode, 0, result.all);
    assert.match(result.all ?? '', /Tests:\s+\d+ passed, \d+ total/);
  });

  it('passes its own tests on a real PostgreSQL server', { skip: process.env.TEST_DATABASE_URL === undefined && 'set TEST_DATABASE_URL' }, async () => {
    const result = await pnpm(['test'], { DATABASE_URL: process.env.TEST_DATABASE_URL });
    assert.equal(result.exitCode, 0, result.all);
    assert.match(result.all ?? '', /Tests:\s+\d+ passed, \d+ total/);
  });

  it('checks its milestones: orientation passes on a fresh scaffold, every other check does not', async () => {
    const status = await pnpm(['milestone', 'status', '--json']);
    assert.equal(status.exitCode, 0, status.all);
    const rows = JSON.parse(status.stdout.slice(status.stdout.indexOf('['))) as { id: string; status: string }[];
    const byId = Object.fromEntries(rows.map((row) => [row.id, row.status]));
    assert.equal(byId.orientation, 'passed', status.stdout);
    assert.equal(byId['first-endpoint'], 'not started', status.stdout);
    // Without the index, the index and plan criteria fail; the latency one may pass at 100,000 rows.
    assert.ok(['not started', 'failing'].includes(byId.indexes ?? ''), status.stdout);
    assert.equal(rows.length, 12);
    const withChecks = ['orientation', 'first-endpoint', 'indexes'];
    for (const row of rows.filter((entry) => !withChecks.includes(entry.id))) assert.equal(row.status, 'no check yet');
  });

  it('verify fails when a check file is edited, added or removed', async () => {
    assert.equal((await pnpm(['milestone', 'verify'])).exitCode, 0);
    const check = path.join(project, 'milestones/checks/first-endpoint.check.ts');
    try {
      await appendFile(check, '\n// expect nothing\n');
      await writeFile(path.join(project, 'milestones/checks/extra.check.ts'), 'it("passes", () => undefined);\n');
      await rm(path.join(project, 'milestones/checks/orientation.check.ts'));
      const result = await pnpm(['milestone', 'verify']);
      assert.equal(result.exitCode, 1);
      assert.match(result.all ?? '', /edited: +milestones\/checks\/first-endpoint\.check\.ts/);
      assert.match(result.all ?? '', /added: +milestones\/checks\/extra\.check\.ts/);
      assert.match(result.all ?? '', /removed: +milestones\/checks\/orientation\.check\.ts/);
    } finally {
      await restore();
    }
    assert.equal((await pnpm(['milestone', 'verify'])).exitCode, 0);
  });

  it('passes first-endpoint with the reference solution, five runs alike, and fails it for a common mistake; the same for indexes', async () => {
    try {
      const applied = await execa('node', ['--import', 'tsx', 'generators/solutions/apply.ts', project, 'first-endpoint'], { cwd: repoRoot, reject: false, all: true });
      assert.equal(applied.exitCode, 0, applied.all);
      for (let run = 1; run <= 5; run += 1) {
        const check = await pnpm(['milestone', 'check', 'first-endpoint']);
        assert.equal(check.exitCode, 0, `run ${run}: ${check.all}`);
      }
      const indexes = await execa('node', ['--import', 'tsx', 'generators/solutions/apply.ts', project, 'indexes'], { cwd: repoRoot, reject: false, all: true });
      assert.equal(indexes.exitCode, 0, indexes.all);
      const indexCheck = await pnpm(['milestone', 'check', 'indexes']);
      assert.equal(indexCheck.exitCode, 0, indexCheck.all);
      // With both solutions in place, the project's own suite still passes.
      const tests = await pnpm(['test'], { DATABASE_URL: '' });
      assert.equal(tests.exitCode, 0, tests.all);

      // A mistake for indexes: an index on the filter column only, so PostgreSQL still sorts every match.
      const migration = path.join(project, 'src/db/migrations/0004_index_events_hot_list.ts');
      const indexed = await readFile(migration, 'utf8');
      const filterOnly = indexed.replaceAll("['status', 'starts_at', 'id']", "['status']");
      assert.notEqual(filterOnly, indexed, 'the index mutation applies');
      await writeFile(migration, filterOnly);
      const weakIndex = await pnpm(['milestone', 'check', 'indexes']);
      assert.equal(weakIndex.exitCode, 1, weakIndex.all);
      assert.match(weakIndex.all ?? '', /indexes\.index-exists/);
      assert.match(weakIndex.all ?? '', /indexes\.plan-uses-index/);
      await writeFile(migration, indexed);

      // A mistake for first-endpoint: a swallowed not-found, so a missing row answers 200 with an empty body.
      const router = path.join(project, 'src/resources/venues/venues.router.ts');
      const source = await readFile(router, 'utf8');
      const broken = source.replace(/^ *if \(venue === undefined\) throw HttpError\.notFound\(.*\);\n/m, '');
      assert.notEqual(broken, source, 'the mutation applies');
      await writeFile(router, broken);
      const failed = await pnpm(['milestone', 'check', 'first-endpoint']);
      assert.equal(failed.exitCode, 1, failed.all);
      assert.match(failed.all ?? '', /first-endpoint\.not-found/);
      assert.match(failed.all ?? '', /Read: docs\/milestones\/\d\d-first-endpoint\.md/);
    } finally {
      await restore();
    }
  });

  it('every other domain, generated next to it, passes typecheck, lint and tests, and its first-endpoint and indexes solutions pass their checks', async () => {
    // Every domain's package.json holds the same pinned dependencies, so the installed tree is shared.
    for (const domain of DOMAIN_IDS.filter((id) => id !== 'ticketing')) {
      const name = `demo-${domain}`;
      const scaffold = await runCli([name, '--background', 'qa', '--domain', domain, '--pm', 'pnpm', '--yes', '--no-install', '--no-git'], { cwd: parent });
      assert.equal(scaffold.exitCode, 0, scaffold.all);
      const dir = path.join(parent, name);
      await symlink(path.join(project, 'node_modules'), path.join(dir, 'node_modules'));
      for (const [bin, args] of [['tsc', ['--noEmit']], ['eslint', ['.']], ['jest', []]] as const) {
        const result = await execa(path.join(dir, 'node_modules/.bin', bin), args, { cwd: dir, reject: false, all: true, env: { CI: 'true', DATABASE_URL: '' } });
        assert.equal(result.exitCode, 0, `${domain}: ${bin}\n${result.all}`);
      }
      for (const milestone of ['first-endpoint', 'indexes']) {
        const applied = await execa('node', ['--import', 'tsx', 'generators/solutions/apply.ts', dir, milestone], { cwd: repoRoot, reject: false, all: true });
        assert.equal(applied.exitCode, 0, applied.all);
        const check = await execa('node', ['--import', 'tsx', 'milestones/cli.ts', 'check', milestone], { cwd: dir, reject: false, all: true, env: { DATABASE_URL: '' } });
        assert.equal(check.exitCode, 0, `${domain}: milestone check ${milestone}\n${check.all}`);
      }
    }
  });

  it('builds, starts with plain node, serves a valid OpenAPI 3.1 document, and exits 0 on SIGTERM', async () => {
    const build = await pnpm(['build']);
    assert.equal(build.exitCode, 0, build.all);
    const port = await freePort();
    const server = execa('node', ['dist/server.js'], {
      cwd: project,
      reject: false,
      all: true,
      env: { PORT: String(port), LOG_PRETTY: 'false', DATABASE_URL: '', PGLITE_DIR: path.join(parent, 'pglite') },
    });
    try {
      const response = await poll(`http://127.0.0.1:${port}/healthz`, 30_000);
      assert.equal(response.status, 200);
      assert.deepEqual(await response.json(), { status: 'ok' });
      // The embedded database starts on its first query: readiness turns 200 once it answers.
      assert.equal((await poll(`http://127.0.0.1:${port}/readyz`, 30_000, (status) => status === 200)).status, 200);

      // Validated by a parser nobody here wrote, against the OpenAPI 3.1 specification.
      const document = (await (await fetch(`http://127.0.0.1:${port}/openapi.json`)).json()) as { openapi: string };
      assert.match(document.openapi, /^3\.1\./);
      const result = await validate(structuredClone(document) as never);
      assert.ok(result.valid, result.valid ? '' : compileErrors(result));
      assert.equal(result.specification, 'OpenAPI');
      const ui = await fetch(`http://127.0.0.1:${port}/docs/`);
      assert.equal(ui.status, 200);
      assert.match(await ui.text(), /swagger-ui-bundle\.js/);
    } catch (error) {
      server.kill('SIGTERM');
      throw new Error(`${String(error)}\nserver output:\n${(await server).all}`, { cause: error });
    }
    server.kill('SIGTERM');
    const exited = await server;
    assert.equal(exited.exitCode, 0, exited.all);
  });
});

describe('the same answers give byte-identical trees', () => {
  it('in two different parent folders', async () => {
    const [first, second] = await Promise.all([tempDir('same-a'), tempDir('same-b')]);
    try {
      // The plan starts today by default: pin it, so a run across midnight compares like with like.
      const args = ['api', '--background', 'qa', '--domain', 'ticketing', '--pm', 'pnpm', '--start', '2026-03-02', '--no-install', '--no-git'];
      for (const cwd of [first, second]) {
        const result = await runCli(args, { cwd });
        assert.equal(result.exitCode, 0, result.all);
      }
      const a = await snapshotTree(path.join(first, 'api'));
      const b = await snapshotTree(path.join(second, 'api'));
      assert.deepEqual([...a.keys()], [...b.keys()]);
      for (const [file, bytes] of a) assert.ok(bytes.equals(b.get(file)!), `${file} differs`);
      assert.ok(a.size > 30, `a real project, not ${a.size} files`);
    } finally {
      await Promise.all([first, second].map((dir) => rm(dir, { recursive: true, force: true })));
    }
  });
});

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Fetches `url` until it answers with a status `accept` takes, retrying refused or reset connections, until the deadline. */
async function poll(url: string, timeoutMs: number, accept: (status: number) => boolean = () => true): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(url);
      if (accept(response.status) || Date.now() > deadline) return response;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { appendFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { compileErrors, validate } from '@readme/openapi-parser';
import { execa } from 'execa';
import { runCli, snapshotTree, tempDir } from '../support/cli.js';
import { freePort, poll, statusById } from '../support/project.js';

/**
 * The walking skeleton end to end: scaffold with the real CLI, install with pnpm from the
 * registry, then run the generated project's own gates and start it.
 */

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
    const byId = statusById(status.stdout);
    assert.equal(byId.orientation, 'passed', status.stdout);
    assert.equal(Object.keys(byId).length, 12);
    for (const [id, state] of Object.entries(byId)) if (id !== 'orientation') assert.notEqual(state, 'passed', `${id} passes untouched:\n${status.stdout}`);
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
      // The embedded database belongs to the server now: a seed on the same directory stops, naming it.
      const seed = await pnpm(['seed'], { DATABASE_URL: '', PGLITE_DIR: path.join(parent, 'pglite') });
      assert.equal(seed.exitCode, 1, seed.all);
      assert.match(seed.all ?? '', new RegExp(`The embedded database in .+ is in use by process ${server.pid}\\b`));
      assert.doesNotMatch(seed.all ?? '', /\n\s+at /, 'no stack trace');

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

  it('records each migration under one name, run from src/ with tsx or from the build with node, so both can share a database', async () => {
    if (!existsSync(path.join(project, 'dist/db/cli.js'))) assert.equal((await pnpm(['build'])).exitCode, 0);
    const env = { DATABASE_URL: '', PGLITE_DIR: path.join(parent, 'pglite-shared') };
    const built = (args: string[]) => execa('node', ['dist/db/cli.js', ...args], { cwd: project, reject: false, all: true, env });
    const steps: [string, () => Promise<{ exitCode?: number; all?: string }>, RegExp][] = [
      ['migrate:latest from src/', () => pnpm(['migrate:latest'], env), /Applied:\n {2}0001_[a-z_]+$/m],
      ['migrate:latest from dist/', () => built(['migrate:latest']), /Already up to date\./],
      ['migrate:rollback --all from dist/', () => built(['migrate:rollback', '--all']), /Rolled back:\n {2}\d{4}_[a-z_]+$/m],
      ['migrate:latest from dist/, again', () => built(['migrate:latest']), /Applied:\n {2}0001_[a-z_]+$/m],
      ['migrate:down from src/', () => pnpm(['migrate:down'], env), /Undid:\n {2}\d{4}_[a-z_]+$/m],
      ['migrate:latest from src/, again', () => pnpm(['migrate:latest'], env), /Applied:\n {2}\d{4}_[a-z_]+$/m],
      ['seed from dist/', () => built(['seed']), /Ran 1 seed file\(s\)\./],
      ['seed from src/', () => pnpm(['seed'], env), /Ran 1 seed file\(s\)\./],
    ];
    for (const [step, run, expected] of steps) {
      const result = await run();
      assert.equal(result.exitCode, 0, `${step}:\n${result.all}`);
      assert.match(result.all ?? '', expected, step);
      assert.doesNotMatch(result.all ?? '', /^ {2}\d{4}_\w+\.(ts|js)$/m, `${step} names a migration with its extension`);
    }
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

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { copyFile, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { execa } from 'execa';
import { DOMAIN_IDS } from '@create-backend-portfolio/core';
import { DEFAULT_DEPLOY_TARGET, DEPLOY_TARGET_IDS } from '@create-backend-portfolio/generators';
import { failsOf, loadSolutions, projectReader, projectView, TEMPLATES_DIR, writeFiles } from '@create-backend-portfolio/generators/solutions';
import { REPO_ROOT, suiteDir } from '../support/cli.js';
import { failedCriteria, freePort, milestone, poll, projectBin, scaffoldLinked, sharedModules, statusById, statusRows } from '../support/project.js';

/**
 * Proof that every milestone check is honest, in every domain: a fresh scaffold passes orientation and
 * no other check; the reference solutions (generators/solutions) pass every check, run after run; and
 * each common mistake fails its check, naming the criteria it breaks.
 */
const solutions = await loadSolutions();
/**
 * How much runs where. `check all` takes about two minutes on two CPUs, so CI (the default) runs the proof
 * in a shape that fits its budget, and MILESTONE_E2E=full runs all of it everywhere (more than an hour):
 * - every domain: the project's own typecheck, lint and tests, fresh and with the solutions, and the fresh
 *   scaffold's status (orientation passes, nothing else does);
 * - STEPWISE_DOMAIN: the solutions applied one at a time with `pnpm apply-solution`, each milestone checked
 *   right after its own solution;
 * - every other domain: all solutions at once, then `check all` (the solutions compose);
 * - FLAKY_DOMAIN: the flakiness gate, `check all` five times in a row (MILESTONE_CHECK_RUNS changes the count);
 * - the first common mistake of each milestone, dealt out over the other domains in turn (full: every mistake
 *   everywhere).
 * Two domains run at a time: much of a check's time is spent waiting on timers and the database.
 */
const FULL = process.env.MILESTONE_E2E === 'full';
const STEPWISE_DOMAIN = 'ticketing';
const FLAKY_DOMAIN = 'incident-tracker';
const stepwise = (domain: string) => FULL || domain === STEPWISE_DOMAIN;
const runsIn = (domain: string) => (FULL || domain === FLAKY_DOMAIN ? Number(process.env.MILESTONE_CHECK_RUNS ?? 5) : 1);
const MISTAKES = [...solutions].flatMap(([id, solution]) => (FULL ? solution.mistakes : solution.mistakes.slice(0, 1)).map((mistake) => ({ id, mistake })));
/** Dealt over the domains other than FLAKY_DOMAIN, whose five runs of `check all` already make it the longest. */
const DEALT_TO = DOMAIN_IDS.filter((domain) => domain !== FLAKY_DOMAIN);
const mistakesIn = (domain: string) => (FULL ? MISTAKES : MISTAKES.filter((_, index) => DEALT_TO[index % DEALT_TO.length] === domain));
/**
 * The database the checks run on: the PostgreSQL server TEST_DATABASE_URL names (CI sets it), in a throwaway
 * database the project's global setup creates per run. The concurrency and failure-modes checks need a server:
 * the embedded PGlite serves one session at a time, so nothing races and no query can block another.
 */
const SERVER = process.env.TEST_DATABASE_URL ?? '';
const CHECK_ENV = { DATABASE_URL: SERVER };
const NEEDS_SERVER = new Set<string>(['concurrency', 'failure-modes']);
const noServer = SERVER === '' && 'set TEST_DATABASE_URL: the concurrency and failure-modes checks need a PostgreSQL server';
/** The project's own static gates, run on the scaffold and again with the solutions. */
const STATIC_GATES = [['tsc', ['--noEmit']], ['eslint', ['.']]] as const;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The lockfile an install writes, which the containers check wants in the build context; a linked scaffold has none. */
async function copyLockfile(dir: string): Promise<void> {
  await copyFile(path.join(path.dirname(await sharedModules()), 'pnpm-lock.yaml'), path.join(dir, 'pnpm-lock.yaml'));
}

/**
 * The project's own server as a stand-in for a deployed service, for `check deploy --url`: on a free loopback
 * port, from its sources, against a database of its own on SERVER, migrated and seeded (the deploy round trip
 * borrows a parent row). Loopback http is what the check accepts besides https.
 */
async function startService(dir: string): Promise<{ url: string; stop(): Promise<void> }> {
  const name = `deploy_${randomBytes(4).toString('hex')}`;
  const database = new URL(SERVER);
  database.pathname = `/${name}`;
  // knex from the project's own node_modules, so this test needs no database driver of its own.
  const admin = (sql: string) =>
    execa(process.execPath, ['--input-type=module', '-e', `import knex from 'knex'; const db = knex({ client: 'pg', connection: process.env.SERVER }); try { await db.raw(process.env.SQL); } finally { await db.destroy(); }`], {
      cwd: dir,
      env: { SERVER, SQL: sql },
    });
  await admin(`create database "${name}"`);
  const env = { DATABASE_URL: database.toString(), LOG_LEVEL: 'silent' };
  for (const command of ['migrate:latest', 'seed']) await execa(process.execPath, ['--import', 'tsx', 'src/db/cli.ts', command], { cwd: dir, env });
  const port = await freePort();
  const server = execa(process.execPath, ['--import', 'tsx', 'src/server.ts'], { cwd: dir, env: { ...env, PORT: String(port) }, reject: false });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    server.kill('SIGTERM');
    await server;
    await admin(`drop database if exists "${name}" with (force)`);
  };
  const ready = await poll(`${url}/readyz`, 60_000, (status) => status === 200).catch((error: unknown) => error);
  if (!(ready instanceof Response) || ready.status !== 200) {
    await stop();
    throw new Error(`the project's server did not become ready on ${url}: ${String(ready instanceof Response ? ready.status : ready)}`);
  }
  return { url, stop };
}

/**
 * deploy.operations finds the release step in the deploy target's own configuration. The domains above
 * run on the default target; each other target gets a project of its own (in the domain named here) with
 * every solution applied, whose release step passes, and the same project with that step taken out, which
 * must fail: a check that fell back to compose.yaml (every project has one) would pass both.
 */
const RELEASE_STEPS: Record<string, { domain: string; remove(dir: string): Promise<void> }> = {
  fly: { domain: 'incident-tracker', remove: (dir) => edit(dir, 'fly.toml', (text) => text.replace(/^\s*release_command\s*=.*\n/m, '')) },
  render: { domain: 'event-ingestion', remove: (dir) => edit(dir, 'render.yaml', (text) => text.replace(/^\s*preDeployCommand:.*\n/m, '')) },
  kubernetes: { domain: 'test-results', remove: (dir) => rm(path.join(dir, 'k8s/migrate-job.yaml')) },
};

async function edit(dir: string, relative: string, change: (text: string) => string): Promise<void> {
  const file = path.join(dir, relative);
  const before = await readFile(file, 'utf8');
  const after = change(before);
  assert.notEqual(after, before, `nothing to take out of ${relative}`);
  await writeFile(file, after);
}

/** The criteria a `check` run names as failed. */
describe('deploy.operations on every deploy target', { concurrency: 1 }, () => {
  const parent = suiteDir('milestones-deploy-targets');
  const SMOKE = ['deploy.security-headers', 'deploy.smoke-health', 'deploy.smoke-round-trip'];

  it('covers every target besides the default', () => {
    assert.deepEqual(Object.keys(RELEASE_STEPS).sort(), DEPLOY_TARGET_IDS.filter((id) => id !== DEFAULT_DEPLOY_TARGET).sort());
  });

  for (const [target, { domain, remove }] of Object.entries(RELEASE_STEPS)) {
    it(`${target}: passes with the solutions, fails with the release step taken out`, async () => {
      const dir = await scaffoldLinked(parent(), `deploy-${target}`, ['--background', 'qa', '--domain', domain, '--deploy', target]);
      // All of them: the case study links to files the earlier solutions write.
      const applied = await execa(process.execPath, ['--import', 'tsx', 'generators/solutions/apply.ts', dir, 'all'], { cwd: REPO_ROOT, reject: false, all: true });
      assert.equal(applied.exitCode, 0, applied.all);
      // No --url: only the smoke criteria, which need a deployed service, may fail.
      const solved = await milestone(dir, ['check', 'deploy'], CHECK_ENV);
      assert.deepEqual(failedCriteria(solved.all ?? ''), SMOKE, solved.all);
      await remove(dir);
      const broken = await milestone(dir, ['check', 'deploy'], CHECK_ENV);
      assert.deepEqual(failedCriteria(broken.all ?? ''), ['deploy.operations', ...SMOKE].sort(), broken.all);
      assert.match(broken.all ?? '', /releaseStepMigrates/);
    });
  }
});

describe('milestones', { concurrency: 2 }, () => {
  for (const domain of DOMAIN_IDS) {
    // Within a domain, one test after another: each builds on the project the previous one left.
    describe(`milestones in the ${domain} domain`, { concurrency: 1 }, () => {
      const parent = suiteDir(`milestones-${domain}`);
      let dir = '';

      // The project's own tests run in the next test: orientation.tests-pass is the suite, on SERVER.
      it('scaffolds, and as generated passes its own typecheck and lint', async () => {
        dir = await scaffoldLinked(parent(), `demo-${domain}`, ['--background', 'qa', '--domain', domain]);
        for (const [bin, args] of STATIC_GATES) {
          const result = await projectBin(dir, bin, args);
          assert.equal(result.exitCode, 0, `${bin}\n${result.all}`);
        }
      });

      it('on a fresh scaffold, passes orientation (its own tests included) and no other milestone', async () => {
        const status = await milestone(dir, ['status', '--json']);
        assert.equal(status.exitCode, 0, status.all);
        const byId = statusById(status.stdout);
        assert.equal(byId.orientation, 'passed', status.stdout);
        for (const [id, state] of Object.entries(byId)) if (id !== 'orientation') assert.notEqual(state, 'passed', `${id} passes untouched:\n${status.stdout}`);
        // Each reason says what differs, not jest's generic headline for a failed comparison.
        for (const { id, reason } of statusRows(status.stdout).filter((row) => row.id !== 'orientation')) {
          assert.match(reason ?? '', /^\S/, `${id} has no reason`);
          assert.doesNotMatch(reason ?? '', /toEqual\(expected\)|deep equality/, `${id}: ${reason}`);
        }
      });

      if (stepwise(domain)) {
        it('applies the reference solutions one at a time with apply-solution, each passing its own check', { skip: noServer }, async () => {
          await copyLockfile(dir);
          for (const id of solutions.keys()) {
            const applied = await execa(process.execPath, ['--import', 'tsx', 'generators/solutions/apply.ts', dir, id], { cwd: REPO_ROOT, reject: false, all: true });
            assert.equal(applied.exitCode, 0, `apply-solution ${id}\n${applied.all}`);
            const service = id === 'deploy' ? await startService(dir) : undefined;
            try {
              const check = await milestone(dir, ['check', id, ...(service === undefined ? [] : ['--url', service.url])], CHECK_ENV);
              assert.equal(check.exitCode, 0, `check ${id} after its solution:\n${check.all}`);
            } finally {
              await service?.stop();
            }
          }
        });
      }

      const composed = FULL || !stepwise(domain);
      const runs = runsIn(domain);
      it(composed ? `with every reference solution applied, passes check all ${runs} time(s) in a row, and its own gates` : 'with every reference solution applied, passes its own gates', { skip: noServer }, async () => {
        if (!stepwise(domain)) {
          const view = await projectView(dir);
          for (const solution of solutions.values()) await writeFiles(dir, await solution.files(view, TEMPLATES_DIR, projectReader(dir)));
          await copyLockfile(dir);
        }
        if (composed) {
          const service = await startService(dir);
          try {
            for (let run = 1; run <= runs; run += 1) {
              const check = await milestone(dir, ['check', 'all', '--url', service.url], CHECK_ENV);
              assert.equal(check.exitCode, 0, `run ${run} of ${runs}:\n${check.all}`);
              for (const id of solutions.keys()) assert.match(check.stdout, new RegExp(`^\\d+ +${escape(id)} +passed`, 'm'), `run ${run}: ${id}\n${check.stdout}`);
            }
          } finally {
            await service.stop();
          }
        }
        // Where check all ran, orientation.tests-pass has run the suite with every solution; elsewhere jest does.
        for (const [bin, args] of composed ? STATIC_GATES : [...STATIC_GATES, ['jest', []] as const]) {
          const result = await projectBin(dir, bin, args);
          assert.equal(result.exitCode, 0, `with the solutions: ${bin}\n${result.all}`);
        }
      });

      for (const { id, mistake } of mistakesIn(domain)) {
        const skip = NEEDS_SERVER.has(id) && noServer;
        it(`${id} fails for a common mistake: ${mistake.name}`, { skip }, async () => {
          const view = await projectView(dir);
          const edits = await mistake.edit(view, projectReader(dir));
          const originals = await Promise.all(edits.map(async (edit) => ({ relative: edit.relative, content: await readFile(path.join(dir, edit.relative), 'utf8') })));
          await writeFiles(dir, edits);
          // The deploy smoke run needs the service running with the mistake in it.
          const service = id === 'deploy' ? await startService(dir) : undefined;
          try {
            const check = await milestone(dir, ['check', id, ...(service === undefined ? [] : ['--url', service.url])], CHECK_ENV);
            assert.equal(check.exitCode, 1, check.all);
            for (const criterion of failsOf(mistake, view)) {
              assert.match(check.all, new RegExp(`● ${escape(id)} › ${escape(criterion)}:`), `the failure names ${criterion}\n${check.all}`);
            }
            assert.match(check.all, new RegExp(`Read: docs/milestones/\\d\\d-${escape(id)}\\.md`));
          } finally {
            await service?.stop();
            for (const original of originals) await writeFile(path.join(dir, original.relative), original.content);
          }
        });
      }
    });
  }
});

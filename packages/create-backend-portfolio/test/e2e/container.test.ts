import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { copyFile, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { findDomain } from '@create-backend-portfolio/core';
import { execa } from 'execa';
import { parse as parseYaml } from 'yaml';
import { runCli, tempDir } from '../support/cli.js';
import { execForm, healthcheckCommand } from '../support/dockerfile.js';
import { type Replayed, replayDockerfile, walk } from '../support/dockerfile-replay.js';
import { freePort, poll, sharedModules } from '../support/project.js';

/**
 * The generated Dockerfile's build, replayed without a Docker engine (support/dockerfile-replay.ts), then
 * the runtime stage started from only what it copied: this catches a runtime that needs a dev dependency,
 * a migrate command that needs the sources, and a stop that does not drain.
 */

const DOMAIN = 'ticketing';
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';

describe('the Dockerfile, replayed without Docker', () => {
  let parent: string;
  let project: string;
  let replayed: Replayed;
  const database = `cbp_replay_${process.pid}`;
  const databaseUrl = Object.assign(new URL(ADMIN_URL), { pathname: `/${database}` }).href;
  const psql = (url: string, sql: string) => execa('psql', [url, '-v', 'ON_ERROR_STOP=1', '-qtAc', sql], { reject: false, all: true });

  before(async () => {
    parent = await tempDir('container');
    const result = await runCli(['api', '--pm', 'pnpm', '--domain', DOMAIN, '--deploy', 'compose', '--yes', '--no-install', '--no-git'], { cwd: parent });
    assert.equal(result.exitCode, 0, result.all);
    project = path.join(parent, 'api');
    // Every generated project pins the same dependencies: the shared install's lockfile is this project's lockfile.
    await copyFile(path.join(path.dirname(await sharedModules()), 'pnpm-lock.yaml'), path.join(project, 'pnpm-lock.yaml'));
  });

  after(async () => {
    await psql(ADMIN_URL, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await rm(parent, { recursive: true, force: true });
  });

  it('replays every stage: each COPY finds its files in the context, each install and build RUN exits 0', { timeout: 300_000 }, async () => {
    replayed = await replayDockerfile(project);
    assert.deepEqual(replayed.skipped, ['deps: corepack enable', 'runtime: corepack enable']);
  });

  it('leaves a runtime with compiled code and production dependencies only', async () => {
    const { dir } = replayed.runtime;
    const sources = (await walk(dir, 'node_modules')).filter((file) => file.endsWith('.ts'));
    assert.deepEqual(sources, [], 'no TypeScript outside node_modules');
    assert.ok(existsSync(path.join(dir, 'dist/server.js')), 'dist/server.js was copied from the build stage');
    for (const dev of ['typescript', 'jest', 'tsx', '@types/node', 'knex-pglite']) assert.equal(existsSync(path.join(dir, 'node_modules', dev)), false, `${dev} is in the runtime`);
    for (const prod of ['express', 'knex', 'pg']) assert.ok(existsSync(path.join(dir, 'node_modules', prod)), `${prod} is missing from the runtime`);
  });

  it('runs the compose migrate command on a fresh database, from compiled JavaScript', { timeout: 60_000 }, async () => {
    await psql(ADMIN_URL, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    const created = await psql(ADMIN_URL, `CREATE DATABASE ${database}`);
    assert.equal(created.exitCode, 0, `PostgreSQL at ${ADMIN_URL} is needed (pg_ctlcluster 15 main start):\n${created.all}`);
    const compose = parseYaml(await readFile(path.join(project, 'compose.yaml'), 'utf8')) as { services: Record<string, { command?: string[] }> };
    const [command, ...args] = compose.services.migrate?.command ?? [];
    assert.equal(command, 'node', 'the migrate service runs node directly');
    const migrated = await execa(command!, args, { cwd: replayed.runtime.dir, env: { ...replayed.runtime.env, DATABASE_URL: databaseUrl }, reject: false, all: true });
    assert.equal(migrated.exitCode, 0, migrated.all);
    const table = findDomain(DOMAIN)!.primaryResource;
    assert.equal((await psql(databaseUrl, `SELECT to_regclass('public.${table}') IS NOT NULL`)).stdout, 't', `${table} exists after the migration`);
  });

  it('starts the CMD: /healthz and /readyz answer 200, the HEALTHCHECK passes, and SIGTERM exits 0', { timeout: 90_000 }, async () => {
    const { dir, env, stage } = replayed.runtime;
    const last = (keyword: string) => stage.instructions.filter((instruction) => instruction.keyword === keyword).at(-1);
    const [command, ...args] = execForm(last('CMD')!.args)!;
    const [probe, ...probeArgs] = healthcheckCommand(last('HEALTHCHECK')!)!;
    const port = await freePort();
    const runEnv = { ...env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
    const healthcheck = () => execa(probe!, probeArgs, { cwd: dir, env: runEnv, reject: false, timeout: 10_000 });
    const server = execa(command!, args, { cwd: dir, env: runEnv, reject: false, all: true });
    try {
      assert.equal((await poll(`http://127.0.0.1:${port}/healthz`, 30_000)).status, 200);
      assert.equal((await poll(`http://127.0.0.1:${port}/readyz`, 10_000, (status) => status === 200)).status, 200);
      assert.equal((await healthcheck()).exitCode, 0, 'the HEALTHCHECK passes while the app is up');
    } catch (error) {
      server.kill('SIGTERM');
      throw new Error(`${String(error)}\nserver output:\n${(await server).all}`, { cause: error });
    }
    const stopping = Date.now();
    server.kill('SIGTERM');
    const exited = await server;
    assert.equal(exited.exitCode, 0, exited.all);
    assert.ok(Date.now() - stopping < 11_000, 'stopped within SHUTDOWN_TIMEOUT_MS plus a second');
    assert.notEqual((await healthcheck()).exitCode, 0, 'the HEALTHCHECK fails once the app is gone');
  });
});

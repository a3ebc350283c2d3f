import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { copyFile, cp, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { findDomain } from '@create-backend-portfolio/core';
import { execa } from 'execa';
import { parse as parseYaml } from 'yaml';
import { runCli, tempDir } from '../support/cli.js';
import { dockerignorePatterns, execForm, healthcheckCommand, ignored, type Instruction, parseDockerfile, type Stage } from '../support/dockerfile.js';
import { freePort, poll, sharedModules } from '../support/project.js';

/**
 * The generated Dockerfile's build, replayed without a Docker engine: each stage gets an empty folder
 * standing in for its /app, COPY copies from the build context (.dockerignore applied) or an earlier stage,
 * and RUN runs the install and build commands on this machine. Steps that only set up the operating
 * system or the package manager binary are skipped and listed. The runtime stage is then started from only
 * what it copied: this catches a COPY of a file that is missing or ignored, a build that needs a file the
 * stage did not copy, and a runtime that needs a dev dependency.
 */

const DOMAIN = 'ticketing';
const WORKDIR = '/app';
/** Set-up steps the replay cannot or should not run here: OS packages, users, and the package manager binary itself. */
const SETUP_STEP = /^(corepack enable|apt-get|apk |useradd|groupadd|adduser|addgroup)|\binstall (--global|-g)\b/;
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';

interface Replayed {
  readonly dirs: Map<string, string>;
  readonly runtime: { dir: string; env: Record<string, string>; stage: Stage };
  readonly skipped: string[];
}

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
    replayed = await replay(project);
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

/** Builds each stage of the project's Dockerfile in its own folder; see the comment at the top. */
async function replay(project: string): Promise<Replayed> {
  const file = parseDockerfile(await readFile(path.join(project, 'Dockerfile'), 'utf8'));
  const patterns = dockerignorePatterns(await readFile(path.join(project, '.dockerignore'), 'utf8'));
  const dirs = new Map<string, string>();
  const skipped: string[] = [];
  let current = { dir: '', env: {} as Record<string, string>, stage: file.stages[0]! };
  for (const stage of file.stages) {
    // A stage built on an earlier one continues in its folder; one built on an image starts empty.
    const earlier = dirs.get(stage.from);
    current = { dir: earlier ?? (await mkdtemp(path.join(path.dirname(project), 'stage-'))), env: earlier === undefined ? {} : { ...current.env }, stage };
    if (stage.name !== undefined) dirs.set(stage.name, current.dir);
    for (const instruction of stage.instructions) {
      await step(instruction, { ...current, project, patterns, dirs, skip: (what) => skipped.push(`${stage.name}: ${what}`) });
    }
  }
  return { dirs, runtime: current, skipped };
}

async function step(
  instruction: Instruction,
  context: { dir: string; env: Record<string, string>; project: string; patterns: string[]; dirs: Map<string, string>; skip: (what: string) => void },
): Promise<void> {
  const { dir, env } = context;
  switch (instruction.keyword) {
    case 'WORKDIR':
      assert.equal(instruction.args, WORKDIR, 'the replay stands a folder in for /app');
      return;
    case 'ENV':
    case 'ARG': {
      const [key, value = ''] = instruction.args.split('=');
      if (key !== undefined && (instruction.keyword === 'ENV' || !(key in env))) env[key] = value;
      return;
    }
    case 'RUN': {
      if (SETUP_STEP.test(instruction.args)) {
        context.skip(instruction.args);
        return;
      }
      const result = await execa('sh', ['-c', instruction.args], { cwd: dir, env: { ...env, CI: 'true' }, reject: false, all: true });
      assert.equal(result.exitCode, 0, `line ${instruction.line}: RUN ${instruction.args}\n${result.all}`);
      return;
    }
    case 'COPY': {
      const parts = instruction.args.split(/\s+/);
      const destination = path.join(dir, path.relative(WORKDIR, path.resolve(WORKDIR, parts.pop()!)));
      const from = instruction.flags.from;
      const root = from === undefined ? context.project : context.dirs.get(from);
      assert.ok(root !== undefined, `line ${instruction.line}: COPY --from=${from} names no earlier stage`);
      for (const source of parts) {
        const relative = from === undefined ? source : path.relative(WORKDIR, source);
        const full = path.join(root, relative);
        assert.ok(existsSync(full), `line ${instruction.line}: COPY ${source} does not exist`);
        if (from === undefined) assert.equal(ignored(context.patterns, path.normalize(relative)), false, `line ${instruction.line}: COPY ${source} is excluded by .dockerignore`);
        const target = parts.length > 1 || instruction.args.endsWith('/') ? path.join(destination, path.basename(relative)) : destination;
        await mkdir(path.dirname(target), { recursive: true });
        await cp(full, target, {
          recursive: true,
          filter: (entry) => from !== undefined || !ignored(context.patterns, path.relative(root, entry)),
        });
      }
      return;
    }
    default:
      // FROM is handled by the caller; USER, EXPOSE, HEALTHCHECK and CMD describe how the image runs.
      return;
  }
}

async function walk(root: string, skip: string, dir = root): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name === skip) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await walk(root, skip, full)));
    else files.push(path.relative(root, full));
  }
  return files;
}

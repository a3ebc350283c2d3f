import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, symlink } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { REPO_ROOT, runCli, tempDir } from './cli.js';

/**
 * One installed `node_modules` for every project the e2e tests generate without installing: every
 * domain's package.json pins the same dependencies from core's versions file, so one tree serves all.
 * It is kept in the system temp folder under a hash of that file, so a rerun (or a second test file)
 * reuses it; the real install through the CLI is tested on its own in scaffold.test.ts.
 */
export async function sharedModules(): Promise<string> {
  const versions = await readFile(path.join(REPO_ROOT, 'packages/core/src/versions.ts'));
  const key = createHash('sha256').update(versions).digest('hex').slice(0, 12);
  const home = path.join(tmpdir(), `cbp-e2e-modules-${key}`);
  const modules = path.join(home, 'modules/node_modules');
  if (existsSync(path.join(modules, '.bin/jest'))) return modules;
  const staging = await tempDir('modules');
  const result = await runCli(['modules', '--background', 'qa', '--pm', 'pnpm', '--yes', '--no-git'], {
    cwd: staging,
    env: { npm_config_user_agent: 'pnpm/12.4.2 npm/? node/v20 linux x64' },
    timeout: 600_000,
  });
  if (result.exitCode !== 0) throw new Error(`installing the shared node_modules failed:\n${result.all}`);
  await mkdir(home, { recursive: true });
  // Another test process may have finished first: keep its tree and drop ours.
  await rename(path.join(staging, 'modules'), path.join(home, 'modules')).catch(() => undefined);
  await rm(staging, { recursive: true, force: true });
  return modules;
}

/** Scaffolds a project without installing and links the shared `node_modules` into it. */
export async function scaffoldLinked(parent: string, name: string, args: readonly string[]): Promise<string> {
  const result = await runCli([name, '--pm', 'pnpm', '--yes', '--no-install', '--no-git', ...args], { cwd: parent });
  if (result.exitCode !== 0) throw new Error(`scaffolding ${name} failed:\n${result.all}`);
  const dir = path.join(parent, name);
  await symlink(await sharedModules(), path.join(dir, 'node_modules'));
  return dir;
}

/** Runs a binary of the project's own `node_modules/.bin` in it, as CI would. */
export function projectBin(dir: string, bin: string, args: readonly string[], env: NodeJS.ProcessEnv = {}) {
  return execa(path.join(dir, 'node_modules/.bin', bin), args, { cwd: dir, reject: false, all: true, env: { CI: 'true', DATABASE_URL: '', ...env } });
}

/** `pnpm milestone <args>` without pnpm: the project's milestone CLI under tsx. */
export function milestone(dir: string, args: readonly string[], env: NodeJS.ProcessEnv = {}) {
  return execa(process.execPath, ['--import', 'tsx', 'milestones/cli.ts', ...args], { cwd: dir, reject: false, all: true, env: { DATABASE_URL: '', ...env } });
}

/** The criteria a `milestone check` run reports as failed, from jest's failure headings, sorted. */
export const failedCriteria = (output: string) => [...output.matchAll(/● [a-z-]+ › ([a-z-]+\.[a-z0-9-]+):/g)].map((match) => match[1]).sort();

/** The rows of `milestone status --json`. */
export function statusRows(stdout: string): { id: string; status: string; reason: string | null }[] {
  return JSON.parse(stdout.slice(stdout.indexOf('['))) as { id: string; status: string; reason: string | null }[];
}

/** The statuses of `milestone status --json`, by milestone id. */
export function statusById(stdout: string): Record<string, string> {
  return Object.fromEntries(statusRows(stdout).map((row) => [row.id, row.status]));
}

/** A port nothing listens on right now, for a server under test. */
export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Fetches `url` until it answers with a status `accept` takes, retrying refused or reset connections, until the deadline. */
export async function poll(url: string, timeoutMs: number, accept: (status: number) => boolean = () => true): Promise<Response> {
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

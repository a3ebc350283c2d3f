import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { bundleCli } from '../../bundle.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const PACKAGE = path.join(REPO_ROOT, 'packages/create-backend-portfolio');

/**
 * The CLI as it is published: the bundle build.ts makes (bundle.ts), of the current sources,
 * built once per test file. Spawning it costs a third of running the sources under tsx, and the tests
 * exercise the code users run. It lives under the package's node_modules so its external dependencies
 * resolve, and away from `dist/`, so it finds the repository's templates as a checkout does.
 */
const BIN = path.join(PACKAGE, 'node_modules/.cache/cli-under-test', `bin-${process.pid}.js`);
await bundleCli(BIN);
after(() => rm(BIN, { force: true }));

export async function tempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(tmpdir(), `cbp-${prefix}-`));
}

/** A temporary folder for the enclosing describe block, made before its tests and removed after them. */
export function suiteDir(prefix: string): () => string {
  let dir: string | undefined;
  before(async () => {
    dir = await tempDir(prefix);
  });
  after(async () => {
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });
  return () => {
    if (dir === undefined) throw new Error('suiteDir is read inside a test, after before() ran');
    return dir;
  };
}

export interface CliResult {
  readonly exitCode: number | undefined;
  readonly stdout: string;
  readonly stderr: string;
  /** stdout and stderr interleaved, for assertion messages. */
  readonly all: string;
}

/** Starts the CLI as a person would, with stdin closed (no TTY); the caller awaits or signals it. */
export function spawnCli(args: readonly string[], { cwd, env = {}, timeout = 300_000 }: { cwd: string; env?: NodeJS.ProcessEnv; timeout?: number }) {
  return execa(process.execPath, [BIN, ...args], {
    cwd,
    reject: false,
    stdin: 'ignore',
    all: true,
    timeout,
    env: { NO_COLOR: '1', CI: undefined, npm_config_user_agent: undefined, npm_lifecycle_event: undefined, ...env },
  });
}

/** Runs the CLI to the end. */
export async function runCli(args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeout?: number }): Promise<CliResult> {
  const result = await spawnCli(args, options);
  return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr, all: result.all };
}

/** Every file under `root` (skipping the given folder names), with its bytes, sorted by path. */
export async function snapshotTree(root: string, skip: ReadonlySet<string> = new Set()): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  async function walk(dir: string): Promise<void> {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (skip.has(entry.name)) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else files.set(path.relative(root, full), await readFile(full));
    }
  }
  await walk(root);
  return new Map([...files.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

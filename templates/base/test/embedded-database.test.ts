import { type ChildProcess, type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LOCK_FILE } from '../src/db/database.js';

/**
 * Without DATABASE_URL, the server, `seed` and `migrate:*` open the embedded database in PGLITE_DIR. It has
 * no server to share, so a second process on the same directory would work on its own copy of the data and
 * lose its writes (`seed` while `dev` runs): it must stop instead, and say why.
 */

/** The processes load TypeScript through tsx and open PGlite: seconds each on a busy CI runner. */
const PROCESS_TIMEOUT_MS = 120_000;

const started: ChildProcess[] = [];
let dataDir: string;

const embedded = (): NodeJS.ProcessEnv => ({ ...process.env, DATABASE_URL: '', PGLITE_DIR: dataDir, NODE_ENV: 'development' });

/** Runs `src/db/cli.ts <command>`, as `seed` and `migrate:latest` do. */
async function cli(command: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/db/cli.ts', command], { env: embedded() });
  started.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout: stdout.trim(), stderr: stderr.trim() };
}

/** Starts `src/server.ts` on the embedded database, as `dev` does, and waits for its "listening" line. */
function startServer(): Promise<ChildProcessWithoutNullStreams> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: { ...embedded(), PORT: '0', HOST: '127.0.0.1', LOG_PRETTY: 'false', LOG_LEVEL: 'info' },
  });
  started.push(child);
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.split('\n').some((line) => line.includes('"msg":"listening"'))) resolve(child);
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`server exited with ${code} before listening:\n${output}`)));
  });
}

describe('the embedded database', () => {
  const seeded = { code: 0, stdout: 'Ran 1 seed file(s).', stderr: '' };

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'pglite-'));
    // Created once: making a PGlite directory from nothing is the slow part.
    expect((await cli('migrate:latest')).code).toBe(0);
  }, PROCESS_TIMEOUT_MS);

  afterEach(() => {
    for (const child of started.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });

  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('stops a second process while the server has it, with one line naming the server, and opens once it stops', async () => {
    const server = await startServer();

    const refused = await cli('seed');

    expect({ code: refused.code, lines: refused.stderr.split('\n') }).toEqual({
      code: 1,
      lines: [expect.stringMatching(new RegExp(`^The embedded database in .+ is in use by process ${server.pid}\\b.*DATABASE_URL`))],
    });
    expect(server.exitCode).toBeNull();

    const exited = once(server, 'exit');
    server.kill('SIGTERM');
    await exited;
    expect(await cli('seed')).toEqual(seeded);
  }, PROCESS_TIMEOUT_MS);

  it('takes over from a process that ended without letting go, and lets go when it exits', async () => {
    const gone = spawn(process.execPath, ['--eval', '']);
    await once(gone, 'exit');
    writeFileSync(path.join(dataDir, LOCK_FILE), String(gone.pid));

    expect(await cli('seed')).toEqual(seeded);
    expect(existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);
  }, PROCESS_TIMEOUT_MS);
});

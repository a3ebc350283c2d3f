import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { cpSync, mkdtempSync, realpathSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import knex from 'knex';
import { root } from './documents.js';
import { learnerEnv, runInGroup } from './process.js';

export interface StepResult {
  readonly code: number;
  /** The last part of stdout and stderr together, for a failure message. */
  readonly output: string;
}

/** Generous: a typecheck or the learner's suite on a loaded machine takes minutes, not seconds. */
const STEP_TIMEOUT_MS = 600_000;

/** Runs one replayed command with `sh -c` in `cwd`, in its own process group, as CI would (`CI=true`, UTC). */
export async function runStep(command: string, cwd: string, env: NodeJS.ProcessEnv = {}): Promise<StepResult> {
  const { code, output } = await runInGroup('sh', ['-c', command], { cwd, env: { ...learnerEnv(), TZ: 'UTC', CI: 'true', ...env }, timeoutMs: STEP_TIMEOUT_MS });
  return { code, output };
}

/**
 * A copy of the project to plant a fault in, sharing its installed `node_modules` through a link: the
 * source, tests, config and milestones, without git, build output, coverage or the embedded database.
 */
export function scratchCopy(label: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `milestone-${label}-`));
  const skip = new Set(['node_modules', '.git', 'dist', 'coverage', '.data']);
  cpSync(root, dir, { recursive: true, filter: (source) => !skip.has(path.relative(root, source).split(path.sep)[0] ?? '') });
  symlinkSync(realpathSync(path.join(root, 'node_modules')), path.join(dir, 'node_modules'));
  return dir;
}

export interface ScratchDatabase {
  readonly url: string;
  tables(): Promise<string[]>;
  drop(): Promise<void>;
}

/** Starts an embedded PostgreSQL (PGlite) in a child process and prints its address: a database no one else uses. */
const EMBEDDED = `
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
const server = new PGLiteSocketServer({ db: await PGlite.create(), host: '127.0.0.1', port: 0, maxConnections: 20 });
await server.start();
console.log(server.getServerConn());
`;

/**
 * An empty database for a replay: a new one on the PostgreSQL server this check run was given, or a new
 * embedded one in a child process, so what the replay migrates or breaks never touches the check's own.
 */
export async function scratchDatabase(): Promise<ScratchDatabase> {
  const server = process.env.REQUESTED_DATABASE_URL ?? '';
  let url: string;
  let stop: () => Promise<void>;
  if (server !== '') {
    const name = `replay_${randomBytes(4).toString('hex')}`;
    const admin = knex({ client: 'pg', connection: server });
    try {
      await admin.raw('create database ??', [name]);
    } finally {
      await admin.destroy();
    }
    const parsed = new URL(server);
    parsed.pathname = `/${name}`;
    url = parsed.toString();
    stop = async () => {
      const cleanup = knex({ client: 'pg', connection: server });
      try {
        await cleanup.raw('drop database if exists ?? with (force)', [name]);
      } finally {
        await cleanup.destroy();
      }
    };
  } else {
    const child = spawn(process.execPath, ['--input-type=module', '-e', EMBEDDED], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    const [line] = (await Promise.race([once(child.stdout, 'data'), once(child, 'exit').then(() => ['']) ])) as [Buffer | string];
    url = `postgres://postgres@${String(line).trim()}/postgres`;
    if (String(line).trim() === '') throw new Error('could not start an embedded database for the replay');
    stop = async () => {
      child.kill('SIGKILL');
    };
  }
  return {
    url,
    async tables() {
      const db = knex({ client: 'pg', connection: url, pool: { min: 0, max: 1 } });
      try {
        const rows = await db('information_schema.tables').where({ table_schema: 'public' }).select('table_name');
        return rows.map((row: { table_name: string }) => row.table_name).sort();
      } finally {
        await db.destroy();
      }
    },
    drop: stop,
  };
}

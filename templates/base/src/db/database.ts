import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import knex, { type Knex } from 'knex';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';

/**
 * PostgreSQL through `pg` when DATABASE_URL is set. Otherwise an embedded PostgreSQL (PGlite)
 * that keeps its data in PGLITE_DIR, so the project runs on a machine with no database server.
 * PGlite is a single session: code that opens a transaction must pass `trx` to every query in it.
 */
export async function createDatabase(config: Pick<Config, 'DATABASE_URL' | 'PGLITE_DIR'>): Promise<Knex> {
  if (config.DATABASE_URL !== undefined) {
    return knex({ client: 'pg', connection: config.DATABASE_URL, pool: { min: 0, max: 10 } });
  }
  const { default: ClientPgLite } = await import('knex-pglite');
  mkdirSync(config.PGLITE_DIR, { recursive: true });
  lockDataDirectory(config.PGLITE_DIR);
  return knex({ client: ClientPgLite, dialect: 'postgres', connection: { filename: config.PGLITE_DIR } });
}

/** The file in PGLITE_DIR that names the process using it. */
export const LOCK_FILE = 'lock.pid';

/** Another process has the embedded database open. */
export class DatabaseInUseError extends Error {
  override name = 'DatabaseInUseError';
}

/**
 * Embedded PostgreSQL has no server to share: a second process on the same directory (`seed` while `dev`
 * runs) works on its own copy of the data, and the two overwrite each other's writes. So the first process
 * holds the directory until it exits, and a second one stops at once. The lock file holds the owner's pid;
 * a lock whose process is gone (killed before it could remove it) is taken over.
 */
export function lockDataDirectory(directory: string): void {
  const lock = path.join(directory, LOCK_FILE);
  for (let attempt = 0; ; attempt += 1) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      process.once('exit', () => rmSync(lock, { force: true }));
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = Number(readFileSync(lock, 'utf8'));
    if (owner === process.pid) return;
    if (attempt > 0 || isRunning(owner)) {
      throw new DatabaseInUseError(
        `The embedded database in ${directory} is in use by process ${owner} (a running \`dev\`?): stop it and try again, or set DATABASE_URL to use a PostgreSQL server.`,
      );
    }
    rmSync(lock, { force: true });
  }
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Logs each statement at debug level, without its bindings (they can hold personal data). The line
 * is written inside the request's async context, so it carries the request id like every other line.
 */
export function logQueries(db: Knex, logger: Logger): void {
  db.on('query', (query: { sql: string }) => {
    logger.debug({ sql: query.sql }, 'query');
  });
}

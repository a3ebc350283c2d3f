import { mkdirSync } from 'node:fs';
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
  return knex({ client: ClientPgLite, dialect: 'postgres', connection: { filename: config.PGLITE_DIR } });
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

import type { Express } from 'express';
import knex, { type Knex } from 'knex';
import { createApp } from '../../src/app.js';
import { type Config, loadConfig } from '../../src/config.js';
import { Lifecycle } from '../../src/lifecycle.js';
import { createLogger } from '../../src/logger.js';

export interface TestApp {
  readonly app: Express;
  readonly db: Knex;
  readonly config: Config;
  readonly lifecycle: Lifecycle;
  close(): Promise<void>;
}

const quiet = { warn: () => undefined, error: () => undefined, debug: () => undefined, deprecate: () => undefined };

/**
 * The real application wired to the test database that global setup prepared. `quietDriver`
 * silences knex's own console output, for tests that break the connection on purpose.
 */
export function createTestApp(env: NodeJS.ProcessEnv = {}, { quietDriver = false } = {}): TestApp {
  const config = loadConfig({ ...process.env, RATE_LIMIT_PER_MINUTE: '100000', ...env });
  const db = knex({
    client: 'pg',
    connection: config.DATABASE_URL,
    pool: { min: 0, max: 10 },
    ...(quietDriver ? { log: quiet } : {}),
  });
  const lifecycle = new Lifecycle();
  const app = createApp({ config, db, logger: createLogger(config), lifecycle });
  return { app, db, config, lifecycle, close: () => db.destroy() };
}

/** Empties every application table, keeping the schema and the migration history. */
export async function resetDatabase(db: Knex): Promise<void> {
  const { rows } = await db.raw<{ rows: { tablename: string }[] }>(
    "select tablename from pg_tables where schemaname = 'public' and tablename not like 'knex\\_%'",
  );
  if (rows.length > 0) {
    await db.raw(`truncate ${rows.map(() => '??').join(', ')} restart identity cascade`, rows.map((row) => row.tablename));
  }
}

import type { Express } from 'express';
import knex, { type Knex } from 'knex';
import type { DestinationStream } from 'pino';
import request from 'supertest';
import { createApp } from '../../src/app.js';
import { type Config, loadConfig } from '../../src/config.js';
import { logQueries } from '../../src/db/database.js';
import { Lifecycle } from '../../src/lifecycle.js';
import { createLogger } from '../../src/logger.js';
import { conformsToContract } from './contract.js';

export interface TestApp {
  readonly app: Express;
  readonly db: Knex;
  readonly config: Config;
  readonly lifecycle: Lifecycle;
  /** supertest against the app, with every response checked against /openapi.json. */
  readonly api: ContractClient;
  close(): Promise<void>;
}

interface TestAppOptions {
  /** Silences knex's own console output, for tests that break the connection on purpose. */
  readonly quietDriver?: boolean;
  /** Where the app's log lines go, for tests that read them. */
  readonly logTo?: DestinationStream;
}

const quiet = { warn: () => undefined, error: () => undefined, debug: () => undefined, deprecate: () => undefined };

/** The real application wired to the test database that global setup prepared. */
export function createTestApp(env: NodeJS.ProcessEnv = {}, { quietDriver = false, logTo }: TestAppOptions = {}): TestApp {
  const config = loadConfig({ ...process.env, RATE_LIMIT_PER_MINUTE: '100000', ...env });
  const db = knex({
    client: 'pg',
    connection: config.DATABASE_URL,
    pool: { min: 0, max: 10 },
    ...(quietDriver ? { log: quiet } : {}),
  });
  const logger = createLogger(config, logTo);
  logQueries(db, logger);
  const lifecycle = new Lifecycle();
  const app = createApp({ config, db, logger, lifecycle });
  return { app, db, config, lifecycle, api: contractClient(app), close: () => db.destroy() };
}

export type ContractClient = ReturnType<typeof contractClient>;

function contractClient(app: Express) {
  const agent = request(app);
  return {
    get: (url: string) => agent.get(url).expect(conformsToContract),
    post: (url: string) => agent.post(url).expect(conformsToContract),
    put: (url: string) => agent.put(url).expect(conformsToContract),
    patch: (url: string) => agent.patch(url).expect(conformsToContract),
    delete: (url: string) => agent.delete(url).expect(conformsToContract),
  };
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

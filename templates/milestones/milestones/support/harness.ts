import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Express } from 'express';
import knex, { type Knex } from 'knex';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createDatabase } from '../../src/db/database.js';
import { Lifecycle } from '../../src/lifecycle.js';
import { createLogger } from '../../src/logger.js';

export interface CheckApp {
  readonly app: Express;
  readonly db: Knex;
  close(): Promise<void>;
}

/**
 * The learner's own app, built by their `createApp`, on the database the check run started. The
 * checks talk to it only through HTTP and SQL, as a client and an operator would.
 */
export function startApp(env: NodeJS.ProcessEnv = {}): CheckApp {
  const config = loadConfig({ ...process.env, RATE_LIMIT_PER_MINUTE: '100000', ...env });
  const db = knex({ client: 'pg', connection: config.DATABASE_URL, pool: { min: 0, max: 10 } });
  const app = createApp({ config, db, logger: createLogger(config), lifecycle: new Lifecycle() });
  return { app, db, close: () => db.destroy() };
}

/**
 * Loads the scaffold's seed data with the project's own `seed` command, in a child process: knex
 * loads seed files with a dynamic import, which jest's module sandbox does not allow.
 */
export async function runSeeds(): Promise<void> {
  const root = path.resolve(__dirname, '../..');
  await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/db/cli.ts', 'seed'], { cwd: root, env: process.env });
}

/**
 * The learner's app on a database opened by their own `createDatabase`, so their pool settings (a
 * statement timeout, an acquire timeout) are what a check exercises, not the harness's defaults.
 */
export async function startAppOnOwnDatabase(env: NodeJS.ProcessEnv = {}): Promise<CheckApp> {
  const config = loadConfig({ ...process.env, RATE_LIMIT_PER_MINUTE: '100000', ...env });
  const db = await createDatabase(config);
  const app = createApp({ config, db, logger: createLogger(config), lifecycle: new Lifecycle() });
  return { app, db, close: () => db.destroy() };
}

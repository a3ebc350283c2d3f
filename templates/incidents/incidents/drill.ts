import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import knex, { type Knex } from 'knex';
import { pino } from 'pino';
import { createApp } from '../src/app.js';
import { loadConfig, loadDotEnv } from '../src/config.js';
import { logQueries } from '../src/db/database.js';
import { migrationOptions } from '../src/db/paths.js';
import { Lifecycle } from '../src/lifecycle.js';
import { createLogger } from '../src/logger.js';
import { editRaces, lookups, p95, pages, type Sample, writeHeaders } from './load.js';
import { findScenario, loadDrills, type Measurements, ROOT } from './scenarios.js';
import { STATE_DIR } from './state.js';

/**
 * One drill run, in a process of its own so it loads the project's code as it is on disk right now:
 * a throwaway database on the PostgreSQL server DATABASE_URL names, migrated and filled; the app on
 * a loopback port with a small pool (so a shortage shows within seconds, not minutes); the scenario's
 * traffic for a few seconds. Prints the measurements as one line of JSON. The app's log lines go to
 * `.incident/app.log`, with the statements it runs when LOG_LEVEL=debug.
 */
const WINDOW_MS = Number(process.env.INCIDENT_WINDOW_MS ?? 5_000);
const CLIENTS = 4;
const POOL = { min: 0, max: 5 };
const ACQUIRE_TIMEOUT_MS = 1_000;

async function withDatabase<T>(server: string, use: (url: string) => Promise<T>): Promise<T> {
  const name = `incident_${randomBytes(4).toString('hex')}`;
  const admin = knex({ client: 'pg', connection: server, pool: { min: 0, max: 1 } });
  await admin.raw('create database ??', [name]);
  try {
    const url = new URL(server);
    url.pathname = `/${name}`;
    return await use(url.toString());
  } finally {
    await admin.raw('drop database if exists ?? with (force)', [name]);
    await admin.destroy();
  }
}

/** Gives up on connections a fault never gave back: the database is dropped with force anyway. */
const destroyWithin = (db: Knex, ms: number) => Promise.race([db.destroy(), new Promise((resolve) => setTimeout(resolve, ms).unref())]);

async function run(id: string): Promise<Measurements> {
  process.chdir(ROOT);
  loadDotEnv();
  const server = process.env.DATABASE_URL;
  if (server === undefined || server === '') {
    throw new Error('Drills need a PostgreSQL server: set DATABASE_URL (in .env or the environment), for example after `docker compose up -d db`.');
  }
  const data = loadDrills();
  const scenario = findScenario(data, id);
  return withDatabase(server, async (url) => {
    const setup = knex({ client: 'pg', connection: url, pool: { min: 0, max: 1 } });
    try {
      await setup.migrate.latest(migrationOptions(path.join(ROOT, 'src/db')));
      for (const statement of data.fill) await setup.raw(statement);
    } finally {
      await setup.destroy();
    }
    const ids = (await knexRows(url, data.resource.table)).map((row) => row.id);

    const config = loadConfig({ ...process.env, DATABASE_URL: url, NODE_ENV: 'production', RATE_LIMIT_PER_MINUTE: '1000000' });
    const db = knex({ client: 'pg', connection: url, pool: POOL, acquireConnectionTimeout: ACQUIRE_TIMEOUT_MS });
    const log = pino.destination({ dest: path.join(STATE_DIR, 'app.log'), append: true, mkdir: true, sync: false });
    const logger = createLogger(config, log);
    logQueries(db, logger);
    let statements = 0;
    db.on('query', () => {
      statements += 1;
    });
    const app = createApp({ config, db, logger, lifecycle: new Lifecycle() });
    const listener = app.listen(0, '127.0.0.1');
    await once(listener, 'listening');
    const base = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;
    try {
      const headers = scenario.id === 'lost-edits' ? await writeHeaders(base, data.resource.path) : {};
      statements = 0;
      const started = Date.now();
      const options = { base, until: started + WINDOW_MS, clients: CLIENTS, headers };
      let samples: Sample[];
      let edits = 0;
      let lostEdits = 0;
      if (scenario.id === 'detail-errors') samples = await lookups(options, ids, data.resource.path);
      else if (scenario.id === 'slow-list') samples = await pages(options, data.resource.path);
      else ({ samples, edits, lost: lostEdits } = await editRaces(options, ids, data));
      const errors = samples.filter((sample) => sample.status >= 500).length;
      return {
        scenario: scenario.id,
        seconds: Math.round((Date.now() - started) / 100) / 10,
        requests: samples.length,
        errorRate: samples.length === 0 ? 0 : Math.round((errors / samples.length) * 1000) / 10,
        p95: p95(samples),
        statementsPerRequest: samples.length === 0 ? 0 : Math.round((statements / samples.length) * 10) / 10,
        edits,
        lostEdits,
      };
    } finally {
      listener.closeAllConnections();
      listener.close();
      logger.flush();
      await destroyWithin(db, 1_000);
    }
  });
}

async function knexRows(url: string, table: string): Promise<{ id: string }[]> {
  const db = knex({ client: 'pg', connection: url, pool: { min: 0, max: 1 } });
  try {
    return await db(table).select('id').orderBy('id');
  } finally {
    await db.destroy();
  }
}

run(process.argv[2] ?? '').then(
  (measured) => {
    process.stdout.write(`${JSON.stringify(measured)}\n`);
    process.exit(0);
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);

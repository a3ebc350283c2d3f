import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import knex from 'knex';

/**
 * Runs once, in jest's parent process, before any test file: starts a database for the run and
 * migrates it. PGlite starts here rather than in a test file because jest's module sandbox cannot
 * load it; the tests reach it over a local socket with the same `pg` driver as production.
 *
 * Jest loads this file outside its module mapper, so it imports nothing from `src/`.
 */
export default async function globalSetup(): Promise<void> {
  process.env.NODE_ENV = 'test';
  process.env.LOG_LEVEL ??= 'silent';
  const serverUrl = process.env.DATABASE_URL;
  // What the caller asked for, before it is replaced by this run's own database: the milestone
  // checks hand it on when they run the test suite as a learner would.
  process.env.REQUESTED_DATABASE_URL = serverUrl ?? '';
  const url = serverUrl ? await createThrowawayDatabase(serverUrl) : await startEmbeddedDatabase();
  process.env.DATABASE_URL = url;

  // The same command a developer runs, so the tests exercise the real migration path. It must not
  // block: the embedded database answers from this process's event loop.
  await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/db/cli.ts', 'migrate:latest'], { env: process.env });
}

/** With a server URL, tests get a database of their own on that server and never touch yours. */
async function createThrowawayDatabase(serverUrl: string): Promise<string> {
  const name = `test_${randomBytes(4).toString('hex')}`;
  const admin = knex({ client: 'pg', connection: serverUrl });
  try {
    await admin.raw('create database ??', [name]);
  } finally {
    await admin.destroy();
  }
  globalThis.stopTestDatabase = async () => {
    const cleanup = knex({ client: 'pg', connection: serverUrl });
    try {
      await cleanup.raw('drop database if exists ?? with (force)', [name]);
    } finally {
      await cleanup.destroy();
    }
  };
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function startEmbeddedDatabase(): Promise<string> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const pglite = await PGlite.create();
  const server = new PGLiteSocketServer({ db: pglite, host: '127.0.0.1', port: 0, maxConnections: 20 });
  await server.start();
  globalThis.stopTestDatabase = async () => {
    await server.stop();
    await pglite.close();
  };
  return `postgres://postgres@${server.getServerConn()}/postgres`;
}

declare global {
  // Set here, called by global-teardown.ts: both run in jest's parent process.
  var stopTestDatabase: (() => Promise<void>) | undefined;
}

import { createApp } from './app.js';
import { ConfigError, loadConfig, loadDotEnv } from './config.js';
import { createDatabase, logQueries } from './db/database.js';
import { exitOnFatalErrors, Lifecycle, shutdown } from './lifecycle.js';
import { createLogger } from './logger.js';

async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  const logger = createLogger(config);
  exitOnFatalErrors({ logger });
  const db = await createDatabase(config);
  logQueries(db, logger);
  const lifecycle = new Lifecycle();
  const app = createApp({ config, db, logger, lifecycle });

  // Express calls this once: with an error if the port cannot be bound, with none once listening.
  const server = app.listen(config.PORT, config.HOST, (error?: NodeJS.ErrnoException) => {
    if (error !== undefined) {
      logger.fatal({ err: error, host: config.HOST, port: config.PORT }, cannotListen(error, config.HOST, config.PORT));
      void db.destroy().finally(() => process.exit(1));
      return;
    }
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : config.PORT;
    logger.info({ port, database: config.DATABASE_URL === undefined ? 'embedded' : 'postgres' }, 'listening');
  });

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'signal received');
    shutdown({ server, db, logger, lifecycle, delayMs: config.SHUTDOWN_DELAY_MS, timeoutMs: config.SHUTDOWN_TIMEOUT_MS }).then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

/** The fatal line when the port cannot be bound: what went wrong, and what to do about it. */
function cannotListen(error: NodeJS.ErrnoException, host: string, port: number): string {
  if (error.code === 'EADDRINUSE') {
    return `cannot listen: port ${port} is already in use; stop the process that holds it (lsof -i :${port}) or set PORT to a free port`;
  }
  return `cannot listen on ${host}:${port}: ${error.message}`;
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});

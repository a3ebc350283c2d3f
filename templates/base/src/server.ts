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

  const server = app.listen(config.PORT, config.HOST, () => {
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : config.PORT;
    logger.info({ port, database: config.DATABASE_URL === undefined ? 'embedded' : 'postgres' }, 'listening');
  });

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'signal received');
    shutdown({ server, db, logger, lifecycle, timeoutMs: config.SHUTDOWN_TIMEOUT_MS }).then(
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

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});

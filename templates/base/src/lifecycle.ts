import type { Server } from 'node:http';
import type { Knex } from 'knex';
import type { Logger } from './logger.js';

/** Shared by the readiness probe and the shutdown sequence. */
export class Lifecycle {
  #shuttingDown = false;

  get shuttingDown(): boolean {
    return this.#shuttingDown;
  }

  beginShutdown(): void {
    this.#shuttingDown = true;
  }
}

interface ShutdownDeps {
  readonly server: Server;
  readonly db: Knex;
  readonly logger: Logger;
  readonly lifecycle: Lifecycle;
  readonly timeoutMs: number;
}

/**
 * Stops taking work, lets in-flight requests finish within a bound, then releases the pool.
 * Readiness turns to 503 first, so a load balancer stops routing here before connections close.
 */
export async function shutdown({ server, db, logger, lifecycle, timeoutMs }: ShutdownDeps): Promise<void> {
  lifecycle.beginShutdown();
  logger.info({ timeoutMs }, 'shutting down: draining in-flight requests');
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  if ((await Promise.race([closed, timedOut])) === 'timeout') {
    logger.warn('drain timeout reached: closing remaining connections');
    server.closeAllConnections();
    await closed;
  }
  clearTimeout(timer);
  await db.destroy();
  logger.info('shutdown complete');
}

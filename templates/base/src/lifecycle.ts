import type { EventEmitter } from 'node:events';
import type { Server, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { RequestHandler } from 'express';
import type { Knex } from 'knex';
import type { Logger } from './logger.js';

/** Shared by the readiness probe and the shutdown sequence. */
export class Lifecycle {
  #shuttingDown = false;
  readonly #inFlight = new Set<ServerResponse>();

  get shuttingDown(): boolean {
    return this.#shuttingDown;
  }

  /**
   * Middleware that remembers responses not yet sent. Once shutdown begins, every response still to
   * be sent, including those of requests already in flight, tells the client `Connection: close`,
   * so no client reuses a keep-alive connection that is about to go away.
   */
  readonly trackResponses: RequestHandler = (_req, res, next) => {
    if (this.#shuttingDown) {
      res.shouldKeepAlive = false;
    } else {
      this.#inFlight.add(res);
      res.once('close', () => this.#inFlight.delete(res));
    }
    next();
  };

  beginShutdown(): void {
    this.#shuttingDown = true;
    for (const res of this.#inFlight) {
      if (!res.headersSent) res.shouldKeepAlive = false;
    }
  }
}

interface ShutdownDeps {
  readonly server: Server;
  readonly db: Knex;
  readonly logger: Logger;
  readonly lifecycle: Lifecycle;
  /** How long the listener keeps accepting after readiness turns 503 (SHUTDOWN_DELAY_MS). */
  readonly delayMs: number;
  /** How long in-flight requests may take once the listener is closed (SHUTDOWN_TIMEOUT_MS). */
  readonly timeoutMs: number;
  /** Waits out `delayMs`; tests pass their own to decide when the delay ends. */
  readonly wait?: (ms: number) => Promise<void>;
}

/**
 * Stops taking work, lets in-flight requests finish within a bound, then releases the pool.
 *
 * Readiness turns to 503 and every response says `Connection: close` at once, but the listener keeps
 * accepting for `delayMs`: a load balancer that learns of the shutdown late (Kubernetes endpoints reach
 * kube-proxy and the ingress seconds after SIGTERM) still gets answers instead of refused connections.
 * With `delayMs` 0, for platforms that stop routing before they signal, the listener closes at once.
 */
export async function shutdown({ server, db, logger, lifecycle, delayMs, timeoutMs, wait = sleep }: ShutdownDeps): Promise<void> {
  lifecycle.beginShutdown();
  if (delayMs > 0) {
    logger.info({ delayMs }, 'shutting down: readiness is 503, still accepting while load balancers catch up');
    await wait(delayMs);
  }
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

interface FatalDeps {
  readonly logger: Logger;
  readonly events?: EventEmitter;
  readonly exit?: (code: number) => void;
}

/**
 * After an unexpected throw or an unhandled rejection the process state is unknown: log it and
 * exit non-zero so the supervisor starts a clean process.
 */
export function exitOnFatalErrors({ logger, events = process, exit = (code) => process.exit(code) }: FatalDeps): void {
  events.on('unhandledRejection', (reason: unknown) => {
    logger.fatal({ err: reason }, 'unhandled promise rejection');
    exit(1);
  });
  events.on('uncaughtException', (error: Error) => {
    logger.fatal({ err: error }, 'uncaught exception');
    exit(1);
  });
}

import { Router } from 'express';
import type { Knex } from 'knex';
import type { Lifecycle } from '../lifecycle.js';
import { HttpError } from '../http/problem.js';

interface HealthDeps {
  readonly db: Knex;
  readonly lifecycle: Lifecycle;
  readonly timeoutMs: number;
}

async function pingWithin(db: Knex, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const ping = db.raw('select 1').then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([ping, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function healthRouter({ db, lifecycle, timeoutMs }: HealthDeps): Router {
  const router = Router();

  // Liveness: the process can serve HTTP. It never touches the database, so a database
  // outage does not make an orchestrator restart healthy processes.
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  // Readiness: this instance should receive traffic right now.
  router.get('/readyz', async (_req, res) => {
    if (lifecycle.shuttingDown) {
      throw new HttpError(503, 'shutting-down', 'This instance is shutting down.');
    }
    if (!(await pingWithin(db, timeoutMs))) {
      throw new HttpError(503, 'database-unavailable', `The database did not answer within ${timeoutMs} ms.`);
    }
    res.json({ status: 'ready' });
  });

  return router;
}

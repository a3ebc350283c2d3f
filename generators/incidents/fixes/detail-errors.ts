import { knownFix } from './kit.js';

/**
 * The lookup goes back to one plain query, which borrows a connection only for that statement. The
 * test runs the app on a pool of two with a short acquire timeout, so a leak fails it in about a second.
 */
export default knownFix('detail-errors', {
  test: (resource) => `import { randomUUID } from 'node:crypto';
import knex, { type Knex } from 'knex';
import request from 'supertest';
import type { Express } from 'express';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { Lifecycle } from '../src/lifecycle.js';
import { createLogger } from '../src/logger.js';
import { insert${resource.Singular} } from './support/${resource.fixtures}.js';

describe('detail-errors: looking up missing ${resource.labelPlural} gives every connection back', () => {
  let db: Knex;
  let app: Express;

  beforeAll(() => {
    const config = loadConfig({ ...process.env, RATE_LIMIT_PER_MINUTE: '100000' });
    // A pool of two that gives up waiting after a second: a leaked connection shows at once.
    db = knex({ client: 'pg', connection: config.DATABASE_URL, pool: { min: 0, max: 2 }, acquireConnectionTimeout: 1_000 });
    app = createApp({ config, db, logger: createLogger(config), lifecycle: new Lifecycle() });
  });

  afterAll(async () => {
    await db.destroy();
  });

  it('still answers after more misses than the pool has connections', async () => {
    const existing = await insert${resource.Singular}(db);
    for (let miss = 0; miss < 5; miss += 1) {
      const res = await request(app).get(\`/${resource.table}/\${randomUUID()}\`);
      expect({ miss, status: res.status }).toEqual({ miss, status: 404 });
    }
    await request(app).get(\`/${resource.table}/\${existing.id}\`).expect(200);
  });
});
`,
  postmortem: {
    impact:
      'For about an hour most reads of single records failed with 500, including records that exist; lists kept working until the pool was empty too. No data was changed or lost.',
    detection:
      'The 5xx rate alert on the detail route. The error log lines of failing requests all carried a KnexTimeoutError about acquiring a connection, not an SQL error, which pointed at the pool rather than at a query. An alert on pool waits would have fired before users noticed.',
    fix: 'The lookup is one query again, outside any transaction: a single SELECT is already consistent on its own, so the transaction bought nothing and cost a connection on every miss. Where a transaction is needed, the callback form (`db.transaction(async (trx) => ...)`) commits or rolls back on every path, early returns included.',
    prevention: 'Add a review rule: no manual `db.transaction()` without a `try/finally` that rolls back; prefer the callback form (owner: backend, this week).',
  },
});

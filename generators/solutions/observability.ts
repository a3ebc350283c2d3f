import type { ProjectView } from '../view/project.js';
import { type MilestoneSolution, mutate } from './kit.js';

const ROUTE_TEMPLATE = `import type { Request } from 'express';

/** The route label of every request that matched no route: one value, whatever path was asked for. */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * The route template a request matched, such as \`/orders/:id\`, for logs and metrics to group by. Express
 * knows only the matched route's own path (\`/:id\`); the mount path in front of it is taken from the URL,
 * one segment per segment the route did not match. By the time a response finishes, an error may have
 * unwound the routers and reset \`req.baseUrl\`, so it cannot be used.
 */
export function routeTemplate(req: Request): string {
  const route: unknown = req.route;
  if (typeof route !== 'object' || route === null || !('path' in route) || typeof route.path !== 'string') return UNMATCHED_ROUTE;
  const own = route.path.split('/').filter(Boolean);
  const requested = (req.originalUrl.split('?')[0] ?? '').split('/').filter(Boolean);
  const mount = requested.slice(0, Math.max(0, requested.length - own.length));
  return \`/\${[...mount, ...own].join('/')}\`;
}
`;

const METRICS = `import type { RequestHandler } from 'express';
import { routeTemplate } from './route-template.js';

/**
 * Upper bounds of the latency buckets, in seconds: fine-grained around the 200 ms most routes should stay
 * under, coarse beyond a second, where the only question is how bad it got.
 */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 1, 2.5, 5];

interface Series {
  readonly labels: string;
  count: number;
  sum: number;
  /** Requests at or under each bound of BUCKETS: cumulative, as the text format wants them. */
  readonly buckets: number[];
}

export interface HttpMetrics {
  /** Middleware that counts and times every request once its response has been sent. */
  readonly record: RequestHandler;
  /** \`GET /metrics\`: the counters in the Prometheus text format. */
  readonly expose: RequestHandler;
}

const escape = (value: string) => value.replace(/\\\\/g, '\\\\\\\\').replace(/"/g, '\\\\"').replace(/\\n/g, '\\\\n');
const labelText = (labels: Record<string, string>) =>
  Object.entries(labels)
    .map(([name, value]) => \`\${name}="\${escape(value)}"\`)
    .join(',');

/**
 * Request count and latency by method, route template and status code. Labels come from the route
 * template, never the URL, so the number of series is fixed by the code, not by what clients send.
 * One instance per app, so tests that build several apps do not share counts.
 */
export function httpMetrics(): HttpMetrics {
  const series = new Map<string, Series>();

  const record: RequestHandler = (req, res, next) => {
    const started = performance.now();
    res.on('finish', () => {
      const seconds = (performance.now() - started) / 1000;
      const labels = labelText({ method: req.method, route: routeTemplate(req), status_code: String(res.statusCode) });
      let entry = series.get(labels);
      if (entry === undefined) {
        entry = { labels, count: 0, sum: 0, buckets: BUCKETS.map(() => 0) };
        series.set(labels, entry);
      }
      entry.count += 1;
      entry.sum += seconds;
      BUCKETS.forEach((bound, i) => {
        if (seconds <= bound) (entry.buckets[i] as number) += 1;
      });
    });
    next();
  };

  const expose: RequestHandler = (_req, res) => {
    const all = [...series.values()];
    const lines = [
      '# HELP http_requests_total Requests answered, by method, route template and status code.',
      '# TYPE http_requests_total counter',
      ...all.map((entry) => \`http_requests_total{\${entry.labels}} \${entry.count}\`),
      '# HELP http_request_duration_seconds Time from receiving a request to finishing its response.',
      '# TYPE http_request_duration_seconds histogram',
      ...all.flatMap((entry) => [
        ...BUCKETS.map((bound, i) => \`http_request_duration_seconds_bucket{\${entry.labels},le="\${bound}"} \${entry.buckets[i]}\`),
        \`http_request_duration_seconds_bucket{\${entry.labels},le="+Inf"} \${entry.count}\`,
        \`http_request_duration_seconds_sum{\${entry.labels}} \${entry.sum}\`,
        \`http_request_duration_seconds_count{\${entry.labels}} \${entry.count}\`,
      ]),
    ];
    res.type('text/plain; version=0.0.4; charset=utf-8').send(\`\${lines.join('\\n')}\\n\`);
  };

  return { record, expose };
}
`;

const SLOW_QUERIES = `import type { Knex } from 'knex';
import type { Logger } from '../logger.js';

/** What knex passes to its query events: the statement with placeholders, and an id per execution. */
interface QueryEvent {
  readonly __knexQueryUid: string;
  readonly sql: string;
}

/**
 * Warns about every statement slower than \`thresholdMs\`, with its SQL and duration. The bindings are left
 * out on purpose: they hold user data, and logs are copied to more places than the database. The clock
 * starts when knex sends the statement, so a wait for a lock counts and a wait for a pool connection does
 * not. The lines are written in the request's async context, so they carry its id.
 */
export function logSlowQueries(db: Knex, logger: Logger, thresholdMs: number): void {
  const started = new Map<string, number>();
  const finished = (query: QueryEvent) => {
    const start = started.get(query.__knexQueryUid);
    if (start === undefined) return;
    // Removed on errors too, so a failing query cannot leave its timer behind.
    started.delete(query.__knexQueryUid);
    const durationMs = Math.round(performance.now() - start);
    if (durationMs >= thresholdMs) logger.warn({ sql: query.sql, durationMs }, 'slow query');
  };
  db.on('query', (query: QueryEvent) => started.set(query.__knexQueryUid, performance.now()));
  db.on('query-response', (_response: unknown, query: QueryEvent) => finished(query));
  db.on('query-error', (_error: unknown, query: QueryEvent) => finished(query));
}
`;

/** The project's own tests for what this milestone adds, so the suite keeps it working. */
function observabilityTest(view: ProjectView): string {
  const list = `/${view.resources[0]?.table ?? ''}`;
  return `import { randomUUID } from 'node:crypto';
import knex from 'knex';
import request from 'supertest';
import { logSlowQueries } from '../src/db/slow-queries.js';
import { createLogger } from '../src/logger.js';
import { LogCapture } from './support/log-capture.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('observability', () => {
  let ctx: TestApp;

  beforeAll(() => {
    ctx = createTestApp();
  });

  afterAll(async () => {
    await ctx.close();
  });

  it('counts requests by route template and status, never by URL', async () => {
    await request(ctx.app).get(\`${list}/\${randomUUID()}\`).expect(404);
    await request(ctx.app).get(\`${list}/\${randomUUID()}\`).expect(404);
    await request(ctx.app).get('/no-such-route').expect(404);
    const res = await request(ctx.app).get('/metrics').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\\/plain/);
    expect(res.text).toContain('http_requests_total{method="GET",route="${list}/:id",status_code="404"} 2');
    expect(res.text).toContain('http_request_duration_seconds_count{method="GET",route="${list}/:id",status_code="404"} 2');
    expect(res.text).toContain('route="unmatched"');
    expect(res.text).not.toContain('no-such-route');
  });

  it('warns about slow queries with their SQL, never their values, failed ones included', async () => {
    const logs = new LogCapture();
    const db = knex({ client: 'pg', connection: ctx.config.DATABASE_URL, pool: { min: 0, max: 1 } });
    // A threshold of 0 makes every query slow.
    logSlowQueries(db, createLogger({ ...ctx.config, LOG_LEVEL: 'warn' }, logs), 0);
    try {
      await db.raw('select ?::text as secret', ['hunter2']);
      await expect(db.raw('select ?::int', ['not a number'])).rejects.toThrow();
    } finally {
      await db.destroy();
    }
    const slow = logs.lines.filter((line) => line.msg === 'slow query');
    expect(slow).toEqual([
      expect.objectContaining({ level: 40, sql: 'select $1::text as secret', durationMs: expect.any(Number) }),
      expect.objectContaining({ sql: 'select $1::int' }),
    ]);
    expect(JSON.stringify(logs.lines)).not.toMatch(/hunter2|not a number/);
  });

  it('stays quiet about queries under the threshold', async () => {
    const logs = new LogCapture();
    const db = knex({ client: 'pg', connection: ctx.config.DATABASE_URL, pool: { min: 0, max: 1 } });
    logSlowQueries(db, createLogger({ ...ctx.config, LOG_LEVEL: 'warn' }, logs), 60_000);
    try {
      await db.raw('select 1');
      await expect(db.raw('select ?::int', ['not a number'])).rejects.toThrow();
    } finally {
      await db.destroy();
    }
    expect(logs.lines.filter((line) => line.msg === 'slow query')).toEqual([]);
  });
});
`;
}

/** A postmortem of the drill the milestone describes: the hot list's index dropped, found from metrics and logs. */
function postmortem(view: ProjectView): { relative: string; content: string } {
  const hot = view.domain.hotList;
  const route = hot.route.replace(/^[A-Z]+\s+/, '');
  const template = route.split('?')[0] ?? route;
  const index = `${hot.table}_hot_list_index`;
  const requestId = '3f9c2a57-1d2b-4c8e-9a41-6b0d7e5f2c18';
  return {
    relative: 'docs/incidents/2026-03-05-hot-list-latency.md',
    content: `# Postmortem: the ${hot.table} hot list slowed down after a migration

## Summary
For about forty minutes \`${hot.route}\` answered in over a second instead of about 20 ms. A migration meant to
rename an index dropped \`${index}\` and never created its replacement, so every hot list request sorted the
whole \`${hot.table}\` table. Re-creating the index ended it.

## Impact
Every client polling the hot list waited more than a second per page for forty minutes; no request failed
and no data was lost or changed. Other routes were slower while the database was busy sorting.

## Timeline
- 14:02 The migration with the index rename is deployed.
- 14:09 \`http_request_duration_seconds\` for route \`${template}\` moves from the 0.025 bucket to above 1 second.
- 14:21 A client reports the list "hanging"; on-call starts from \`/metrics\`.
- 14:30 The slow-query log shows the hot list SQL at 1100 ms for request id \`${requestId}\`.
- 14:38 \`EXPLAIN\` on that SQL shows a sequential scan and a sort; the index is missing.
- 14:42 The index is re-created with a new migration; latency is back under 25 ms.

## Detection
The latency histogram showed it first, but nobody was watching it; a client found it 19 minutes after the
deploy. Metrics gave the route and the time it started, and the slow-query log gave the statement.

## Root cause
The migration dropped \`${index}\` in \`up\` and created the renamed index only in a code path that never
ran. Following request id \`${requestId}\` through the logs led from the access line to a slow query line
with the hot list SQL, and its plan showed the missing index.

## Resolution
A new migration re-created the index on ${hot.index.map((column) => `\`${column}\``).join(', ')}. The list went back to about 20 ms as
soon as the index was valid; no restart was needed.

## Action items
- Add a test that runs every migration up, down and up again and checks the hot list plan uses an index (owner: backend, this week).
- Alert when the 95th percentile of \`${template}\` stays above 200 ms for five minutes (owner: on-call, this week).
- Keep the slow-query threshold at 200 ms in production so the first slow statements show up at once (done).
`,
  };
}

/**
 * Observability: a route template on the access log line, \`GET /metrics\` with a hand-written Prometheus
 * counter and histogram, a slow-query warning behind \`SLOW_QUERY_MS\`, and a postmortem. Shared files
 * (app, access log, config, server) get small edits of the scaffold's text rather than whole new versions.
 */
const solution: MilestoneSolution = {
  async files(view, _templatesDir, read) {
    // As the earlier solutions left them: auth and failure-modes change app.ts and config.ts too.
    const base = read;
    const what = 'observability solution';

    let app = await base('src/app.ts');
    app = mutate(app, "import { accessLog } from './http/access-log.js';\n", "import { accessLog } from './http/access-log.js';\nimport { httpMetrics } from './http/metrics.js';\n", what);
    app = mutate(app, '  app.use(accessLog(logger));\n', '  app.use(accessLog(logger));\n  const metrics = httpMetrics();\n  app.use(metrics.record);\n', what);
    // Next to the health checks, before the rate limit: a scraper polls every few seconds and must not be throttled.
    app = mutate(app, /( {2}app\.use\(healthRouter\(.*\)\);\n)/, "$1  app.get('/metrics', metrics.expose);\n", what);

    let accessLog = await base('src/http/access-log.ts');
    accessLog = mutate(accessLog, "import type { Logger } from '../logger.js';\n", "import type { Logger } from '../logger.js';\nimport { routeTemplate } from './route-template.js';\n", what);
    accessLog = mutate(accessLog, 'path: req.originalUrl, status,', 'path: req.originalUrl, route: routeTemplate(req), status,', what);

    const config = mutate(
      await base('src/config.ts'),
      /( {4}READINESS_TIMEOUT_MS: .*\n)/,
      '$1    // Queries slower than this many milliseconds are logged at warn, with their SQL and without their values.\n    SLOW_QUERY_MS: z.coerce.number().int().min(0).default(200),\n',
      what,
    );

    let server = await base('src/server.ts');
    server = mutate(server, "import { createDatabase, logQueries } from './db/database.js';\n", "import { createDatabase, logQueries } from './db/database.js';\nimport { logSlowQueries } from './db/slow-queries.js';\n", what);
    server = mutate(server, '  logQueries(db, logger);\n', '  logQueries(db, logger);\n  logSlowQueries(db, logger, config.SLOW_QUERY_MS);\n', what);

    return [
      { relative: 'src/http/route-template.ts', content: ROUTE_TEMPLATE },
      { relative: 'src/http/metrics.ts', content: METRICS },
      { relative: 'src/db/slow-queries.ts', content: SLOW_QUERIES },
      { relative: 'src/app.ts', content: app },
      { relative: 'src/http/access-log.ts', content: accessLog },
      { relative: 'src/config.ts', content: config },
      { relative: 'src/server.ts', content: server },
      { relative: 'test/observability.test.ts', content: observabilityTest(view) },
      postmortem(view),
    ];
  },
  mistakes: [
    {
      name: 'metrics labeled with the raw URL, so every id and every random path becomes a new time series',
      fails: ['observability.metrics'],
      async edit(_view, read) {
        const relative = 'src/http/metrics.ts';
        return [{ relative, content: mutate(await read(relative), 'route: routeTemplate(req),', 'route: req.path,', this.name) }];
      },
    },
    {
      name: 'a slow-query log that prints the bound values, so user data ends up in the logs',
      fails: ['observability.slow-query-log'],
      async edit(_view, read) {
        const relative = 'src/db/slow-queries.ts';
        let content = mutate(await read(relative), '  readonly sql: string;\n', '  readonly sql: string;\n  readonly bindings?: readonly unknown[];\n', this.name);
        content = mutate(content, '{ sql: query.sql, durationMs }', '{ sql: query.sql, bindings: query.bindings, durationMs }', this.name);
        return [{ relative, content }];
      },
    },
    {
      name: 'a postmortem whose root cause is still the placeholder',
      fails: ['observability.incident-postmortem'],
      async edit(view, read) {
        const { relative } = postmortem(view);
        return [{ relative, content: mutate(await read(relative), /## Root cause\n[\s\S]*?\n\n/, '## Root cause\nTODO: fill in once we know more.\n\n', this.name) }];
      },
    },
  ],
};

export default solution;

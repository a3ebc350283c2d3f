import request from 'supertest';
import { createLogger } from '../src/logger.js';
import { LogCapture } from './support/log-capture.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('logging', () => {
  let logs: LogCapture;
  let ctx: TestApp;

  beforeAll(() => {
    logs = new LogCapture();
    ctx = createTestApp({ LOG_LEVEL: 'debug', NODE_ENV: 'production' }, { logTo: logs });
  });

  afterAll(async () => {
    await ctx.close();
  });

  beforeEach(() => {
    logs.lines.length = 0;
  });

  it('tags every line of a request with its id, down to the SQL it runs', async () => {
    await request(ctx.app).get('/readyz').set('X-Request-Id', 'trace-me').expect(200);
    const query = logs.lines.find((line) => line.msg === 'query');
    const access = logs.lines.find((line) => line.msg === 'request completed');
    expect(query).toMatchObject({ requestId: 'trace-me', sql: 'select 1' });
    expect(access).toMatchObject({ requestId: 'trace-me', method: 'GET', path: '/readyz', status: 200 });
    expect(logs.lines.every((line) => line.requestId === 'trace-me')).toBe(true);
  });

  it('keeps the ids of concurrent requests apart', async () => {
    await Promise.all(
      ['a', 'b', 'c'].map((id) => request(ctx.app).get('/readyz').set('X-Request-Id', `req-${id}`).expect(200)),
    );
    const queries = logs.lines.filter((line) => line.msg === 'query').map((line) => line.requestId);
    expect(queries.sort()).toEqual(['req-a', 'req-b', 'req-c']);
  });

  // pino's redaction matches paths, not values: these are the paths the app logs credentials under.
  it('redacts the auth headers, password, token and secret fields one level down, and DATABASE_URL', () => {
    const logger = createLogger({ LOG_LEVEL: 'info', LOG_PRETTY: false, NODE_ENV: 'production' }, logs);
    logger.info({ req: { headers: { authorization: 'Bearer abc', cookie: 'sid=1' } }, user: { password: 'hunter2', token: 't0k' }, DATABASE_URL: 'postgres://app:DB_PASSWORD@db/app' }, 'auth');
    const line = JSON.stringify(logs.lines.at(-1));
    expect(line).not.toMatch(/Bearer abc|sid=1|hunter2|t0k|DB_PASSWORD/);
    expect(line).toContain('[redacted]');
  });
});

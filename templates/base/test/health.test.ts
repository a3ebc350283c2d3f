import request from 'supertest';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('health', () => {
  let ctx: TestApp;

  beforeAll(() => {
    ctx = createTestApp();
  });

  afterAll(async () => {
    await ctx.close();
  });

  it('GET /healthz answers 200 without touching the database', async () => {
    const res = await request(ctx.app).get('/healthz').expect(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('GET /readyz answers 200 when the database responds', async () => {
    const res = await request(ctx.app).get('/readyz').expect(200);
    expect(res.body).toEqual({ status: 'ready' });
  });

  it('GET /readyz answers 503 once shutdown has begun', async () => {
    // Its own app: shutting down the shared one would fail whichever test runs after this one.
    const stopping = createTestApp();
    try {
      stopping.lifecycle.beginShutdown();
      const res = await request(stopping.app).get('/readyz').expect(503);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 503, type: expect.stringContaining('shutting-down') });
    } finally {
      await stopping.close();
    }
  });

  it('GET /readyz answers 503 when the database is unreachable', async () => {
    const unreachable = createTestApp(
      { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', READINESS_TIMEOUT_MS: '500' },
      { quietDriver: true },
    );
    try {
      const res = await request(unreachable.app).get('/readyz').expect(503);
      expect(res.body.type).toContain('database-unavailable');
    } finally {
      await unreachable.close();
    }
  });

  it('echoes a sane X-Request-Id and makes one up otherwise', async () => {
    const echoed = await request(ctx.app).get('/healthz').set('X-Request-Id', 'abc-123');
    expect(echoed.headers['x-request-id']).toBe('abc-123');
    const generated = await request(ctx.app).get('/healthz').set('X-Request-Id', 'bad id with spaces');
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

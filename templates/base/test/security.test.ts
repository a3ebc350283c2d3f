import request from 'supertest';
import { createTestApp } from './support/test-app.js';

describe('security', () => {
  it('sends the security headers and never x-powered-by', async () => {
    const ctx = createTestApp();
    try {
      const res = await request(ctx.app).get('/healthz').expect(200);
      expect(res.headers['x-powered-by']).toBeUndefined();
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    } finally {
      await ctx.close();
    }
  });

  it('allows only the configured CORS origins, without credentials', async () => {
    const ctx = createTestApp({ CORS_ORIGINS: 'https://app.example.com' });
    try {
      const allowed = await request(ctx.app).get('/openapi.json').set('Origin', 'https://app.example.com');
      expect(allowed.headers['access-control-allow-origin']).toBe('https://app.example.com');
      expect(allowed.headers['access-control-allow-credentials']).toBeUndefined();
      const other = await request(ctx.app).get('/openapi.json').set('Origin', 'https://evil.example.com');
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await ctx.close();
    }
  });

  it('limits the rate per client and answers 429 with a problem document', async () => {
    const ctx = createTestApp({ RATE_LIMIT_PER_MINUTE: '2' });
    try {
      await request(ctx.app).get('/openapi.json').expect(200);
      await request(ctx.app).get('/openapi.json').expect(200);
      const limited = await request(ctx.app).get('/openapi.json').expect(429);
      expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(limited.headers.ratelimit).toBeDefined();
    } finally {
      await ctx.close();
    }
  });

  it('ignores X-Forwarded-For unless proxies are configured, so a client cannot dodge the limit', async () => {
    const direct = createTestApp({ RATE_LIMIT_PER_MINUTE: '1' });
    const proxied = createTestApp({ RATE_LIMIT_PER_MINUTE: '1', TRUST_PROXY_HOPS: '1' });
    try {
      await request(direct.app).get('/openapi.json').set('X-Forwarded-For', '203.0.113.1').expect(200);
      await request(direct.app).get('/openapi.json').set('X-Forwarded-For', '203.0.113.2').expect(429);

      await request(proxied.app).get('/openapi.json').set('X-Forwarded-For', '203.0.113.1').expect(200);
      await request(proxied.app).get('/openapi.json').set('X-Forwarded-For', '203.0.113.2').expect(200);
      await request(proxied.app).get('/openapi.json').set('X-Forwarded-For', '203.0.113.2').expect(429);
    } finally {
      await Promise.all([direct.close(), proxied.close()]);
    }
  });
});

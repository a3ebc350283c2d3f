import request from 'supertest';
import { document, operations } from './support/contract.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('the OpenAPI document', () => {
  let ctx: TestApp;

  beforeAll(() => {
    ctx = createTestApp();
  });

  afterAll(async () => {
    await ctx.close();
  });

  it('is served at /openapi.json as OpenAPI 3.1', async () => {
    const res = await request(ctx.app).get('/openapi.json').expect(200);
    expect(res.body.openapi).toMatch(/^3\.1\./);
    expect(res.body).toEqual(JSON.parse(JSON.stringify(document)));
  });

  it('documents problem responses for the failures every API operation can have', () => {
    const api = operations.filter((operation) => !['/healthz', '/readyz'].includes(operation.path));
    expect(api.length).toBeGreaterThan(0);
    for (const operation of api) {
      const responses = document.paths?.[operation.path]?.[operation.method]?.responses ?? {};
      for (const status of ['400', '429', '500']) {
        expect({ operation: `${operation.method} ${operation.path}`, status, content: Object.keys(responses[status]?.content ?? {}) }).toEqual({
          operation: `${operation.method} ${operation.path}`,
          status,
          content: ['application/problem+json'],
        });
      }
    }
  });

  it('has a browsable UI at /docs that loads the document', async () => {
    const page = await request(ctx.app).get('/docs/').expect(200);
    expect(page.text).toContain('swagger-ui-bundle.js');
    const init = await request(ctx.app).get('/docs/swagger-ui-init.js').expect(200);
    expect(init.text).toContain('/openapi.json');
  });
});

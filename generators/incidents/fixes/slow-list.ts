import { testAppSuite } from '../../solutions/kit.js';
import { knownFix } from './kit.js';

/**
 * The page comes back in one statement again. The test counts the statements one page costs, which
 * does not depend on the machine's speed the way a latency budget would.
 */
export default knownFix('slow-list', {
  test: (resource) => `import { insert${resource.Singular} } from './support/${resource.fixtures}.js';
import { createTestApp, resetDatabase, type TestApp } from './support/test-app.js';

${testAppSuite(`slow-list: a page of ${resource.labelPlural} costs the same few statements at any size`, `  it('lists 20 ${resource.labelPlural} in at most 3 statements', async () => {
    for (let n = 0; n < 20; n += 1) await insert${resource.Singular}(ctx.db);
    let statements = 0;
    const count = () => {
      statements += 1;
    };
    ctx.db.on('query', count);
    try {
      const res = await ctx.api.get('/${resource.table}?limit=20').expect(200);
      expect(res.body.items).toHaveLength(20);
    } finally {
      ctx.db.removeListener('query', count);
    }
    expect(statements).toBeLessThanOrEqual(3);
  });
`)}`,
  postmortem: {
    impact:
      'For about an hour every page of the list was several times slower, and the extra statements slowed every other route that shares the database. Nothing failed and no data changed.',
    detection:
      'The latency alert on the list route, while the database CPU climbed although traffic was flat. With LOG_LEVEL=debug, one request id carried over a hundred SELECT lines for a single page. A dashboard of statements per request would have shown it on the day of the deploy.',
    fix: 'The list fetches the page in one SELECT with the filters, order and limit, and counts in a second, as before the refactor. Reading the list and the detail through the same columns does not need one query per row.',
    prevention: 'Add a review rule: no query inside a loop over rows; the test counts statements, so it fails on an N+1 however fast the machine is (owner: backend, this week).',
  },
});

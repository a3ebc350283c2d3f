import { foreignKeyTarget, primaryTable, uniqueTarget } from '@create-backend-portfolio/core';
import { type ProjectView, resourceView } from '../view/project.js';
import { type MilestoneSolution, mutate, testAppSuite } from './kit.js';

const ERROR_PATHS = 'test/error-paths.test.ts';

/** The fixtures and routes the error-path tests use, from the tables the milestone text names. */
function tables(view: ProjectView) {
  const { domain } = view;
  const primary = resourceView(domain, primaryTable(domain).name);
  const unique = resourceView(domain, uniqueTarget(domain)?.table.name ?? primary.table);
  const relation = foreignKeyTarget(domain);
  const child = resourceView(domain, relation?.child.name ?? primary.table);
  return { primary, unique, child, foreignKeyColumn: relation?.column.name };
}

function errorPathsTest(view: ProjectView): string {
  const { primary, unique, child, foreignKeyColumn } = tables(view);
  // The primary's values builder too: a mistake fixture below creates rows through the API with it.
  const imports = [...new Set([`insert${primary.Singular}`, `${primary.camelSingular}Values`, `${unique.camelSingular}Values`, `${child.camelSingular}Values`])].sort();
  const foreignKeyTest =
    foreignKeyColumn === undefined
      ? ''
      : `
  it('422: a ${child.label} whose ${foreignKeyColumn} points at a missing row is refused and not stored', async () => {
    const before = await count('${child.table}');
    const body = await ${child.camelSingular}Values(ctx.db, { ${foreignKeyColumn}: randomUUID() });
    await expectProblem(ctx.api.post('/${child.table}').send(body), 422);
    expect(await count('${child.table}')).toBe(before);
  });
`;
  return `import { randomUUID } from 'node:crypto';
import type { Test } from 'supertest';
import { MAX_PAGE_SIZE } from '../src/http/pagination.js';
import { ${imports.join(', ')} } from './support/fixtures.js';
import { createTestApp, resetDatabase, type TestApp } from './support/test-app.js';

/**
 * The error paths, named by the status they answer, each checking the problem document and, for writes,
 * that nothing was stored. The happy paths live in the resource tests. Every test starts from empty tables
 * and creates what it needs, so the order they run in does not matter.
 */
${testAppSuite('error paths', `  async function count(table: string): Promise<number> {
    const row = await ctx.db(table).count({ count: '*' }).first();
    return Number(row?.count);
  }

  async function expectProblem(sent: Test, status: number) {
    const res = await sent.expect(status);
    expect(res.headers['content-type']).toMatch(/^application\\/problem\\+json/);
    expect(res.body.status).toBe(status);
    return res;
  }

  it('400: an id that is not a uuid', async () => {
    const res = await expectProblem(ctx.api.get('/${primary.table}/not-a-uuid'), 400);
    expect(res.body.errors).toEqual([expect.objectContaining({ pointer: '/params/id' })]);
  });

  it('400: a create body that fails validation is not stored', async () => {
    await expectProblem(ctx.api.post('/${primary.table}').send({}), 400);
    expect(await count('${primary.table}')).toBe(0);
  });

  it('404: a ${primary.label} that does not exist', async () => {
    const id = randomUUID();
    const res = await expectProblem(ctx.api.get(\`/${primary.table}/\${id}\`), 404);
    expect(res.body.detail).toContain(id);
  });

  it('409: a duplicate ${unique.label} is refused and not stored twice', async () => {
    const body = await ${unique.camelSingular}Values(ctx.db);
    await ctx.api.post('/${unique.table}').send(body).expect(201);
    await expectProblem(ctx.api.post('/${unique.table}').send(body), 409);
    expect(await count('${unique.table}')).toBe(1);
  });
${foreignKeyTest}
  describe('pagination of /${primary.table}', () => {
    it.each([
      ['a limit of 0', 'limit=0'],
      ['a limit above the maximum', \`limit=\${MAX_PAGE_SIZE + 1}\`],
      ['a negative offset', 'offset=-1'],
    ])('400 for %s', async (_name, query) => {
      const res = await expectProblem(ctx.api.get(\`/${primary.table}?\${query}\`), 400);
      expect(res.body.errors).toEqual([expect.objectContaining({ pointer: expect.stringMatching(/^\\/query\\//) })]);
    });

    it('an offset past the last row answers an empty page', async () => {
      await insert${primary.Singular}(ctx.db);
      await insert${primary.Singular}(ctx.db);
      const res = await ctx.api.get('/${primary.table}?offset=2').expect(200);
      expect(res.body).toEqual({ items: [], page: { limit: expect.any(Number), offset: 2, total: 2, nextOffset: null } });
    });

    it('a page of exactly limit rows has no next page', async () => {
      for (let i = 0; i < 3; i += 1) await insert${primary.Singular}(ctx.db);
      const res = await ctx.api.get('/${primary.table}?limit=3').expect(200);
      expect(res.body.items).toHaveLength(3);
      expect(res.body.page).toEqual({ limit: 3, offset: 0, total: 3, nextOffset: null });
    });
  });
`)}`;
}

/**
 * Testing: error-path tests named by the status they answer, through HTTP, asserting the problem document and
 * that nothing was stored; pagination bounds;.
 */
const solution: MilestoneSolution = {
  async files(view) {
    return [{ relative: ERROR_PATHS, content: errorPathsTest(view) }];
  },
  mistakes: [
    {
      name: 'pagination tests that only ever ask for valid pages, so the bounds are named but never tried',
      fails: ['testing.named-behaviors'],
      async edit(view, read) {
        const list = `/${primaryTable(view.domain).name}`;
        const validOnly = `    it('200 for the page sizes clients use', async () => {
      await ctx.api.get('${list}?limit=1').expect(200);
      await ctx.api.get(\`${list}?limit=\${MAX_PAGE_SIZE}\`).expect(200);
    });
`;
        return [{ relative: ERROR_PATHS, content: mutate(await read(ERROR_PATHS), /^ {4}it\.each\(\[\n[\s\S]*?\n {4}\}\);\n/m, validOnly, this.name) }];
      },
    },
    {
      name: 'a scenario spread over tests that share one row, so they pass only in the order they were written',
      fails: ['testing.order-independent'],
      async edit(view, read) {
        return [{ relative: ERROR_PATHS, content: `${await read(ERROR_PATHS)}${scenarioTests(view)}` }];
      },
    },
  ],
};

/** Six tests that each need the one before them: jest's file order passes, nearly every shuffled order fails. */
function scenarioTests(view: ProjectView): string {
  const { primary } = tables(view);
  const { field, value } = primary.patch;
  return `
describe('one ${primary.label} from create to delete', () => {
  let ctx: TestApp;
  let id = '';
  let original: unknown;

  beforeAll(() => {
    ctx = createTestApp();
  });

  afterAll(async () => {
    await ctx.close();
  });

  it('creates it', async () => {
    const res = await ctx.api.post('/${primary.table}').send(await ${primary.camelSingular}Values(ctx.db)).expect(201);
    id = res.body.id;
    original = res.body.${field};
  });

  it('reads it back', async () => {
    const res = await ctx.api.get(\`/${primary.table}/\${id}\`).expect(200);
    expect(res.body.${field}).toEqual(original);
  });

  it('updates it', async () => {
    await ctx.api.patch(\`/${primary.table}/\${id}\`).send({ ${field}: ${value} }).expect(200);
  });

  it('reads the update back', async () => {
    const res = await ctx.api.get(\`/${primary.table}/\${id}\`).expect(200);
    expect(res.body.${field}).toEqual(${value});
  });

  it('deletes it', async () => {
    await ctx.api.delete(\`/${primary.table}/\${id}\`).expect(204);
  });

  it('no longer finds it', async () => {
    await ctx.api.get(\`/${primary.table}/\${id}\`).expect(404);
  });
});
`;
}

export default solution;

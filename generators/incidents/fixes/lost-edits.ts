import { type Column, independentColumns } from '@create-backend-portfolio/core';
import { testAppSuite } from '../../solutions/kit.js';
import { knownFix } from './kit.js';

/** The value edit `n` sends to `column`, as TypeScript source, and how the test compares what is stored. */
function edit(column: Column, n: string) {
  if (column.enum !== undefined) {
    // Any value but the fixture's, so an edit that is lost always shows.
    const others = column.enum.filter((value) => value !== column.example);
    return { value: `${JSON.stringify(others).replace(/"/g, "'").replace(/,/g, ', ')}[${n} % ${others.length}]`, kept: (stored: string, sent: string) => `${stored} === ${sent}` };
  }
  switch (column.type) {
    case 'integer':
      return { value: `${column.min ?? 0} + 1 + ${n}`, kept: (stored: string, sent: string) => `${stored} === ${sent}` };
    case 'timestamptz':
      return {
        value: `new Date(Date.UTC(2027, 0, 2 + ${n})).toISOString()`,
        kept: (stored: string, sent: string) => `new Date(${stored}).getTime() === new Date(${sent}).getTime()`,
      };
    default:
      return { value: `\`${String(column.example).slice(0, 20)} #\${${n}}\``, kept: (stored: string, sent: string) => `${stored} === ${sent}` };
  }
}

/**
 * The update writes only the columns the request sent again, in one statement, so concurrent edits
 * of different fields both stick. The test races pairs of edits, which the faulty read-merge-write loses.
 */
export default knownFix('lost-edits', {
  test: (resource, view) => {
    const [first, second] = independentColumns(view.domain);
    const a = edit(first, 'n');
    const b = edit(second, 'n');
    return `import { insert${resource.Singular} } from './support/${resource.fixtures}.js';
import { createTestApp, resetDatabase, type TestApp } from './support/test-app.js';

${testAppSuite(`lost-edits: concurrent edits of different ${resource.label} fields both stick`, `  it('keeps ${first.name} and ${second.name} when two clients edit them at the same moment', async () => {
    const lost: string[] = [];
    // One race can come out right by luck; ten in a row with the faulty code do not.
    for (let n = 0; n < 10; n += 1) {
      const row = await insert${resource.Singular}(ctx.db);
      const ${first.name} = ${a.value};
      const ${second.name} = ${b.value};
      const answers = await Promise.all([
        ctx.api.patch(\`/${resource.table}/\${row.id}\`).send({ ${first.name} }),
        ctx.api.patch(\`/${resource.table}/\${row.id}\`).send({ ${second.name} }),
      ]);
      expect({ n, statuses: answers.map((answer) => answer.status) }).toEqual({ n, statuses: [200, 200] });
      const stored = (await ctx.api.get(\`/${resource.table}/\${row.id}\`).expect(200)).body;
      if (!(${a.kept(`stored.${first.name}`, first.name)})) lost.push(\`race \${n}: ${first.name}\`);
      if (!(${b.kept(`stored.${second.name}`, second.name)})) lost.push(\`race \${n}: ${second.name}\`);
    }
    expect(lost).toEqual([]);
  });
`)}`;
  },
  postmortem: {
    impact:
      'For about an hour an edit could silently undo another edit of the same record made at the same moment. Every request answered 200, so the lost changes were found only by the users who made them.',
    detection:
      'Support tickets from users whose edits went missing, although the API had answered 200 and the access log showed both requests. No alert caught it: the data was wrong, not the service. Following two overlapping requests by their request ids showed each reading the row and then writing all of it back.',
    fix: 'The update writes only the columns in the request, in a single UPDATE statement, so the database applies concurrent edits of different fields one after the other and neither is overwritten. Where a change truly depends on the current value, the row must be locked (SELECT ... FOR UPDATE in a transaction) or the write made conditional on a version.',
    prevention: 'Add a review rule: no read-merge-write of a whole row without a lock or a version check (owner: backend, this week).',
  },
});

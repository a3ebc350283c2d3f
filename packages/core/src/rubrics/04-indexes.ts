import { codeList, routePath, tableNamed } from '../milestones/text.js';
import { mistake, type RubricDefinition, sign } from './types.js';

export const indexes: RubricDefinition = ({ domain }) => {
  const hot = domain.hotList;
  const table = tableNamed(domain, hot.table);
  const cols = codeList(hot.index);
  const path = routePath(hot.route);

  return {
    milestone: 'indexes',
    shows: 'The learner finds a slow query from evidence, reads a plan, and fixes it with the one index that serves it, with numbers to back the claim.',
    evidence: [
      `The new migration that creates the index on \`${table.name}\`, and its \`down\`.`,
      '`docs/performance.md`: the before and after plans and timings.',
      'The bulk seed script, and the `indexes` rows of the milestone report, where `indexes.route-latency` prints the measured 95th percentile.',
    ],
    levels: {
      strong: [
        sign(
          `One migration creates a named index on \`${table.name}\` (${cols}) in that order, with a comment naming the query it serves and why ` +
            'equality columns come before the sort columns; its `down` drops exactly that index.',
          'indexes.index-exists',
        ),
        sign(
          '`docs/performance.md` holds both `EXPLAIN (ANALYZE, BUFFERS)` plans, taken on the same 100,000 rows after `ANALYZE`, and points at the ' +
            'nodes that changed: the Seq Scan and Sort give way to an Index Scan that stops after one page.',
          'indexes.plan-uses-index',
        ),
        sign(
          `The learner printed the SQL the endpoint sends for \`${path}\` and shows that its WHERE and ORDER BY match the hot query.`,
          'indexes.route-matches-query',
        ),
        sign('The bulk seed is a script anyone can rerun, with a realistic spread of values, kept out of the default seeds.'),
      ],
      adequate: [
        sign('Every indexes criterion passes, with the 95th percentile comfortably under the budget.', 'indexes.index-exists', 'indexes.plan-uses-index', 'indexes.route-matches-query', 'indexes.route-latency'),
        sign('`docs/performance.md` has numbers but only one plan, or plans measured on different data.'),
        sign('The index is right but unnamed or uncommented, so the next person cannot tell which query needs it.'),
      ],
      weak: [
        sign(
          `The index has the right columns in another order (for example the sort column first), or covers only the filter column, so the plan keeps a Sort node.`,
          'indexes.plan-uses-index',
        ),
        sign('The index was created by hand in psql or in an edited old migration; a fresh database does not get it, or rolling back leaves it behind.', 'indexes.index-exists'),
        sign('There are no before numbers, only a claim that it is faster now.'),
      ],
    },
    reference: {
      approach: [
        `A new migration: \`CREATE INDEX\` on \`${table.name}\` (${cols}) with an explicit name and a comment, and a \`down\` that drops it.`,
        `The list query for \`${path}\` filters and orders exactly as \`${hot.query}\`, so the planner can walk the index and stop after the page.`,
        'A bulk seed using `INSERT ... SELECT` over `generate_series`, and `docs/performance.md` with before and after plans and timings.',
      ],
      mistakes: [
        mistake(
          'An index on the filter column only',
          'The plan uses the index to find rows but still sorts them; with many matching rows the Sort node is the slow part.',
          'indexes.index-exists',
          'indexes.plan-uses-index',
        ),
        mistake(
          'Columns in the wrong order',
          'The sort column leads the index, so PostgreSQL cannot use it for the equality filter and falls back to a scan or a sort.',
          'indexes.index-exists',
          'indexes.plan-uses-index',
        ),
        mistake(
          'The endpoint does not send the hot query',
          'The route sorts by another column or adds a condition the index does not cover, so the index exists but the endpoint never uses it.',
          'indexes.route-matches-query',
        ),
      ],
    },
  };
};

import type { MilestoneDefinition } from '../model.js';
import { codeList, foreignKeys, routePath, tableNamed, withQuery } from './text.js';

export const indexes: MilestoneDefinition = ({ domain }) => {
  const hot = domain.hotList;
  const table = tableNamed(domain, hot.table);
  const path = routePath(hot.route);
  const page = path.includes('limit=') ? path : withQuery(path, 'limit=20');
  const cols = codeList(hot.index);
  const parents = foreignKeys(table).map((c) => c.references?.table ?? '').filter((n) => n !== '');
  const parentNote = parents.length > 0 ? ` (plus the ${codeList([...new Set(parents)])} rows they reference)` : '';

  return {
    id: 'indexes',
    number: 4,
    slug: 'indexes',
    title: 'Make the hot list fast',
    goal:
      `Load 100,000 rows into \`${table.name}\`, measure \`${hot.route}\`, read the query plan, and add a composite index on ` +
      `${cols} in a migration so PostgreSQL answers the list with an index scan instead of reading the whole table and sorting it.`,
    whyItMatters:
      'A query that takes 2 ms on seed data can take seconds once a table holds real volume, and it usually degrades slowly enough that ' +
      'nobody notices until the database CPU is pinned and every other endpoint slows down with it. Finding the slow query, reading its ' +
      'plan and fixing it with the right index is one of the most common tasks on a backend team, and "how would you speed up this query" ' +
      'is one of the most common interview questions. The answer they want starts with EXPLAIN, not with a guess.',
    tasks: [
      `Write a bulk seed, separate from the normal seeds and never run by default, that inserts 100,000 \`${table.name}\` rows${parentNote}. ` +
        'Use `INSERT ... SELECT` over `generate_series` or batches of a few thousand rows, and give the filtered and sorted columns a realistic spread of values.',
      `Before adding anything, run \`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)\` on \`${hot.query}\` and time \`GET ${page}\` ` +
        'with a simple load tool. Save the plan and the numbers in `docs/performance.md`.',
      `Write a migration that creates an index on \`${table.name}\` (${cols}), in that order, with a working \`down\`. ` +
        'Explain the order in a comment: columns compared with equality come first, then the columns of the ORDER BY, ending with the `id` tiebreaker.',
      'Run `ANALYZE` (on its own it runs no query: it refreshes the table statistics the planner uses to pick a plan, while `EXPLAIN ANALYZE` runs one query and reports it), repeat the EXPLAIN and the timing, and add the after numbers next to the before numbers. Point out the nodes that changed.',
      `Print the SQL your list endpoint actually sends for \`${path}\` (knex \`.toSQL()\` or query logging) and make sure it has the same WHERE and ORDER BY ` +
        'as the hot query. An index only helps the query that matches it.',
      'If the endpoint also returns a total count, EXPLAIN that query too. Counting every matching row is real work at this volume; decide whether the total is worth it.',
    ],
    acceptance: [
      {
        id: 'indexes.index-exists',
        statement: `A migration adds an index on \`${table.name}\` whose key starts with ${cols}, and rolling that migration back removes it.`,
        sends:
          `After \`migrate:latest\`, reads the indexes on \`${table.name}\` from pg_index; then undoes one migration at a time with \`migrate:down\`, reading them after each step, until the index is gone; then runs \`migrate:latest\` once more.`,
        expects:
          `After the first migrate, a valid btree index exists whose leading key columns are exactly ${cols} in that order. ` +
          `The index disappears at a step where \`${table.name}\` still exists, so its own migration dropped it. After migrating again it is back. Every command exits 0.`,
      },
      {
        id: 'indexes.plan-uses-index',
        statement: 'With 100,000 rows, PostgreSQL answers the hot query from the index.',
        sends:
          `Inserts 100,000 rows into \`${table.name}\`${parentNote} with values spread across the filtered and sorted columns, ` +
          `runs \`VACUUM ANALYZE ${table.name}\`, then runs \`EXPLAIN (FORMAT JSON) ${hot.query}\`.`,
        expects:
          `The plan tree contains an Index Scan or Index Only Scan node on the index from \`indexes.index-exists\`, no node with "Node Type" ` +
          `"Seq Scan" on \`${table.name}\`, and no Sort node (the index already returns rows in order).`,
      },
      {
        id: 'indexes.route-matches-query',
        statement: `\`${hot.route}\` returns exactly what the hot query returns.`,
        sends: `With the same 100,000 rows, \`GET ${page}\`, and the hot query run directly against the database.`,
        expects: 'Status 200 and a page of items whose ids are, in order, the ids the hot query returns.',
      },
      {
        id: 'indexes.route-latency',
        statement: 'The hot list stays fast at volume.',
        sends:
          `With the same 100,000 rows, 10 warm-up requests, then rounds of 200 sequential \`GET ${page}\` requests from the same machine, ` +
          'up to 3 rounds: a busy machine can slow one round, but not make a slow route fast.',
        expects: 'Every response is 200, and in at least one round the 95th percentile response time measured by the client is under 50 ms.',
      },
    ],
    stretch: [
      `Replace offset pagination on this route with keyset pagination (a cursor holding the last row's sort values and \`id\`), and show with EXPLAIN that page 2,000 costs the same as page 1.`,
      'Create the index with `CREATE INDEX CONCURRENTLY` in a knex migration that runs outside a transaction, and explain why a plain CREATE INDEX would block writes on a busy table.',
      `Try a partial index that covers only the rows the hot query filters for, compare its size with the full index (\`pg_relation_size\`), and decide which you would keep.`,
      'Use `pg_stat_statements` to find the slowest query in your test run instead of assuming you know which one it is.',
    ],
    review: {
      correctness: [
        'The index column order matches the query: equality filter first, then the ORDER BY columns in the same order and direction.',
        'The endpoint orders by a unique tiebreaker, so results are deterministic and the index fully satisfies the ORDER BY.',
        'Before and after plans were measured on the same data after ANALYZE, so the comparison is fair.',
      ],
      edgeCases: [
        'A filter value that matches almost every row, where a sequential scan may honestly be the better plan.',
        'Deep offsets: `offset=90000` still reads and discards 90,000 index entries.',
        'Other sort options the endpoint allows, which this index does not serve; decide which ones deserve their own index.',
      ],
      maintainability: [
        'The migration names the index explicitly and its comment says which query it serves, so nobody drops it as unused.',
        'The bulk seed is a script anyone can run again, not a one-off psql session.',
        'docs/performance.md has before and after plans and numbers that a reviewer can reproduce.',
      ],
    },
    talkingPoints: [
      `I found the slow list with EXPLAIN ANALYZE: a sequential scan over 100,000 rows followed by a sort. A composite index on ${cols} turned it into an index scan that stops after 20 rows, and I have the before and after numbers.`,
      'Column order matters: equality columns first, then the sort columns, with the primary key as a tiebreaker so the order is total. The same columns in another order would not remove the sort.',
      'Indexes are not free. Each one slows every insert and update on the table and takes disk and memory, so I add them for queries I have measured, not for every column someone might filter on.',
      'Offset pagination stays slow on deep pages even with a perfect index because the skipped rows are still read. Keyset pagination fixes that at the cost of no longer being able to jump to page N.',
    ],
    estimateHours: 6,
    dependsOn: ['schema-design'],
  };
};

import type { ContendedWrite } from '../model.js';
import { codeList, contendedRoute, contendedTable, words } from '../milestones/text.js';
import { mistake, type RubricDefinition, type RubricSign, sign } from './types.js';

/** What the race looks like for each kind of contended write: its criteria, the guard a reviewer should find, and the tell-tale bug. */
function race(write: ContendedWrite, rows: string): { criteria: readonly string[]; guard: RubricSign; bug: string } {
  switch (write.kind) {
    case 'capacity':
      return {
        criteria: ['concurrency.last-unit-race'],
        guard: sign(
          `The capacity on \`${write.limit.table}.${write.limit.column}\` is enforced by one conditional UPDATE (or a row lock on the parent) ` +
            'and backed by a CHECK that the remaining amount never goes below zero.',
          'concurrency.last-unit-race',
        ),
        bug: `The handler counts the existing ${rows}, compares with \`${write.limit.column}\` in JavaScript, then inserts: every request reads "room left".`,
      };
    case 'single-winner':
      return {
        criteria: ['concurrency.single-winner-race'],
        guard: sign(
          `A unique index on ${codeList(write.collidesOn)}${write.activeWhen ? ` \`WHERE ${write.activeWhen}\`` : ''} decides the winner; its ` +
            'violation becomes a 409 whose `detail` points at the row that won.',
          'concurrency.single-winner-race',
        ),
        bug: `The handler looks for an existing row with a SELECT, finds none, and inserts: under load two ${rows} end up ${write.activeWhen ? 'active' : 'stored'} together.`,
      };
    case 'counter':
      return {
        criteria: ['concurrency.duplicate-race', 'concurrency.counter-no-lost-increments'],
        guard: sign(
          `Duplicates are refused by the unique key on ${codeList(write.dedupeOn)}, and \`${write.counter.table}.${write.counter.column}\` grows ` +
            'by one atomic upsert (`ON CONFLICT ... DO UPDATE SET n = n + 1`) in the same transaction, never by a value read into the app.',
          'concurrency.duplicate-race',
          'concurrency.counter-no-lost-increments',
        ),
        bug: `The handler reads \`${write.counter.column}\`, adds one in JavaScript and writes it back: concurrent ${rows} lose increments.`,
      };
  }
}

export const concurrency: RubricDefinition = ({ domain }) => {
  const write = domain.contendedWrite;
  const table = contendedTable(domain);
  const rows = words(table.name);
  const path = contendedRoute(domain);
  const { criteria, guard, bug } = race(write, rows);

  return {
    milestone: 'concurrency',
    shows: 'The learner knows which guarantees the database gives under concurrent requests and puts the rule where a second request cannot skip it.',
    evidence: [
      'The concurrency decision record in `docs/adr/`: the chosen strategy, the rejected ones, the isolation level.',
      `The handler for \`POST ${path}\` in \`src/resources/${table.name}/\` and the migration with the backing constraint.`,
      'The learner\'s own race test, and whether it was first seen failing against real PostgreSQL.',
    ],
    levels: {
      strong: [
        guard,
        sign(
          'The whole write runs in one transaction with `trx` passed to every query; the idempotency record is stored in that same transaction.',
          'concurrency.idempotent-retry',
        ),
        sign(
          'Two copies with the same `Idempotency-Key` arriving together are settled by the unique index, not by a lookup first; a reused key with a different body is 422.',
          'concurrency.idempotent-retry',
          'concurrency.idempotency-key-misuse',
        ),
        sign(
          'The decision record names the rejected strategies and when the choice would change, and the learner\'s race test was seen red before the fix (a commit or a note shows it).',
        ),
      ],
      adequate: [
        sign('Every concurrency criterion passes.', ...criteria, 'concurrency.independent-rows', 'concurrency.idempotent-retry', 'concurrency.idempotency-key-misuse'),
        sign('A correct guard without a backing constraint, so a future bug in the handler would store bad data instead of failing.'),
        sign('The decision record states the strategy but not why the other two were rejected.'),
      ],
      weak: [
        sign(`A check-then-write guard. ${bug}`, ...criteria),
        sign('A lock on the whole table or a mutex in process memory: correct on one instance, stalls unrelated writes, useless with two.', 'concurrency.independent-rows'),
        sign('A lost race answered with 500, or hidden by sleeping and retrying inside the request.', ...criteria),
      ],
    },
    reference: {
      approach: [
        `One transaction per \`POST ${path}\`; the guard for "${write.summary}" lives in SQL, with a constraint behind it.`,
        'A reusable idempotency helper: validate the header, insert the key with the row, and on 23505 read the committed row and replay its response.',
        'A race test in the learner\'s suite that fires 20 requests with `Promise.all` against PostgreSQL (PGlite serializes everything and always passes).',
      ],
      mistakes: [
        mistake('Check-then-write', bug, ...criteria),
        mistake(
          'A race test that cannot fail',
          'The learner\'s race test runs on PGlite or sends requests one after another; it passes with the guard removed. Ask them to remove the guard and run it.',
        ),
        mistake(
          'Looking up the idempotency key before inserting it',
          'Ten identical copies arriving together all miss the lookup and all write; the database gains more than one row for one key.',
          'concurrency.idempotent-retry',
        ),
      ],
    },
  };
};

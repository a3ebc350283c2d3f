import { codeList, foreignKeyTarget, primaryTable, route, uniqueTarget, words } from '../milestones/text.js';
import { mistake, type RubricDefinition, sign } from './types.js';

export const testing: RubricDefinition = ({ domain }) => {
  const primary = primaryTable(domain);
  const list = route(primary);
  const uniq = uniqueTarget(domain);
  const fk = foreignKeyTarget(domain);
  const duplicate = uniq ? `a duplicate ${words(uniq.table.singular)} (same ${codeList(uniq.columns)})` : 'a conflicting write';
  const orphan = fk ? `${words(fk.child.singular)} with a missing ${words(fk.parent.singular)}` : 'a write that breaks a constraint';

  return {
    milestone: 'testing',
    shows: 'The learner writes tests that fail for the bugs that reach production, and a suite a team can trust on every run.',
    evidence: [
      'The test files under `test/` and their names, as printed in the check output.',
      'The comment next to `resetDatabase` in `test/support/test-app.ts` that records the isolation decision.',
      'The coverage summary in the `testing` rows of the milestone report.',
    ],
    levels: {
      strong: [
        sign(
          `Each error test asserts status, problem+json Content-Type and what did not happen: after ${duplicate} (409) or ${orphan} (422) the row count is unchanged.`,
          'testing.named-behaviors',
        ),
        sign('Every test builds its own data with the fixtures in `test/support/fixtures.ts`; none reads a seed row or a row another test made.', 'testing.order-independent'),
        sign(
          `Pagination tests sit on the exact boundaries of \`${list}\`: a table with exactly \`limit\` rows, an offset equal to the row count, \`limit=0\`.`,
          'testing.named-behaviors',
        ),
        sign('The learner removed one constraint mapping by hand, watched a named test fail, and put it back; the pull request says so.'),
      ],
      adequate: [
        sign('Every testing criterion passes.', 'testing.suite-passes-on-postgres', 'testing.named-behaviors', 'testing.order-independent', 'testing.coverage'),
        sign('Error tests check the status code only, not the body or the database afterwards.'),
        sign('Coverage clears the floor, but the uncovered lines are in error handling, not in logging.'),
      ],
      weak: [
        sign('Tests pass only in file order, or only on the first run against the same database.', 'testing.order-independent'),
        sign('Coverage was raised with tests that call functions without asserting anything that could fail.', 'testing.coverage'),
        sign('Tests mock knex or the database, so wrong SQL and missing migrations pass.', 'testing.suite-passes-on-postgres'),
      ],
    },
    reference: {
      approach: [
        'A test file per resource and per concern, each test starting from empty tables and building exactly the rows it needs with the fixtures.',
        'Test names that carry the behavior and the tag (`400`, `404`, `409`, `422`, `pagination`), so a red line in CI explains itself.',
        'No new test framework and no mocks of the database; supertest against the app, on PGlite locally and PostgreSQL in CI.',
      ],
      mistakes: [
        mistake(
          'Leaning on seed data',
          `A test expects the seeded ${words(primary.singular)} to exist; it fails on the check's empty database, after \`resetDatabase\`, or in random order.`,
          'testing.suite-passes-on-postgres',
          'testing.order-independent',
        ),
        mistake(
          'Asserting only the status',
          'A 409 test passes even when a half-written row stays behind; look for a count of the table after each failing request.',
        ),
        mistake(
          'Fixed values for unique columns',
          'Fixtures hard-code an email or a code, so a test that needs two rows collides with itself, and the suite breaks the day tests stop truncating between runs.',
        ),
      ],
    },
  };
};

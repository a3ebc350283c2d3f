import type { MilestoneDefinition } from '../model.js';
import {
  codeList,
  foreignKeyTarget,
  itemRoute,
  primaryTable,
  route,
  secondaryTable,
  uniqueKeys,
  uniqueTarget,
  article,
  runScript,
  words,
} from './text.js';

export const testing: MilestoneDefinition = ({ domain, pm }) => {
  const primary = primaryTable(domain);
  const secondary = secondaryTable(domain);
  const uniq = uniqueTarget(domain);
  const fk = foreignKeyTarget(domain);
  const list = route(primary);
  const factoryExample = uniqueKeys(secondary)[0];

  const behaviors: { tag: string; what: string }[] = [
    { tag: '400', what: `a bad uuid in \`${itemRoute(primary)}\` and for a create body that fails validation` },
    { tag: '404', what: `${article(words(primary.singular))} and ${article(words(secondary.singular))} that do not exist` },
    {
      tag: '409',
      what: uniq
        ? `a duplicate ${words(uniq.table.singular)} (same ${codeList(uniq.columns)})`
        : 'a write that conflicts with existing state',
    },
    {
      tag: '422',
      what: fk
        ? `${article(words(fk.child.singular))} whose \`${fk.column.name}\` points at a missing ${words(fk.parent.singular)}`
        : 'a write that breaks a database constraint',
    },
    { tag: 'pagination', what: `the bounds of \`${list}\` (\`limit=0\`, a limit above the maximum, a negative offset, an offset past the last row)` },
  ];
  // The answers the check looks for in the suite's request log, behavior by behavior.
  const checked = [
    `\`400\`: \`GET ${list}/<not a uuid>\` and \`POST ${list}\` answered 400`,
    `\`404\`: \`GET ${list}/<uuid>\` and \`GET ${route(secondary)}/<uuid>\` answered 404`,
    `\`409\`: \`POST ${route(uniq?.table ?? primary)}\` answered 409`,
    `\`422\`: \`POST ${route(fk?.child ?? primary)}\` answered 422`,
    `\`pagination\`: \`GET ${list}\` with \`limit=0\`, with a limit above \`MAX_PAGE_SIZE\` (\`src/http/pagination.ts\`) and with a negative ` +
      '`offset` each answered 400, and with an `offset` above 0 answered 200',
  ];

  return {
    id: 'testing',
    number: 5,
    slug: 'testing',
    title: 'Tests that catch real bugs',
    goal:
      `Build an integration suite that drives the ${domain.name} API over HTTP with supertest against a real PostgreSQL, covers the ` +
      'error paths as carefully as the happy ones, and passes in any order.',
    whyItMatters:
      'Tests are what let a team change a system that people depend on without holding their breath on every deploy. The bugs that reach ' +
      'production are rarely in the happy path; they hide in the duplicate request, the missing parent row, the off-by-one page and the ' +
      'constraint nobody mapped. Tests that go through HTTP into a real database catch the bugs that mocks hide: wrong SQL, a missing ' +
      'migration, an error mapped to the wrong status. Reviewers and interviewers both read a test suite to learn how carefully you think.',
    tasks: [
      `\`resetDatabase\` in \`test/support/test-app.ts\` empties every table, but only where a test file calls it: \`test/${primary.name}.test.ts\` ` +
        'does so in `beforeEach`, a few files call it once, and the rest never do. Go through the test files, and make every file that ' +
        'writes data start from a known state, either by calling it the same way or by giving the file a schema of its own. Write the ' +
        'choice and its cost in a comment next to it. Do not depend on the seed rows.',
      `\`test/support/fixtures.ts\` has one values builder and one insert helper per table, parents first. Use them in every test that ` +
        `needs data, so each test states what it depends on, and add one for every table you create from now on` +
        (factoryExample ? `, keeping unique columns such as ${codeList(factoryExample.map((c) => `${words(secondary.name)}.${c}`))} unique across a run` : '') +
        '.',
      `Write error-path tests through HTTP, with the tag in each test's name: ` +
        behaviors.map((b) => `\`${b.tag}\` for ${b.what}`).join('; ') + '.',
      `For every failing request, assert the Content-Type is application/problem+json and the \`status\` field matches, and assert what did not happen: ` +
        `after a 409 or 422, the row count of the table is unchanged.`,
      'Run the suite with coverage, read the uncovered lines in `src/`, and add tests for the branches that decide behavior. Skip ones that only log.',
      'Run the suite a few times with `--randomize` (jest prints the seed it used). Fix every test that fails only in some orders: one test usually leaves ' +
        'something behind that another relies on, such as a row, a module variable, or a shared app it shut down.',
      'Run the suite with DATABASE_URL pointing at a real PostgreSQL server. Global setup then creates a throwaway database on that server, ' +
        'migrates it and drops it at the end: watch it appear and disappear with `psql -l`, so you know CI and the milestone check run the same suite on real PostgreSQL.',
    ],
    acceptance: [
      {
        id: 'testing.suite-passes-on-postgres',
        statement: 'The suite passes against a real PostgreSQL and really writes through the API.',
        sends:
          `Runs the project's own jest (what \`${runScript(pm, 'test')}\` runs) once in a child process with \`--json --coverage --randomize --seed=<random>\`, ` +
          'DATABASE_URL set to the PostgreSQL server the check itself runs on (the embedded one when there is none) and LOG_LEVEL=info, ' +
          'and reads the request log lines the app writes to stdout. Test files with a failing test then run again alone, in file order.',
        expects:
          'At least 20 tests in the JSON report, and no test that fails when its file runs in the order it was written. The request log ' +
          `shows at least one 201 answer to \`POST ${list}\`.`,
      },
      {
        id: 'testing.named-behaviors',
        statement: 'Each important error path has a passing test that names it and sends the request it is about.',
        sends: 'Reads the JSON report and the request log of that run. A test\'s full name is its describe blocks plus its title.',
        expects:
          `For each of ${codeList(behaviors.map((b) => b.tag))}, at least one passing test whose full name contains that text, and the ` +
          `request log shows the answers that behavior is about: ${checked.join('; ')}.`,
      },
      {
        id: 'testing.order-independent',
        statement: 'Tests do not depend on each other or on leftover data.',
        sends:
          'Reads the JSON report of that run, in which the tests of each file ran in a shuffled order. A failure names the seed; ' +
          `\`${runScript(pm, 'test', '--randomize --seed=<seed>')}\` replays that order.`,
        expects: 'No failed test in the shuffled run; the report lists apart the tests that failed only in that order.',
      },
      {
        id: 'testing.coverage',
        statement: 'The suite exercises most of the application code, including its branches.',
        sends:
          'Reads the `json-summary` coverage of that run, which counts every file under `src/` except `src/db/migrations` and ' +
          '`src/db/seeds`, whether a test loaded it or not.',
        expects: 'Line coverage of at least 80 percent and branch coverage of at least 70 percent over those files.',
      },
    ],
    stretch: [
      'Add a test that runs the migrations up, all the way down and up again, so a broken `down` fails the build before anyone needs it.',
      `\`test/api.property.test.ts\` already sends random queries, ids and bodies to every operation and rejects any 5xx. Add a fast-check ` +
        `property of your own for a business rule instead: for example, two consecutive pages of \`${list}\` never share a row, whatever ` +
        '`limit` and `offset` are.',
      'Try mutation testing with Stryker on the error handler and the list endpoint, and fix one test that let a mutant survive.',
      `Every response a test gets through \`ctx.api\` is already checked against \`/openapi.json\` (see \`test/support/contract.ts\`). ` +
        `Bring \`${route(secondary)}\` under the same contract: register its paths with the OpenAPI registry as \`src/resources/${primary.name}/${primary.name}.openapi.ts\` ` +
        'does, send its tests through `ctx.api`, then rename a response field in the handler only and watch the contract check fail.',
    ],
    review: {
      correctness: [
        'Each error test asserts status, Content-Type and the unchanged database state, not just the status code.',
        'No test passes because of data created by another test or by the seeds.',
        'The suite fails when a constraint mapping is removed: try it once by hand and confirm.',
      ],
      edgeCases: [
        'Pagination at exact boundaries: a table with exactly `limit` rows, and an offset equal to the row count.',
        'Requests with a wrong Content-Type or a body that is not JSON at all.',
        'Unicode and maximum-length values in text columns, and one character over the maximum.',
      ],
      maintainability: [
        'Test names describe behavior ("returns 409 for a duplicate ..."), so a failing name explains itself in CI output.',
        'Factories hide the columns a test does not care about, so adding a required column means changing one factory, not forty tests.',
        'The suite runs in under a minute; slow tests are found and fixed, not tolerated.',
      ],
    },
    talkingPoints: [
      'I test through HTTP against a real PostgreSQL rather than mocking the database. It is slower than unit tests with mocks, but it catches the bugs I actually ship: wrong SQL, missing migrations and errors mapped to the wrong status.',
      'I reset state by truncating tables between tests. Wrapping each test in a rolled-back transaction would be faster, but the app uses its own connection pool, so it would not see the test\'s transaction without extra plumbing.',
      'Coverage is a floor, not a goal. I use it to find untested branches in error handling, then decide which ones matter; chasing 100 percent leads to tests that only restate the code.',
      'Every error test also checks what did not happen, such as the row count staying the same after a 409. A correct status with a half-written row is still a bug.',
    ],
    estimateHours: 8,
    dependsOn: ['schema-design'],
  };
};

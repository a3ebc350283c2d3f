import type { MilestoneDefinition } from '../model.js';
import { codeList, itemRoute, primaryTable, route, runScript, withQuery, words } from './text.js';

export const orientation: MilestoneDefinition = ({ domain, pm }) => {
  const primary = primaryTable(domain);
  const list = route(primary);
  const item = itemRoute(primary);

  return {
    id: 'orientation',
    number: 1,
    slug: 'orientation',
    title: 'Find your way around',
    goal:
      `Run the ${domain.name} service on your machine, trace one request through the code from route to database and back, ` +
      `run the test suite, and follow a single request through the logs by its request id.`,
    whyItMatters:
      'Most backend work happens inside code that somebody else wrote and that is already serving traffic. ' +
      'Before you change anything you need a mental map: where a request enters, where it touches the database, ' +
      'where errors are turned into responses and where the logs go. When something breaks at 2 a.m., the request id ' +
      'in a log line is usually the first thread you pull, so learn to pull it now while nothing is on fire.',
    tasks: [
      `Install dependencies and, with no DATABASE_URL set, run \`${runScript(pm, 'seed')}\` while the server is stopped: ` +
        'the embedded PGlite database in `.data/` belongs to one process at a time, so rows seeded while the server runs stay invisible ' +
        `to it until it restarts. Then start the app with \`${runScript(pm, 'dev')}\` and call \`GET /healthz\`, \`GET /readyz\` and \`GET ${list}\` with curl, and read ` +
        'every response header, not just the body.',
      `Before you open \`docs/architecture.md\`, write a short CODE_MAP.md in the repository root: for \`GET ${item}\`, list each file the ` +
        `request passes through (app setup, middleware, \`src/resources/${primary.name}/\`, the knex query, the error handler) and one ` +
        'sentence on what each does. Then compare it with the map in `docs/architecture.md`; where they disagree, find out from the code which one is wrong and fix it.',
      `Open the migrations in \`src/db/migrations\` and sketch the tables (${codeList(domain.tables.map((t) => t.name))}) ` +
        `with their foreign keys. Note which columns have CHECK or UNIQUE constraints.`,
      `Run the test suite. Then break something on purpose, for example change the status code the create handler ` +
        `for ${words(primary.name)} returns, watch which test fails and how the failure reads, and revert.`,
      `Send \`GET ${withQuery(list, 'limit=2')}\` with the header \`x-request-id: orientation-1\`. Find that request's "request completed" ` +
        'log line, write down every field on it, and find the line of code that adds each one (the request id does not come from the access log middleware).',
      `Provoke three errors: \`GET ${route(primary)}/not-a-uuid\`, \`GET ${route(primary)}/<random uuid>\`, and \`POST ${list}\` ` +
        `with an empty JSON body. For each, read the application/problem+json body and the log line, and note the log level.`,
      `Start a real PostgreSQL with Docker, set DATABASE_URL, run the migrations and seeds, and confirm \`GET /readyz\` still answers 200. ` +
        `Stop the database container and call \`/healthz\` and \`/readyz\` again. Write down what each returns and why they differ.`,
    ],
    acceptance: [
      {
        id: 'orientation.healthz',
        statement: 'The process answers a liveness probe without touching the database.',
        sends: '`GET /healthz` with no headers beyond Accept: application/json.',
        expects: 'Status 200, a Content-Type starting with application/json, and a body that parses as a JSON object.',
      },
      {
        id: 'orientation.readyz',
        statement: 'The readiness probe reports ready when the database is reachable.',
        sends: '`GET /readyz` while the app is connected to the check\'s PostgreSQL database (DATABASE_URL set, migrations applied).',
        expects: 'Status 200 and a body that parses as a JSON object.',
      },
      {
        id: 'orientation.list-returns-page',
        statement: `The scaffolded list endpoint for ${words(primary.name)} returns a bounded page of rows from the database.`,
        sends: `\`GET ${withQuery(list, 'limit=2&offset=0')}\` after the scaffold's seeds have run.`,
        expects:
          'Status 200, application/json, and a page holding an array of at most 2 items; every item has an `id` that is a uuid ' +
          'and `created_at` and `updated_at` strings in ISO 8601 format.',
      },
      {
        id: 'orientation.request-id',
        statement: 'Every response carries the request id the logs use, so a client report can be matched to a log line.',
        sends: '`GET /healthz` with the header `x-request-id` set to a fresh value chosen by the check, then `GET /healthz` without that header.',
        expects:
          'The first response has an `x-request-id` header equal to the value sent. The second has a non-empty `x-request-id` header ' +
          'that the app generated, different from the first.',
      },
      {
        id: 'orientation.tests-pass',
        statement: 'The test suite passes as scaffolded.',
        sends:
          'Runs the project\'s jest suite with its own config and global setup, once per `milestone` command (the testing and ci-cd ' +
          'checks judge the same run): in a shuffled order, with coverage, on the check\'s PostgreSQL server. Test files with a failure ' +
          'then run again alone, in the order they were written.',
        expects: 'At least one test ran, and no test fails in the order it was written. A test that fails only when shuffled is the testing milestone\'s business.',
      },
    ],
    stretch: [
      'Add `LOG_LEVEL=debug` and find the log lines knex or the app emits for one request. Decide which of them you would want in production and which you would not.',
      `Time \`GET ${list}\` with and without the seeds loaded, on PGlite and on PostgreSQL. Write down the numbers; you will compare them in the indexes milestone.`,
      'Read the error-handling middleware and list every error class it maps to a status code. Find one thrown error that would fall through to 500.',
    ],
    review: {
      correctness: [
        'CODE_MAP.md matches the code: every file it names exists and the order is the real order a request follows.',
        'The explanation of /healthz versus /readyz is right: liveness says the process can answer, readiness says it can do useful work.',
      ],
      edgeCases: [
        'What a client sees when the database is down: status, body, and whether the error log includes the request id.',
        'What happens to a request id sent by a client that is very long or contains newlines: is it trusted, truncated or replaced?',
      ],
      maintainability: [
        'The code map is short enough that someone will keep it up to date; it links to folders rather than copying code.',
        'Notes on what you found confusing are written down; they are your first list of refactoring candidates.',
      ],
    },
    talkingPoints: [
      'Liveness and readiness are separate on purpose: if /healthz checked the database, a short database outage would make the orchestrator (whatever restarts containers: Docker, Kubernetes or the hosting platform) restart every healthy instance, which turns a blip into an outage. The cost is two endpoints to keep honest.',
      'The app runs on embedded PGlite for a zero-setup start and on real PostgreSQL when DATABASE_URL is set. That trades some fidelity for speed, so CI always runs against real PostgreSQL, and the milestone checks do too when DATABASE_URL is set; without it they use the embedded database, except for the concurrency check and the slow-database test of failure modes, which need a real server.',
      'Every log line carries a request id that is also returned in a response header, so a support ticket with one header value leads straight to the log lines for that request. It costs a few bytes per line and a rule about never logging secrets.',
      'Errors follow RFC 9457 problem details, so clients branch on a stable `type` and `status` instead of parsing message text.',
    ],
    estimateHours: 4,
    dependsOn: [],
  };
};

import { codeList, itemRoute, primaryTable, route } from '../milestones/text.js';
import { mistake, type RubricDefinition, sign } from './types.js';

export const orientation: RubricDefinition = ({ domain }) => {
  const primary = primaryTable(domain);
  const item = itemRoute(primary);

  return {
    milestone: 'orientation',
    shows: 'The learner can find their way through code they did not write and follow one request from the socket to the database and back.',
    evidence: [
      '`CODE_MAP.md` in the repository root, next to `docs/architecture.md`.',
      'The learner\'s notes on `/healthz` and `/readyz` with the database stopped, and on the three provoked errors.',
      'The `orientation` rows of the milestone report.',
    ],
    levels: {
      strong: [
        sign(
          `\`CODE_MAP.md\` follows \`GET ${item}\` through every file in the order the code runs (request id, access log, router, ` +
            `\`src/resources/${primary.name}/\`, the knex query, the error handler), and records at least one place where ` +
            '`docs/architecture.md` and the code disagreed and which one was right.',
        ),
        sign(
          'The notes give the status `/healthz` and `/readyz` returned with the database container stopped, and explain the difference ' +
            'in terms of what an orchestrator does with each answer.',
          'orientation.healthz',
          'orientation.readyz',
        ),
        sign(
          'For the request sent with `x-request-id: orientation-1`, the learner lists every field of its completion log line and names ' +
            'the file that sets the request id, which is not the access log middleware.',
          'orientation.request-id',
        ),
        sign('Every orientation criterion passes and the working tree holds no leftover of the deliberately broken test.', 'orientation.tests-pass'),
      ],
      adequate: [
        sign('Every orientation criterion passes.', 'orientation.healthz', 'orientation.readyz', 'orientation.list-returns-page', 'orientation.request-id', 'orientation.tests-pass'),
        sign('`CODE_MAP.md` names the right files, but skips the middleware or the error handler, or lists them out of order.'),
        sign(`The schema sketch has the tables (${codeList(domain.tables.map((t) => t.name))}) but not which columns carry CHECK or UNIQUE rules.`),
      ],
      weak: [
        sign('`CODE_MAP.md` repeats `docs/architecture.md` in other words, including its mistakes, or names files that do not exist.'),
        sign('The learner cannot say which status `/readyz` gives when the database is down, or believes `/healthz` should check the database.'),
        sign('`orientation.tests-pass` is red because the status code changed on purpose in the break-something task was never reverted.', 'orientation.tests-pass'),
      ],
    },
    reference: {
      approach: [
        'No application code changes. The pull request adds `CODE_MAP.md` and short notes; at most it fixes a wrong line in `docs/architecture.md`.',
        `The code map is a numbered list of about six files for \`GET ${item}\`, each with one sentence, linking folders rather than pasting code.`,
        `The notes on the provoked errors show \`GET ${route(primary)}/not-a-uuid\` as 400, a random uuid as 404 and an empty create body as 400, all problem+json and all logged below error level.`,
      ],
      mistakes: [
        mistake(
          'Leaving the deliberate break in place',
          'The create handler still returns the wrong status after the break-something task; the test script fails.',
          'orientation.tests-pass',
        ),
        mistake(
          'Making liveness depend on the database',
          '`/healthz` now runs a query "to be thorough". The check still sees 200 while the database is up, so only review finds it; ask what happens to every instance during a short database outage.',
        ),
        mistake(
          'A code map written from the docs instead of the code',
          'The map matches `docs/architecture.md` word for word and misses whatever the docs got wrong; ask the learner to open each file it names.',
        ),
      ],
    },
  };
};

import { dependencyEnvPrefix, primaryTable, route, words } from '../milestones/text.js';
import { mistake, type RubricDefinition, sign } from './types.js';

export const deploy: RubricDefinition = ({ domain }) => {
  const primary = primaryTable(domain);
  const list = route(primary);
  const dependencyUrl = `${dependencyEnvPrefix(domain)}_URL`;

  return {
    milestone: 'deploy',
    shows: 'The learner has run a real service: deployed it, broken it, rolled it back and written down how, which is the plainest sign of readiness a hiring manager can check.',
    evidence: [
      'The deployed URL, and the output of `milestone check deploy --url <it>` run by you, not pasted by the learner.',
      '`docs/operations.md`: Secrets, Release, Rollback, Logs, Smoke check.',
      'The "Case study" section of `README.md` and every file it links to.',
    ],
    levels: {
      strong: [
        sign(
          `The smoke check passes when you run it yourself: HTTPS, \`/readyz\` 200, and a ${words(primary.singular)} created, read and deleted on \`${list}\`.`,
          'deploy.smoke-health',
          'deploy.smoke-round-trip',
        ),
        sign(
          'The rollback was rehearsed: the runbook holds the exact command and how long each step took, from a release broken on purpose.',
          'deploy.operations',
        ),
        sign(
          'The case study\'s numbers say how each was measured (tool, load, where from), and "What broke" links a postmortem or decision record that exists.',
          'deploy.case-study',
        ),
        sign(`Secrets lists \`DATABASE_URL\` and \`${dependencyUrl}\` with where each lives and how to rotate it, and no value anywhere.`, 'deploy.operations'),
      ],
      adequate: [
        sign('Every deploy criterion passes.', 'deploy.smoke-health', 'deploy.smoke-round-trip', 'deploy.security-headers', 'deploy.operations', 'deploy.case-study'),
        sign('The runbook names the commands but the rollback was never actually tried.'),
        sign('The case study has the word counts but reads as a tool list; the trade-offs do not say what was given up.'),
      ],
      weak: [
        sign('The service answers over plain HTTP, or `/readyz` fails because the database is not reachable from the platform.', 'deploy.smoke-health'),
        sign('Migrations run in the app\'s start command, or a `.env` with real values is tracked by git.', 'deploy.operations'),
        sign('Error bodies carry stack traces or SQL, or `x-powered-by` is still sent.', 'deploy.security-headers'),
      ],
    },
    reference: {
      approach: [
        'The target the scaffold generated, with PostgreSQL where `docs/deploy.md` puts it (over TLS whenever it is on another network) and every secret in the platform\'s store or the compose host\'s `.env`.',
        'Migrations as a release step that finishes before new code takes traffic; each migration compatible with the release before it.',
        'A short runbook with commands to copy, and a README case study with measured numbers and links to the learner\'s own postmortem and decisions.',
      ],
      mistakes: [
        mistake('Migrating on boot', 'The start command runs `migrate:latest`; with two instances they race, and a failed migration crash-loops the service.', 'deploy.operations'),
        mistake('Secrets in the repository', 'A committed `.env.production` or a connection string with a real password in a deploy file.', 'deploy.operations'),
        mistake(
          'Numbers without a method',
          'The case study quotes "p99 40 ms" with no tool, load or location; ask how to reproduce it. The check counts units, not honesty.',
        ),
      ],
    },
  };
};

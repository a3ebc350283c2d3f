import { contendedTable, dependencyEnvPrefix, dependencyKebab, dependencyRoute, words } from '../milestones/text.js';
import { mistake, type RubricDefinition, sign } from './types.js';

export const failureModes: RubricDefinition = ({ domain }) => {
  const dep = domain.dependency;
  const clientFile = `src/clients/${dependencyKebab(domain)}.ts`;
  const prefix = dependencyEnvPrefix(domain);
  const row = words(contendedTable(domain).singular);
  const route = dependencyRoute(domain);

  return {
    milestone: 'failure-modes',
    shows: 'The learner designs for the day a dependency or the database is slow: bounded waits, retries that do not multiply load, and an honest answer to the user.',
    evidence: [
      `\`${clientFile}\`: timeouts, the retry loop, the breaker.`,
      'The time-budget decision record in `docs/adr/`: the budget worked out as arithmetic.',
      `The tests against a fake ${dep.name} started inside the test, and the \`failure-modes\` rows of the milestone report with their timings.`,
    ],
    levels: {
      strong: [
        sign(
          `The decision record adds up the budget: \`${prefix}_TIMEOUT_MS\` per attempt, at most 3 attempts, the worst-case backoff, and shows the total stays under 2,500 ms.`,
          'failure-modes.dependency-timeout',
          'failure-modes.bounded-retries',
        ),
        sign(
          `Every attempt carries the same \`Idempotency-Key\` derived from the ${row}'s id, and a timeout leaves the ${row} in an unknown state, not failed and not done.`,
          'failure-modes.bounded-retries',
        ),
        sign('The clock and the random source are injected, so the tests prove the backoff schedule and the breaker cooldown without sleeping.'),
        sign(
          '`DB_STATEMENT_TIMEOUT_MS` and the pool acquire timeout sit below the request budget, and both map to 503 with `Retry-After`.',
          'failure-modes.slow-database',
        ),
      ],
      adequate: [
        sign('Every failure-modes criterion passes.', 'failure-modes.dependency-timeout', 'failure-modes.bounded-retries', 'failure-modes.circuit-breaker', 'failure-modes.slow-database'),
        sign('Timeouts and retries are right, but the numbers are scattered constants instead of validated config.'),
        sign('Tests cover success and a hang, but not a 400 that must not be retried, or the breaker closing again.'),
      ],
      weak: [
        sign('Retries on every error, including 400, or without jitter, so every instance retries in lockstep.', 'failure-modes.bounded-retries'),
        sign(`The ${dep.name} call has no timeout of its own and relies on fetch's default; the request hangs until the client gives up.`, 'failure-modes.dependency-timeout'),
        sign(`\`/readyz\` calls the ${dep.name}, so one outside outage takes every instance out of the load balancer.`, 'failure-modes.circuit-breaker'),
      ],
    },
    reference: {
      approach: [
        `One client module, \`${clientFile}\`, that every caller goes through: per-attempt \`AbortSignal.timeout\`, an overall deadline, at most 3 attempts with full-jitter backoff.`,
        `\`POST ${route}\` records the outcome on the row and follows the rule: ${dep.degradation}.`,
        'A small breaker (5 failures to open, one trial call after the cooldown) with each state change logged at warn, plus statement and acquire timeouts on the database.',
      ],
      mistakes: [
        mistake(
          'Unbounded retries',
          'A `while` loop or a retry count with no deadline check; under a full outage each request makes many calls and answers late.',
          'failure-modes.dependency-timeout',
          'failure-modes.bounded-retries',
        ),
        mistake(
          'A new idempotency key per attempt',
          `The key is a fresh uuid inside the retry loop, so a retry after a timeout can make the ${dep.name} act twice.`,
          'failure-modes.bounded-retries',
        ),
        mistake(
          'Swallowing the failure as success',
          `A caught error becomes 200 and the ${row} is marked done; the user is told it worked when it did not.`,
          'failure-modes.dependency-timeout',
        ),
      ],
    },
  };
};

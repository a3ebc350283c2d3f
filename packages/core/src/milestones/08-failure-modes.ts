import type { MilestoneDefinition } from '../model.js';
import { article, capitalize, contendedTable, dependencyEnvPrefix, dependencyKebab, dependencyRoute, itemRoute, primaryTable, runScript, words } from './text.js';

export const failureModes: MilestoneDefinition = ({ domain, pm }) => {
  const dep = domain.dependency;
  const prefix = dependencyEnvPrefix(domain);
  const urlVar = `${prefix}_URL`;
  const timeoutVar = `${prefix}_TIMEOUT_MS`;
  const cooldownVar = `${prefix}_BREAKER_COOLDOWN_MS`;
  const clientFile = `src/clients/${dependencyKebab(domain)}.ts`;
  const row = contendedTable(domain);
  const depPath = dependencyRoute(domain);
  const depPathFor = (what: string) => depPath.replace(':id', `<${what}>`);
  const primary = primaryTable(domain);
  const primaryItem = itemRoute(primary).replace(':id', `<${primary.singular} id>`);
  const { outcome } = dep;
  const column = `\`${outcome.column}\``;
  const recorded = outcome.done === undefined ? `sets ${column} to the current time` : `sets ${column} to \`${outcome.done}\``;
  const notClaimed = outcome.done === undefined ? `${column} is still empty` : `${column} is not \`${outcome.done}\``;
  const degraded = 'the degraded answer (202, or 503 application/problem+json, with a `Retry-After` header either way)';

  return {
    id: 'failure-modes',
    number: 8,
    slug: 'failure-modes',
    title: 'When things fail',
    goal:
      `Keep the service answering, quickly and honestly, when the ${dep.name} or the database misbehaves. The app calls the ${dep.name} ` +
      `(which ${dep.purpose}) with timeouts, a few retries with backoff and jitter, and a circuit breaker, all inside a time budget. ` +
      `The rule when it fails: ${dep.degradation}.`,
    whyItMatters:
      'Everything you call will eventually be slow, and slow is worse than down: a dependency that never answers holds your connections, ' +
      'your memory and your users until something gives. Default timeouts in HTTP clients and connection pools are measured in minutes, so ' +
      'without deliberate limits one sick service drags every healthy one with it. Much of a backend engineer\'s on-call life is spent on ' +
      'exactly this, and the difference between a blip and an outage is usually decided by code written months earlier: a timeout, a retry ' +
      'that does not multiply load, and a clear decision about what to tell the user when the answer is not available.',
    tasks: [
      `Write \`${clientFile}\`, the only module that talks to the ${dep.name}. Read \`${urlVar}\` and \`${timeoutVar}\` (default 1000) through ` +
        'the zod config. Give every attempt its own timeout with `AbortSignal.timeout`, and accept an overall deadline from the caller: ' +
        'Node\'s fetch waits up to 300 seconds for response headers by default, which is no limit at all.',
      `Add \`POST ${depPath}\` (no request body): it loads the ${words(row.singular)}, calls the ${dep.name} (which ${dep.purpose}), and ` +
        `records the outcome on the row: a success ${recorded}. Send an \`Idempotency-Key\` header to the ${dep.name} derived from ` +
        `the ${words(row.singular)}'s id, so every attempt and ` +
        'every later request for the same row carries the same key and the side effect happens at most once.',
      'Retry only what can succeed on a second try: connection errors, timeouts, 429, 502, 503 and 504. Never retry other 4xx. Make at most ' +
        '3 attempts, wait with exponential backoff and full jitter (base 100 ms, cap 1 s: the ceiling doubles each time, and the wait is a random time between 0 and that ceiling) between them, honor a `Retry-After` that fits, and ' +
        'stop as soon as the next wait would cross the deadline (2,500 ms for the whole request). Inject the clock and the random source so ' +
        'tests can prove the schedule without sleeping.',
      `Add a circuit breaker around the client: it opens after 5 consecutive failed requests, answers immediately while open, and after ` +
        `\`${cooldownVar}\` (default 30000) lets one trial call through; success closes it, failure opens it again. Write it yourself or use ` +
        'a library you can explain; log every state change at warn level. Create it inside `createApp`, one per app, so every test ' +
        'and every check starts with a closed breaker.',
      `Implement the degradation rule: ${dep.degradation}. The answer is 202 with a \`Retry-After\` header, or 503 ` +
        'application/problem+json with one if the request cannot be kept; never 500, 502 or 504 for an outage. ' +
        `When a call timed out, you do not know whether the ${dep.name} acted, so treat ` +
        `the outcome as unknown, not failed. It is settled when the request for that row comes again: the client repeats \`POST ${depPath}\`, and the same key makes that repeat safe (the outbox stretch goal moves the retry into the server). \`GET /readyz\` must not depend on the ` +
        `${dep.name}: if it did, one outside outage would pull every instance out of the load balancer at once.`,
      'Bound the database too. Add `DB_STATEMENT_TIMEOUT_MS` (default 5000) to the config and apply it to each pooled connection in ' +
        '`createDatabase` (the checks build your app on it), and set ' +
        'knex\'s `acquireConnectionTimeout` (60 seconds by default) below the request budget. Map SQLSTATE 57014 and knex\'s acquire timeout ' +
        'to 503 problem+json with `Retry-After`, and make sure a failed query always returns its connection to the pool.',
      `Test every path in \`test/\` against a small fake HTTP server you start in the test: success, hang, refused connection, 503 then 200, ` +
        `400, and the breaker opening and recovering. Then record the budget in a decision record (\`${runScript(pm, 'gen', 'adr "Time budget for outbound calls"')}\` ` +
        'writes the next numbered one in `docs/adr/`) and work out its arithmetic there: per-attempt ' +
        'timeout, attempts, worst-case backoff, and how it adds up to less than what your callers wait for.',
    ],
    acceptance: [
      {
        id: 'failure-modes.dependency-timeout',
        statement: `${capitalize(article(dep.name))} that hangs or refuses connections gets a fast, honest answer, not a stuck request.`,
        sends:
          `Starts the app with \`${urlVar}\` pointing at the check's local stub and \`${timeoutVar}=300\`, inserts ` +
          `${article(words(row.singular))} directly, ` +
          `and sends \`POST ${depPathFor(`${row.singular} id`)}\` twice: once while the stub accepts connections and never answers, and once ` +
          'with the stub stopped so the connection is refused.',
        expects:
          `Both answers arrive within 3,000 ms, measured by the check, and follow the rule "${dep.degradation}": ${degraded}. ` +
          'Never 500, 502 or 504 and never a dropped connection. The stub saw at most 3 attempts, and the row does not claim the call ' +
          `succeeded: ${notClaimed}.`,
      },
      {
        id: 'failure-modes.bounded-retries',
        statement: 'Transient errors are retried a few times with jittered backoff and the same idempotency key; permanent errors are not.',
        sends:
          `On fresh rows of \`${row.name}\`: (1) the stub answers 503, 503, then 200 with \`{"id": "<random>"}\` for each row, on 10 rows one ` +
          'after another; (2) the stub answers 503 to everything; (3) the stub answers 400 with a JSON error body. Each time the check sends ' +
          `\`POST ${depPathFor(`${row.singular} id`)}\` and records every call the stub receives. Finally the stub answers 200 again and the ` +
          'check repeats the request for the row from (2).',
        expects:
          `(1) Each request gets a 2xx after exactly 3 stub calls, and the call ${recorded}; the waits before the first retry spread over ` +
          'at least 20 ms across the 10 rows (jittered, not fixed), and no wait between two calls exceeds 1,000 ms. ' +
          `(2) ${capitalize(degraded)} within 3,000 ms, after at most 3 stub calls. (3) The stub saw exactly 1 call, the answer is ` +
          `application/problem+json with a 4xx or 502 status, and ${notClaimed}. The repeated request succeeds. All calls for one ` +
          `${words(row.singular)}, including those of the repeated request, carried the same \`Idempotency-Key\` header, and different rows ` +
          'carried different keys.',
      },
      {
        id: 'failure-modes.circuit-breaker',
        statement: `After repeated failures the app stops calling the ${dep.name}, answers fast, and recovers on its own.`,
        sends:
          `Starts the app with \`${cooldownVar}=2000\`. The stub answers 500 to everything. Sends 10 \`POST ${depPathFor(`${row.singular} id`)}\` ` +
          'requests one after another, each for a fresh row, and `GET /readyz` after each. Then the stub answers 200 again, the check waits ' +
          '2,500 ms, and sends 2 more for fresh rows.',
        expects:
          `Requests 1 to 5 each reach the stub; requests 6 to 10 make no stub call and get ${degraded} in under 1,000 ms. After the wait, ` +
          'the first request makes exactly one stub call and succeeds with a 2xx, and so does the second. `GET /readyz` is 200 every time.',
      },
      {
        id: 'failure-modes.slow-database',
        statement: 'A blocked database produces quick 503s instead of piled-up requests, and the app recovers cleanly once it clears.',
        sends:
          'Needs a real PostgreSQL server in `DATABASE_URL` (in PGlite every connection shares one session, so one connection cannot block ' +
          "another). Starts the app with `DB_STATEMENT_TIMEOUT_MS=500` on the project's own `createDatabase` and inserts " +
          `${article(words(primary.singular))}. From its own connection, the check takes \`LOCK TABLE ${primary.name} IN ACCESS ` +
          `EXCLUSIVE MODE\` and holds it while it sends 20 concurrent \`GET ${primaryItem}\` and one \`GET /healthz\`. After the lock ` +
          `is released, sends 30 sequential \`GET ${primaryItem}\`.`,
        expects:
          'All 20 answer within 5,000 ms, each 503 application/problem+json with a `Retry-After` header; none is 500 and none hangs. ' +
          '`GET /healthz` is 200 within 2,000 ms while the table is locked. After the release all 30 requests are 200, which shows no ' +
          'connection was leaked or left inside an aborted transaction.',
      },
    ],
    stretch: [
      `Move the ${dep.name} call out of the request: write an outbox row in the same transaction as the ${words(row.singular)}, and let a worker ` +
        'deliver it with retries. Compare what the user sees, and what can go wrong, with the synchronous version.',
      'Add a bulkhead: cap concurrent calls to the dependency (for example at 10) and reject the excess immediately, so a slow dependency ' +
        'cannot use every socket and every pooled connection in the process.',
      'Propagate the remaining deadline to the dependency in a header, and stop work early when the caller has already given up (the ' +
        'request\'s close event).',
      'Run the service under autocannon (an HTTP load generator: `npx autocannon -c 20 -d 10 <url>`) while the stub adds 2 seconds of latency, with and without the breaker, and record throughput, ' +
        '99th percentile latency and error rate side by side.',
    ],
    review: {
      correctness: [
        'Every outbound call and every query has a timeout, and the sum of attempts plus backoff fits inside the request budget.',
        'Only idempotent or key-protected calls are retried, and the key is stable for the row, not generated per attempt.',
        'A timeout is treated as an unknown outcome: the row is never marked as done, and never as definitely failed, without evidence.',
      ],
      edgeCases: [
        'The dependency answers 200 with a body that does not match the expected shape (validate it with zod and treat it as a failure).',
        `The breaker is half-open and two requests arrive together: exactly one trial call goes out.`,
        'The deadline is nearly spent when a retry is due: the code answers instead of starting an attempt it cannot finish.',
        'A query is canceled by the statement timeout inside a transaction: the transaction is rolled back and the connection is reusable.',
      ],
      maintainability: [
        'Timeouts, attempts and cooldown are config values with defaults, validated at start-up, not numbers scattered through the code.',
        `One client module owns the ${dep.name}; handlers never call fetch directly.`,
        'Breaker state changes and retries are logged with the request id, so an incident timeline can be rebuilt from logs alone.',
      ],
    },
    talkingPoints: [
      'I start from a time budget rather than a timeout. If callers give up after 3 seconds, three attempts of 1 second plus backoff do not fit, so the retry loop checks the remaining deadline before every attempt.',
      'Retries help with blips and hurt in outages: every layer that retries three times multiplies load on a service that is already struggling. That is why attempts are capped, jittered so clients do not retry in lockstep, and cut off entirely by the breaker.',
      `I chose to ${dep.degradation}. The alternative, failing the request outright, is simpler and more honest in the moment, but it throws away the part that already worked and makes the client start over. With the 202 and a \`Retry-After\`, the client repeats only the call that failed, and the idempotency key makes the repeat harmless.`,
      'A timeout does not mean the call failed; the other side may have acted. Sending an idempotency key derived from the row means I can retry or reconcile later without doing the side effect twice.',
      'The breaker lives in each process, so with several instances each one learns separately that the dependency is down. That costs a few extra failed calls per instance; a shared breaker would add a network hop and a new thing that can fail.',
    ],
    estimateHours: 14,
    dependsOn: ['schema-design', 'testing'],
  };
};

import type { MilestoneDefinition } from '../model.js';
import { article, itemRoute, primaryTable, route, runScript, words } from './text.js';

export const observability: MilestoneDefinition = ({ domain, pm }) => {
  const primary = primaryTable(domain);
  const list = route(primary);
  const item = itemRoute(primary);
  const hot = domain.hotList;
  const incident = (args: string) => `\`${runScript(pm, 'incident', args)}\``;

  return {
    id: 'observability',
    number: 9,
    slug: 'observability',
    title: 'Seeing inside a running service',
    goal:
      'Make the running service explain itself: a request id on every log line, Prometheus metrics for request counts and latency by ' +
      'route and status at `GET /metrics`, a warning for every slow query, and the habit of working an incident from evidence to a ' +
      'written postmortem in `docs/incidents/`.',
    whyItMatters:
      'You cannot attach a debugger to production, and the users who hit a bug rarely tell you. When someone reports that "it was slow ' +
      'around three", what you logged and measured last week decides whether the answer takes ten minutes or two days. Backend engineers ' +
      'spend a real share of their time on exactly this kind of investigation, and the ones who are good at it work like scientists: ' +
      'look at the numbers, pick one failing request, guess a cause, prove or disprove it, and only then change code. Writing it down ' +
      'afterwards is how a team stops paying for the same outage twice.',
    tasks: [
      'Read `src/request-context.ts`, `src/http/request-id.ts`, `src/http/access-log.ts` and `src/logger.ts` until you can explain how a log ' +
        'call deep inside a query helper knows its request id, which incoming `X-Request-Id` values are trusted, and why a 4xx completes at ' +
        'warn and a 5xx at error. The completion line records the raw `path`, query string included, which is useless for grouping: add a ' +
        `\`route\` field holding the Express route template (\`${item}\`), with one fixed value for requests that matched no route. The metrics below need the same value.`,
      `Add \`GET /metrics\` (prom-client is the usual library; the text format is simple enough to write yourself): a counter \`http_requests_total\` and a histogram \`http_request_duration_seconds\`, both labeled ` +
        `\`method\`, \`route\` and \`status_code\`. The route label is the Express route template (\`${item}\`), never the raw URL, and every ` +
        'request that matched no route shares one fixed value; otherwise anyone can create unlimited time series by requesting random paths. ' +
        'Pick bucket boundaries around your latency budget, not the library defaults.',
      'Log slow queries. Time each query with knex\'s `query`, `query-response` and `query-error` events (match them by `__knexQueryUid`), and ' +
        'when one takes longer than `SLOW_QUERY_MS` (a new config value, default 200) log a warn line with `msg` "slow query", `durationMs` and ' +
        '`sql`. Log the SQL with its placeholders and never the bound values, which hold user data.',
      `Put the pieces together on the hot list: run \`${hot.route}\` with the index from the indexes milestone dropped, and find the ` +
        'problem from `/metrics` and the slow-query lines alone before you look at the code. Restore the index.',
      `Run a drill. ${incident('list')} shows them by symptom; ${incident('start <id>')} injects one fault into your project, sends ` +
        'it traffic for a few seconds and prints only what on-call would get. Work it in order: read the report, take one failing ' +
        'request and follow its request id through `.incident/app.log`, write your hypothesis down before changing anything, confirm it ' +
        `with one measurement, then fix it. Add a regression test whose \`describe\` title names the drill, and run ${incident('check')} ` +
        `(${incident('hint')} when stuck, ${incident('reset')} to undo the drill).`,
      'Write the postmortem in `docs/incidents/`, starting from `docs/incidents/TEMPLATE.md` (for a drill, as `<drill id>.md`, which ' +
        `${incident('check')} reads too), blameless and specific. Sections: Summary, Impact, Timeline (one entry per line, each starting ` +
        'with a time), Detection, Root cause (quote the request id you followed), Resolution, Action items. Turn at least one action item ' +
        'into code now: a test, a log field or a metric that would have made the fault obvious.',
    ],
    howToLook: [
      'One request at a time. Every log line written while a request is handled carries its `requestId`: pick one request that went ' +
        'wrong and read all of its lines (`grep` the id, or `jq \'select(.requestId == "<id>")\'`), not the whole log. During a drill the ' +
        'lines are in `.incident/app.log`.',
      'Errors: read the `err` of the error line. A constraint or syntax error is about the SQL; a timeout while acquiring a connection ' +
        'says the pool is empty, so look for what holds connections, not for a slow query. Errors that start only after a while point at ' +
        'something running out.',
      'Latency: with `LOG_LEVEL=debug` every statement is logged with the request id. Count the statements of one request and compare ' +
        'two page sizes; the slow-query warnings name statements that are slow on their own, and `EXPLAIN` shows why.',
      `Metrics, once \`GET /metrics\` exists: \`http_requests_total\` by \`status_code\` and the \`http_request_duration_seconds\` buckets of ` +
        `one route (\`${item}\`, say) before and after, which give the route and the moment it started.`,
      'Wrong data and no error anywhere: find two requests that touched the same row, put their statements in time order by request id, ' +
        'and ask what each one read before it wrote.',
    ],
    acceptance: [
      {
        id: 'observability.request-id',
        statement: 'Every request has an id, it is returned to the caller, and every log line written for the request carries it.',
        sends:
          `Starts the server as \`${runScript(pm, 'start')}\` would (\`src/server.ts\`, NODE_ENV=production, LOG_LEVEL=info) and reads its stdout. Sends ` +
          `\`GET ${list}\` with \`X-Request-Id: check-<random>\`; \`GET ${list}\` with no \`X-Request-Id\`; and \`GET ${list}/not-a-uuid\` ` +
          'with an `X-Request-Id` of 300 characters including spaces and quotes.',
        expects:
          'Each response has an `X-Request-Id` header: the first equals `check-<random>`, the second is a newly generated UUID, the third is ' +
          'a newly generated id of at most 128 characters, not the value sent. Every stdout line written meanwhile is JSON with `requestId` ' +
          'equal to one of those headers. Each request has exactly one completion line carrying the status code (`statusCode` or `status`), a ' +
          `duration (\`durationMs\` or \`responseTime\`) and \`route\`: \`${list}\` for the first two, \`${item}\` for the third. The third ` +
          'is a 400, logged below error level (pino level under 50).',
      },
      {
        id: 'observability.metrics',
        statement: 'Request counts and latency are exposed by route template and status, with bounded label values.',
        sends:
          `Scrapes \`GET /metrics\`; sends 5 \`GET ${list}\`, 3 \`GET ${list}/<random uuid>\`, 2 \`POST ${list}\` with the body \`{}\`, and ` +
          '50 requests to random paths such as `/check-<random>`; then scrapes `GET /metrics` again.',
        expects:
          'Both scrapes are 200 with Content-Type text/plain in the Prometheus text format, which the check parses. Between them, ' +
          `\`http_requests_total\` grew by exactly 5 for method GET, route \`${list}\`, status_code 200; by 3 for GET, route \`${item}\`, ` +
          `status_code 404; and by 2 for POST, route \`${list}\`, status_code 400 (or 401 if writes require credentials). ` +
          '`http_request_duration_seconds` has `_bucket`, `_sum` and `_count` series with the same labels; each `_count` grew by the same ' +
          'amounts, bucket counts never decrease as `le` rises, and the `le="+Inf"` bucket equals `_count`. The 50 random paths added at ' +
          'most one new `route` value.',
      },
      {
        id: 'observability.slow-query-log',
        statement: 'Queries slower than the threshold are logged with their SQL, duration and request id, and without user data.',
        sends:
          `The same server, started with \`SLOW_QUERY_MS=300\`. Inserts ${article(words(primary.singular))} and sends \`GET ${list}/<its id>\` three ` +
          `times. Then, from its own connection, locks \`${primary.name}\` in ACCESS EXCLUSIVE mode for 1 second while sending the same ` +
          'request with `X-Request-Id: slow-<random>`.',
        expects:
          'All four answers are 200. At least one of the first three produced no slow-query line. The fourth produced at least one line whose ' +
          '`msg` contains "slow query" and whose `requestId` is `slow-<random>`; every such line is at pino level 40 (warn), has a numeric ' +
          `\`durationMs\` of at least 300 and a \`sql\` string that reads \`${primary.name}\` with placeholders (\`?\` or \`$1\`), and the ` +
          'requested id appears nowhere in it.',
      },
      {
        id: 'observability.incident-postmortem',
        statement: 'An incident was worked to a root cause and written up as a postmortem.',
        sends:
          'Reads every Markdown file in `docs/incidents/` except a README or TEMPLATE file, and the template when there is one.',
        expects:
          'At least one postmortem has the headings Summary, Impact, Timeline, Detection, Root cause, Resolution and Action items, each ' +
          'followed by at least 5 words; a Timeline with at least 4 list items or table rows that start with a time (`14:02` or ' +
          '`2026-03-05T14:02`); a request id in backticks on a line that says "request id" (or `requestId`); and no template text left: ' +
          'no line copied from the template, no TODO or TBD, no HTML comment and no `<placeholder>`.',
      },
    ],
    stretch: [
      'Add OpenTelemetry tracing with spans for each query and each outbound call, and put the trace id in the log lines next to the request id.',
      'Write one service level objective for the hot list (for example, 99 percent of requests under 200 ms over 30 days) and a burn-rate alert ' +
        'rule for it in Prometheus syntax, and explain why it alerts on the rate of budget spend rather than on a single slow minute.',
      'Keep `/metrics` off the public internet: serve it on a second port, or require a token, and explain how a scraper reaches it.',
      'Add a Grafana and Prometheus pair to `compose.yaml` with a dashboard of request rate, error rate and latency per route.',
    ],
    review: {
      correctness: [
        'The request id comes from AsyncLocalStorage, so it survives awaits and reaches code that was never handed the request.',
        'Route labels are templates and unmatched paths share one value; label sets cannot grow with user input.',
        'Durations use a monotonic clock (`performance.now()` or `process.hrtime.bigint()`), not `Date.now()` differences.',
      ],
      edgeCases: [
        'A request that fails before routing (bad JSON body, payload too large) still gets an id, a completion line and a metric.',
        'A client that disconnects early: the completion line and the metric are still recorded once, not twice and not zero times.',
        'A query that errors rather than finishing slowly still ends its timer, so the in-flight map does not grow forever.',
      ],
      maintainability: [
        'Log field names are consistent everywhere (`requestId`, `durationMs`, `statusCode`), so one query finds them across the code.',
        'Metrics are registered once in one module; handlers do not create metrics.',
        'Postmortems follow one template and end in action items with an owner, not only in lessons.',
      ],
    },
    talkingPoints: [
      'I label metrics by route template, not by URL. It loses the per-id detail, which belongs in logs anyway, and it keeps the number of time series fixed no matter what clients send.',
      'I measure latency with a histogram rather than an average. An average hides the slow tail that users actually feel; histograms can also be added up across instances, which precomputed percentiles cannot.',
      'Slow queries are logged with placeholders and no bound values. I give up seeing the exact input that was slow, but logs get copied to many places and should not hold customer data.',
      'When I debug an incident I write the hypothesis down before I change anything. It feels slower, but it stops me from shipping three guesses at once and never learning which one worked.',
      'The postmortem is blameless and ends in changes to code, not to people: a missing log field or metric that would have made the fault obvious is an action item I can ship the same day.',
    ],
    estimateHours: 10,
    dependsOn: ['indexes', 'testing'],
  };
};

import { itemRoute, primaryTable } from '../milestones/text.js';
import { mistake, type RubricDefinition, sign } from './types.js';

export const observability: RubricDefinition = ({ domain }) => {
  const primary = primaryTable(domain);
  const item = itemRoute(primary);
  const hot = domain.hotList;

  return {
    milestone: 'observability',
    shows: 'The learner debugs a running service from evidence (metrics, logs, a request id) and writes down what happened so it does not happen twice.',
    evidence: [
      'The metrics module behind `GET /metrics`, and the `route` field added to the completion log line.',
      'The slow-query logging, and a sample of its output.',
      'The postmortem in `docs/incidents/`, read next to the drill record.',
    ],
    levels: {
      strong: [
        sign(
          `Metrics are labeled by route template (\`${item}\`), with one fixed value for unmatched paths; the learner can say why a raw URL label is dangerous.`,
          'observability.metrics',
        ),
        sign('Histogram buckets are chosen around the latency budget, and durations come from a monotonic clock.', 'observability.metrics'),
        sign('Slow-query lines carry `sql` with placeholders, `durationMs` and `requestId`, and never the bound values.', 'observability.slow-query-log'),
        sign(
          'The postmortem\'s timeline shows the order of work (metric, one request id, hypothesis written, one measurement, fix) and at least one action item is already merged as code.',
          'observability.incident-postmortem',
        ),
      ],
      adequate: [
        sign('Every observability criterion passes.', 'observability.request-id', 'observability.metrics', 'observability.slow-query-log', 'observability.incident-postmortem'),
        sign('The postmortem has every section but its action items are lessons ("be more careful"), not changes.'),
        sign(`The learner found the dropped index on \`${hot.route}\` from the metrics, but went to the code before the slow-query lines.`),
      ],
      weak: [
        sign('A metric label built from the URL path, so every random path adds a time series.', 'observability.metrics'),
        sign('Log lines inside query helpers lack `requestId` because the id is passed by hand instead of read from the request context.', 'observability.request-id'),
        sign('The postmortem was written without running the drill, or its timeline has no times; quoted request ids do not appear in the drill\'s logs.', 'observability.incident-postmortem'),
      ],
    },
    reference: {
      approach: [
        'One metrics module that registers the counter and the histogram once, fed from the same place that writes the completion log line.',
        'Slow queries timed with knex query events matched by `__knexQueryUid`, with the threshold in `SLOW_QUERY_MS` through the config.',
        'A blameless postmortem with front matter `drill` and `cause`, and one action item shipped in the same pull request.',
      ],
      mistakes: [
        mistake('Unbounded labels', 'The `route` label is `req.path` or `req.originalUrl`; the check\'s 50 random paths add 50 values.', 'observability.metrics'),
        mistake(
          'User data in logs',
          'The slow-query line includes `bindings`, so the requested id or an email ends up in every log pipeline.',
          'observability.slow-query-log',
        ),
        mistake(
          'A timer that never ends',
          'Queries that fail are never removed from the in-flight map; memory grows with every error. Only review of the `query-error` path finds it.',
        ),
      ],
    },
  };
};

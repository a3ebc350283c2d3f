import type { Background } from '../model.js';

export const dataEngineer: Background = {
  id: 'data-engineer',
  name: 'Data engineer',
  summary:
    'You already live in SQL and Python, you have designed tables, and you have kept pipelines running when upstream data went bad. ' +
    'What changes is the unit of work: instead of a batch that must finish correctly by morning, you handle a single request that must answer correctly in milliseconds, ' +
    'while many others arrive at the same time. This project makes you prove the application side: a clean REST API, authentication, request handling, ' +
    'and reliability measured per request rather than per job run.',
  strengths: [
    'Strong SQL, including joins, window functions and reading query plans',
    'Python (or another backend language) used daily for real work',
    'Schema and data modeling experience, including thinking about keys and data quality',
    'Operational habits from pipelines: idempotent reruns, backfills, and monitoring job health',
  ],
  gaps: [
    'Application architecture: REST resource design, routing, request validation and response shapes',
    'Authentication and authorization, which rarely come up inside a pipeline',
    'Request handling under concurrency: many short transactions contending for the same rows',
    'A different reliability model: latency and availability per request instead of batch completeness and freshness',
  ],
  bridges: [
    {
      known: 'Idempotent pipelines that can be rerun safely',
      backend: 'Idempotent writes with idempotency keys',
      explanation:
        'You already design jobs so that running them twice leaves the same result, which is exactly what a client retrying a POST needs from the API. ' +
        'The difference is timing: a pipeline rerun happens after the first run ends, while an API retry can arrive while the original request is still in flight.',
      milestone: 'failure-modes',
    },
    {
      known: 'Data quality checks and schema contracts on ingested data',
      backend: 'Request validation at the API boundary',
      explanation:
        'Rejecting bad records before they reach the warehouse is the same instinct as rejecting a bad request body with a 400. ' +
        'In an API, though, you cannot quarantine a bad row and move on; the caller is waiting and needs a precise, useful error right now.',
      milestone: 'first-endpoint',
    },
    {
      known: 'Tuning warehouse queries with partitioning and clustering',
      backend: 'B-tree indexes for transactional queries',
      explanation:
        'You know how to read a plan and spot a full scan. ' +
        'Transactional workloads are the opposite of analytical ones: many tiny lookups instead of a few huge scans, so a composite index that matches the filter and sort matters more than partition pruning.',
      milestone: 'indexes',
    },
    {
      known: 'MERGE and upsert steps in batch loads',
      backend: 'Row-level locking and conflict handling between concurrent requests',
      explanation:
        'An upsert already handles "insert or update" safely, and ON CONFLICT is a useful tool here too. ' +
        'But batch loads usually have the table to themselves, while API writes race each other constantly, so you have to think about locks and isolation levels explicitly.',
      milestone: 'concurrency',
    },
  ],
  emphasis: {
    'first-endpoint': 'deep',
    'schema-design': 'fast-track',
    indexes: 'fast-track',
    auth: 'deep',
    concurrency: 'deep',
  },
  notes: {
    orientation:
      'The project is a long-running server, not a script or a DAG. Notice how a request enters, which layers it passes through, and how the database connection pool is shared.',
    'first-endpoint':
      'You will be tempted to return whatever the query gives you. Design the resource instead: stable field names, pagination, and status codes that mean something to a client.',
    'schema-design':
      'You can move quickly, but model for transactions rather than analytics: normalized tables, foreign keys and constraints, not wide denormalized rows. Make every migration reversible.',
    indexes:
      'Your plan-reading skill transfers, but the workload does not. Index for the exact filter and sort of the hot list query, and show the plan switching from a scan to an index scan.',
    auth:
      'This is likely new ground, so take it slowly. Understand the difference between knowing who the caller is and deciding what they may touch, and test both.',
    concurrency:
      'Pipelines usually have one writer; an API has many at once. Reproduce the race with parallel requests, then fix it with a transaction, a lock or a conditional update, and explain which you chose.',
    'failure-modes':
      'A failed job can retry in an hour; a request cannot wait that long. Use short timeouts and capped retries, and reuse your idempotency instincts so a retried write never happens twice.',
    observability:
      'Job-level metrics will not help you find one slow request. Log per request with an id and a duration, and practice tracing one call from entry to database and back.',
  },
  pullForward: ['auth'],
  suggestedDomains: ['event-ingestion', 'test-results', 'incident-tracker'],
  firstMilestone: 'orientation',
};

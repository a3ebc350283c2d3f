import type { Background } from '../model.js';

export const csGrad: Background = {
  id: 'cs-grad',
  name: 'CS graduate',
  summary:
    'You know the theory: data structures, complexity, operating systems, maybe a databases or distributed systems course. ' +
    'What you probably have not done is keep a service alive after the assignment was graded. This project asks you to prove ' +
    'the part a transcript cannot show: that you can ship an API to a real environment, watch it misbehave, and fix it from ' +
    'the evidence. Never having deployed to production is a real gap, but it is one a single well-run project can close.',
  strengths: [
    'Solid grasp of data structures and complexity, so index design and query cost make sense quickly',
    'Exposure to concurrency primitives (locks, races, deadlocks) from an operating systems course',
    'Comfort with relational theory: keys, normalization, joins',
    'Practice reading unfamiliar code and picking up a new language without hand-holding',
  ],
  gaps: [
    'Production experience: you have likely never deployed code that real requests depend on',
    'Operating a running system: reading logs, correlating requests, and debugging something you cannot attach a debugger to',
    'Designing for partial failure in practice: timeouts, bounded retries, and degrading instead of crashing',
    'Everyday delivery tooling: containers, CI pipelines, and rolling out a change safely',
  ],
  bridges: [
    {
      known: 'B-trees and Big-O from your algorithms courses',
      backend: 'Indexes and reading EXPLAIN output',
      explanation:
        'You already know why a balanced tree beats a linear scan, which is exactly what an index buys a query. ' +
        'The analogy stops at the planner: Postgres picks a plan from table statistics, so a "correct" index can go unused until you check the plan on realistic data.',
      milestone: 'indexes',
    },
    {
      known: 'Mutexes and race conditions from your operating systems course',
      backend: 'Transactions, row locks and isolation levels',
      explanation:
        'The core question is the same: who may change this shared value, and when. ' +
        'But the lock lives in the database, not your process, so an in-memory mutex does nothing once you run two app instances.',
      milestone: 'concurrency',
    },
    {
      known: 'Partial failure and the fallacies of distributed computing',
      backend: 'Timeouts, bounded retries and circuit breakers in your own code',
      explanation:
        'Theory tells you the network is unreliable; this milestone makes you pick a concrete timeout and retry count and defend them. ' +
        'Real dependencies rarely fail cleanly: the hard case is the one that answers slowly, which a proof on paper tends to skip.',
      milestone: 'failure-modes',
    },
    {
      known: 'Stepping through code in a debugger',
      backend: 'Debugging a live service from logs and request ids',
      explanation:
        'The habit of forming a hypothesis and checking it carries over completely. ' +
        'What changes is that you cannot pause production, so you only see what your logs already record, and you have to decide that before the incident.',
      milestone: 'observability',
    },
  ],
  emphasis: {
    'schema-design': 'fast-track',
    'failure-modes': 'deep',
    observability: 'deep',
    'ci-cd': 'deep',
    deploy: 'deep',
  },
  notes: {
    orientation:
      'Resist the urge to read the whole codebase before running it. Get the service up, send it a request, and follow that one request through the layers first.',
    'first-endpoint':
      'Coursework rewards code that works on the happy path. Spend as much effort on the error responses as on the success case: what does a client get for a malformed id, or a row that does not exist?',
    'schema-design':
      'You can move quickly here, but write down-migrations and actually run them. Textbook normalization is not the goal; a schema that can change safely next month is.',
    indexes:
      'Do not stop at "this column should be indexed". Load enough rows that the planner cares, capture EXPLAIN ANALYZE before and after, and keep both in the repo.',
    concurrency:
      'You will be tempted to reach for a language-level lock. Prove instead that the guarantee holds with two app processes running, which forces it into the database.',
    'failure-modes':
      'This is where the project earns its keep for you. Make the slow dependency actually slow in a test, then show the endpoint answering within its budget rather than hanging.',
    containers:
      'Your coursework ran on the machine you wrote it on. An image has to build the same way on a machine you will never log into, so ' +
      'for every line of the Dockerfile ask what would differ without it: an unpinned base image, a lockfile that is ignored, a `.env` ' +
      'that slips into the context.',
    'ci-cd':
      'The pipeline is where a team decides, in writing, what "it works" means. Go slowly: break each gate on purpose and read the ' +
      'failure the way a reviewer would, because in your first job you will read red builds long before you write a workflow.',
    observability:
      'Practice with a real incident drill: break something on purpose, then find the cause using only logs and request ids. Write down the steps you took.',
    deploy:
      'Get something deployed early, even if it is only the health check, and keep it running as you add features. The write-up should describe what you operated, not just what you built.',
  },
  pullForward: ['failure-modes', 'deploy'],
  suggestedDomains: ['ticketing', 'event-ingestion', 'incident-tracker'],
  firstMilestone: 'orientation',
};

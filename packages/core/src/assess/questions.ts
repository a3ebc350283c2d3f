import type { MilestoneId } from '../model.js';

/** The five things to be honest about before switching, each a part of the report. */
export const AREAS = [
  { id: 'coding', name: 'Building endpoints', question: 'Can you build an endpoint that reads from a database, handles its errors and returns structured data?' },
  { id: 'databases', name: 'Databases', question: 'Can you design a schema, join tables and use an index on purpose?' },
  { id: 'systems', name: 'Systems thinking', question: 'Do you plan for two requests at once, a slow database and a dependency that is down?' },
  { id: 'debugging', name: 'Debugging running systems', question: 'Can you find a fault from logs, traces and a hypothesis, without a debugger attached?' },
  { id: 'production', name: 'Shipping to production', question: 'Have you packaged, deployed and operated code that people relied on?' },
] as const;

export type AreaId = (typeof AREAS)[number]['id'];

/** What hiring teams check, as against what job ads list; the report's market table has one row each. */
export const REQUIREMENTS = [
  { id: 'language', name: 'Depth in one backend language', need: 'Required. Depth in one language counts for more than a list of several.' },
  { id: 'sql', name: 'SQL and relational design', need: 'Required, and asked in nearly every interview: schemas, joins, migrations, indexes.' },
  { id: 'rest', name: 'REST API design', need: 'Core to the job: resources, status codes, errors and a written contract.' },
  { id: 'docker', name: 'Docker', need: 'Expected almost everywhere, and the ad is accurate about it.' },
  { id: 'kubernetes', name: 'Kubernetes', need: 'Varies. Many teams deploy through a pipeline that hides it; a working picture is enough for most.' },
  { id: 'cloud', name: 'Cloud and deployment', need: 'Breadth across storage, compute and deploys matters more than a certificate.' },
  { id: 'system-design', name: 'System design', need: 'What separates mid-level from senior: failure, concurrency and trade-offs.' },
  { id: 'services', name: 'Service boundaries', need: 'Clear module boundaries and calls between services; most teams run a modular monolith, not hundreds of services.' },
] as const;

export type RequirementId = (typeof REQUIREMENTS)[number]['id'];

/** The answer to every question: concrete experience, not a self-rating. */
export const ANSWERS = ['no', 'partly', 'yes'] as const;
export type Answer = (typeof ANSWERS)[number];
export const ANSWER_LABELS: Readonly<Record<Answer, string>> = { no: 'Not yet', partly: 'Once, or with help', yes: 'Yes, on my own' };
export const ANSWER_POINTS: Readonly<Record<Answer, number>> = { no: 0, partly: 1, yes: 2 };

export interface Question {
  readonly id: string;
  readonly text: string;
  /** The same experience as a statement, for the report: "written a query joining three tables…". */
  readonly did: string;
  readonly area: AreaId;
  readonly requirements: readonly RequirementId[];
  /** The milestones that practise it, and prove it in the portfolio. */
  readonly milestones: readonly MilestoneId[];
  /** The extra task a "no" adds to its first milestone. */
  readonly ifNot: string;
}

export const QUESTIONS: readonly Question[] = [
  {
    id: 'endpoint-with-database',
    did: 'built an endpoint that reads a record from a database, returns JSON and answers a clear 404',
    text: 'Have you built an HTTP endpoint that reads a record from a database, returns it as JSON, and answers a clear 404 when it does not exist?',
    area: 'coding',
    requirements: ['rest', 'language'],
    milestones: ['first-endpoint'],
    ifNot: 'Before writing the new endpoint, trace one existing request from the router to the SQL it runs and back, and write the path down in your own words.',
  },
  {
    id: 'language-depth',
    did: 'shipped code in one backend language that others depend on, and fixed how it behaves at run time',
    text: 'In one backend language (JavaScript/TypeScript on Node.js, Python, Java, Go, C# or Ruby), have you shipped code others depend on and fixed a bug in how it behaves at run time (async ordering, an unhandled exception, a memory leak)?',
    area: 'coding',
    requirements: ['language'],
    milestones: ['first-endpoint', 'testing'],
    ifNot: 'Read how this project handles an async error from a route to the error handler, then break it on purpose and watch what the client and the log show.',
  },
  {
    id: 'api-contract',
    did: 'designed an API someone else consumed: its paths, error statuses, pagination and written contract',
    text: 'Have you designed an API that someone else consumed, deciding its paths, its status codes for errors, its pagination and a written contract such as OpenAPI?',
    area: 'coding',
    requirements: ['rest', 'services'],
    milestones: ['first-endpoint', 'auth'],
    ifNot: 'Write the contract of the new endpoint (paths, bodies, every error status) in OpenAPI before the code, and have your mentor review it first.',
  },
  {
    id: 'automated-tests',
    did: 'written automated tests against a real database that cover error paths',
    text: 'Have you written automated tests that run against a real database and cover error paths, not only the happy path?',
    area: 'coding',
    requirements: ['language'],
    milestones: ['testing'],
    ifNot: 'For every error status the API can answer, write the test that provokes it before you write any other test.',
  },
  {
    id: 'three-table-join',
    did: 'written a query joining three or more tables and checked its result by hand',
    text: 'Have you written a query that joins three or more tables, and checked its result against the rows by hand?',
    area: 'databases',
    requirements: ['sql'],
    milestones: ['schema-design'],
    ifNot: 'Write the nested read as raw SQL in psql first, check each row by hand, then move it into the repository.',
  },
  {
    id: 'schema-from-scratch',
    did: 'designed a schema of related tables and changed it with migrations while it held data',
    text: 'Have you designed a schema with several related tables (keys, foreign keys, constraints) and later changed it with migrations while it held data?',
    area: 'databases',
    requirements: ['sql'],
    milestones: ['schema-design'],
    ifNot: 'Draw the tables and their keys before touching a migration, and roll every migration back and forward once before you commit it.',
  },
  {
    id: 'index-for-slow-query',
    did: 'fixed a slow query with an index and confirmed the new plan with EXPLAIN',
    text: 'Have you added an index to fix a slow query and confirmed with EXPLAIN that the plan changed?',
    area: 'databases',
    requirements: ['sql'],
    milestones: ['indexes'],
    ifNot: 'Run EXPLAIN (ANALYZE) on the hot list before and after each index you try, and paste both plans into your decision record.',
  },
  {
    id: 'concurrent-writes',
    did: 'prevented or fixed a bug where two requests changed the same data at once',
    text: 'Have you prevented or fixed a bug where two requests changed the same data at once, such as a lost update or a double booking?',
    area: 'systems',
    requirements: ['system-design'],
    milestones: ['concurrency'],
    ifNot: 'Reproduce the race with a failing test that fires twenty requests at once before you change any code.',
  },
  {
    id: 'failing-dependency',
    did: 'made code cope with a slow or failing service through timeouts, bounded retries or a fallback',
    text: 'Have you made code cope with a slow or failing service it calls, with timeouts, bounded retries or a fallback?',
    area: 'systems',
    requirements: ['system-design', 'services'],
    milestones: ['failure-modes'],
    ifNot: 'List what the app does today when the dependency hangs for a minute, then write the timeout before the retry.',
  },
  {
    id: 'authentication',
    did: 'built server-side login: password hashing, expiring credentials and ownership checks',
    text: 'Have you built login on a server: hashing passwords, issuing credentials that expire, and checking who owns a record before changing it?',
    area: 'systems',
    requirements: ['rest', 'system-design'],
    milestones: ['auth'],
    ifNot: 'Write down the three ways your login could leak whether an account exists, and test each one.',
  },
  {
    id: 'production-debugging',
    did: 'found the cause of a production problem from logs or metrics, following one request across components',
    text: 'Have you found the cause of a production problem by reading logs or metrics and following one request across components?',
    area: 'debugging',
    requirements: ['system-design'],
    milestones: ['observability'],
    ifNot: 'Before adding metrics, find one request of your own in the logs by its request id, and write down every line it produced.',
  },
  {
    id: 'dockerfile',
    did: 'written a Dockerfile and run an app with its database in containers',
    text: 'Have you written a Dockerfile yourself (not only run someone else\'s image) and run an app and its database together in containers?',
    area: 'production',
    requirements: ['docker'],
    milestones: ['containers'],
    ifNot: 'Explain every line of the generated Dockerfile to your mentor before changing any of it.',
  },
  {
    id: 'ci-pipeline',
    did: 'set up CI that runs the tests on every push and blocks a failing merge',
    text: 'Have you set up a CI pipeline that runs the tests on every push and stops a merge when they fail?',
    area: 'production',
    requirements: ['cloud'],
    milestones: ['ci-cd'],
    ifNot: 'Open a pull request that breaks one test on purpose and confirm the pipeline blocks it before you trust it.',
  },
  {
    id: 'deployed-to-users',
    did: 'deployed code real users relied on, and rolled back or fixed a bad release',
    text: 'Have you deployed code you wrote to an environment real users relied on, and rolled back or fixed a bad release?',
    area: 'production',
    requirements: ['cloud'],
    milestones: ['deploy'],
    ifNot: 'Deploy the scaffold as it is, early, before the feature work: a first deploy of a small app is where the unknowns are.',
  },
  {
    id: 'kubernetes',
    did: 'deployed or operated a service on Kubernetes',
    text: 'Have you deployed or operated a service on Kubernetes: written its manifests, read its pod logs, or fixed a failing probe?',
    area: 'production',
    requirements: ['kubernetes'],
    milestones: ['deploy'],
    ifNot: 'Read the generated Kubernetes manifests and say what each probe protects against, even if you deploy somewhere simpler.',
  },
];

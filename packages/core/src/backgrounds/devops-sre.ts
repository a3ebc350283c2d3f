import type { Background } from '../model.js';

export const devopsSre: Background = {
  id: 'devops-sre',
  name: 'DevOps / SRE',
  summary:
    'You have spent your time keeping services that other teams wrote alive, through pipelines, containers, alerts, on-call rotations and postmortems. You know what a bad deploy looks like at 3 a.m. ' +
    'What you want now is to be the one who builds the service rather than the one who keeps it upright. This project makes you prove the application side: ' +
    'designing an API, modeling its data, and writing feature code with the tests and structure a team would expect in review. ' +
    'The infrastructure milestones should go quickly; the time belongs in the code.',
  strengths: [
    'Hands-on experience with containers, CI/CD pipelines and cloud deployment',
    'Operational instinct for failure: timeouts, health checks, capacity and blast radius',
    'Comfort reading logs and metrics to debug a running system under pressure',
    'Scripting fluency in a language such as Python, Go or Bash',
    'Experience writing postmortems and runbooks that others can follow',
  ],
  gaps: [
    'Application design: structuring a codebase into layers and modules that stay maintainable as features grow',
    'API development: resource modeling, validation, error contracts and versioning',
    'Feature-level engineering practice: tests written alongside the code, small reviewable changes, and owning a feature end to end',
    'Data modeling: designing schemas and queries, as opposed to operating the database server',
  ],
  bridges: [
    {
      known: 'Runbooks for draining, restarting and checking a service',
      backend: 'Readiness checks and graceful shutdown built into the app',
      explanation:
        'You know the steps an operator takes to take a node out safely; the scaffold already encodes them in the app: `/readyz` reports when it can take traffic, and `src/lifecycle.ts` finishes in-flight requests on SIGTERM. Read both, and rehearse them in the rollback drill. ' +
        'The difference is that no one runs this by hand: the code has to handle every shutdown correctly, including the ones that happen mid-transaction.',
      milestone: 'deploy',
    },
    {
      known: 'Load balancer and proxy timeouts and retry settings',
      backend: 'Timeouts, retry budgets and circuit breakers inside application code',
      explanation:
        'You already know why every hop needs a timeout and why unbounded retries cause storms. ' +
        'Inside the app you also decide what to return while the dependency is down, which is a product decision as much as an infrastructure one.',
      milestone: 'failure-modes',
    },
    {
      known: 'Declarative, repeatable infrastructure changes (Terraform plans, config management)',
      backend: 'Reversible schema migrations',
      explanation:
        'Reviewing a plan before applying it and keeping changes versioned is the right mindset for migrations. ' +
        'Unlike most infrastructure, the database holds data you cannot recreate, so a down-migration has to preserve rows, not just restore a shape.',
      milestone: 'schema-design',
    },
    {
      known: 'Dashboards, alerts and log aggregation',
      backend: 'Structured logging and request ids emitted by the app itself',
      explanation:
        'You know what good telemetry looks like from the consuming end. ' +
        'Now you are the one choosing which fields each log line carries, and a field you forget to log is one you will not have during the incident.',
      milestone: 'observability',
    },
  ],
  emphasis: {
    'first-endpoint': 'deep',
    'schema-design': 'deep',
    testing: 'deep',
    observability: 'fast-track',
    containers: 'fast-track',
    'ci-cd': 'fast-track',
  },
  notes: {
    orientation:
      'Spend your time on the application layout, not the Dockerfile. Find where routes, business logic and data access live, because that structure is what you are here to learn.',
    'first-endpoint':
      'Scripts often fail loudly and move on; an API has to fail politely. Validate input, return consistent error bodies with the right status codes, and never expose internal errors to the caller.',
    'schema-design':
      'Managing a database server is not the same as designing what goes in it. Model the relations carefully, enforce rules with constraints, and make each migration reversible and safe to run on a live table.',
    testing:
      'Treat this as core work, not a CI step. Write tests next to the feature, cover the error paths, and keep them fast enough that you run them before every commit.',
    auth:
      'You have managed IAM policies; this is the same idea at the level of a single record. Check ownership on every endpoint and test the case where one user asks for data owned by someone else.',
    'failure-modes':
      'You know these patterns from the outside. The new part is writing the fallback behavior in code and testing it deterministically rather than in a game day.',
    containers:
      'The scaffold already ships a Dockerfile you would sign off on, so explaining it will not take you long. Put the spare time into ' +
      'the stretch goals that show operating judgement: run the app with `read_only: true`, a tmpfs for the one directory it writes to ' +
      'and every capability dropped, then measure the image size and the time from `docker compose up` to a healthy container, and write ' +
      'both down.',
    'ci-cd':
      'You have probably written more pipelines than application code, so this should go fast. Put your attention on the steps that are ' +
      'about the application, the migration round trip and the tests against a real database service, and keep the workflow short enough ' +
      'for a developer to read in one sitting.',
    deploy:
      'The platform tasks will go fast for you, and this milestone keeps its full time for a reason: the case study and ' +
      '`docs/operations.md` are the largest writing in the project. Do not gold-plate the platform; a modest setup you can explain ' +
      'beats a cluster the project does not need. Spend the hours on the write-up about the application decisions, with numbers you measured.',
  },
  pullForward: ['containers'],
  suggestedDomains: ['incident-tracker', 'event-ingestion'],
  firstMilestone: 'orientation',
};

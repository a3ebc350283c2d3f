import type { Background } from '../model.js';

export const itSysadmin: Background = {
  id: 'it-sysadmin',
  name: 'IT / sysadmin',
  summary:
    'You learned to program by automating your own work: provisioning scripts, scheduled jobs, tools that saved your team hours. ' +
    'You also know servers, networks, permissions and backups better than most developers. The step you are taking is from scripts that run once and exit ' +
    'to an application that runs continuously, serves many users at once, and has to be structured so others can change it. ' +
    'This project makes you prove that step: real API design, a real data model, tests, and code that stays correct under concurrent load.',
  strengths: [
    'Practical knowledge of servers, networking, DNS, TLS and service management',
    'Automation scripting in a language such as Python or PowerShell',
    'Experience with permissions, groups and least-privilege access',
    'Calm, methodical troubleshooting from logs and system state',
    'Habits around backups, change windows and rollback plans',
  ],
  gaps: [
    'Application development: moving from scripts that run top to bottom to a structured, long-running application',
    'API design: HTTP resources, validation, status codes and error contracts',
    'Database design: schemas, relations and migrations, as opposed to administering the database server',
    'Automated testing as part of writing code',
    'Concurrency: many requests sharing state at the same time',
  ],
  bridges: [
    {
      known: 'Automation scripts that run top to bottom',
      backend: 'Application architecture: routes, services and a data layer',
      explanation:
        'You already break work into functions and handle errors so a script does not leave things half-done. ' +
        'An application differs because it never exits: it holds connections, serves many callers, and its parts must be separated so each can be tested and changed on its own.',
      milestone: 'first-endpoint',
    },
    {
      known: 'File permissions, security groups and directory service roles',
      backend: 'Authorization rules in the API',
      explanation:
        'Least privilege and group-based access map well onto roles and ownership checks. ' +
        'The difference is that nothing enforces them for you: the application has to check on every request, and a single forgotten check is an open door.',
      milestone: 'auth',
    },
    {
      known: 'Grepping syslog and event logs during an outage',
      backend: 'Structured logs with request ids',
      explanation:
        'You know how to reconstruct events from timestamps and messages. ' +
        'Structured logs with a request id make that far faster, but only if you, as the author, choose to emit the right fields when you write the code.',
      milestone: 'observability',
    },
    {
      known: 'Service managers such as systemd (restart policies, health checks, dependencies)',
      backend: 'Container health checks and graceful shutdown',
      explanation:
        'Restart-on-failure and start ordering are the same ideas a container runtime uses. ' +
        'What is new is that the app itself must report readiness and handle the stop signal cleanly, rather than relying on the service manager to paper over it.',
      milestone: 'containers',
    },
  ],
  emphasis: {
    'first-endpoint': 'deep',
    'schema-design': 'deep',
    testing: 'deep',
    concurrency: 'deep',
    deploy: 'fast-track',
  },
  notes: {
    orientation:
      'Notice how the code is split into modules with clear jobs, unlike a single script file. Trace one request from the route to the database and back before changing anything.',
    'first-endpoint':
      'The temptation is to put everything in the handler, the way a script does everything in sequence. Keep validation, business logic and data access in separate layers, even though it feels like extra ceremony.',
    'schema-design':
      'You know how to back up, restore and grant access to a database; designing one asks a different question: which rows must never ' +
      'exist. For every CHECK, UNIQUE and foreign key in the migrations, write down in `docs/schema.md` the bad row it forbids. Treat ' +
      'each migration like a change in a change window: it needs a tested way back.',
    indexes:
      'You may have watched a database server sit at full CPU without knowing which query put it there; this milestone is the other side ' +
      'of that graph. Read EXPLAIN the way you read `top`: find the node doing the most work, change one thing, and measure again. Keep ' +
      'the before and after numbers for your case study.',
    testing:
      'You have checked scripts by running them and reading the output. The files in `test/` are those checks written down: each test ' +
      'sends a request you could have sent with curl and asserts the answer. Write the error-path tests the same way, then break the code ' +
      'on purpose, as in orientation, and confirm that the right test fails with a message you can act on.',
    auth:
      'Your least-privilege instincts are an asset. Write the permission rules down as a table first, then test each row, including the denied cases.',
    concurrency:
      'A script usually has the system to itself; an API never does. Reproduce two simultaneous requests colliding, then fix it with a transaction or constraint rather than a lock file.',
    'failure-modes':
      'You know timeouts and retries from proxies, cron jobs and `curl --retry`. Inside a request they behave differently: a retry loop ' +
      'that is harmless in a nightly script multiplies the load when hundreds of requests run it at once against a dependency that is ' +
      'already struggling. Work out the time budget on paper before you write the client.',
    observability:
      'You have spent hours in logs that someone else chose. Now you choose: before writing code, list the three questions you ask first ' +
      'in an outage (which route, since when, for whom), and make sure the completion line and `/metrics` answer each one without a shell ' +
      'on the server.',
    containers:
      'Look at what moved from the unit file into the code: the health endpoints in `src/health/` and the drain in `src/lifecycle.ts`. ' +
      'Stop the container while it is serving traffic and read the shutdown lines in the log; the exit code should be 0, not the 137 of a ' +
      'killed process.',
    'ci-cd':
      'The pipeline is a change checklist that runs itself on every pull request. Its migration round trip (forward, back, forward) is ' +
      'the rollback test you would insist on before a change window: make sure it fails the build when a `down` is empty.',
    deploy:
      'You can move quickly here, since servers, TLS and DNS are familiar. Spend the saved time on the write-up: explain the application design choices, not just the hosting.',
  },
  pullForward: ['testing'],
  suggestedDomains: ['asset-inventory', 'incident-tracker'],
  firstMilestone: 'orientation',
};

import type { Background } from '../model.js';

export const frontend: Background = {
  id: 'frontend',
  name: 'Frontend engineer',
  summary:
    'You have spent years on the other side of the API: fetching data, caching it, handling loading and error states, and working around endpoints you wished were shaped differently. ' +
    'Now you want control of the data layer itself. This project makes you prove the parts the client never sees: a schema that holds up, ' +
    'queries that stay fast as tables grow, and writes that stay correct when many users hit them at once.',
  strengths: [
    'Deep familiarity with HTTP from the consumer side: status codes, headers, CORS, request and response shapes',
    'A strong sense of what makes an API pleasant or painful to use',
    'Experience with client-side state and caching, and the bugs that come from stale data',
    'Fluency in JavaScript or TypeScript, which carries straight over to a Node backend',
    'Habits around component and end-to-end testing',
  ],
  gaps: [
    'Database design: modeling relations, constraints and migrations instead of consuming finished JSON',
    'Server-side architecture: layering, transactions, and where business rules belong',
    'Systems thinking at scale: concurrent writes, query cost on large tables, and what happens when a dependency fails',
    'Production operation: you may never have deployed or been on call for a server process',
  ],
  bridges: [
    {
      known: 'Client-side caching (React Query, SWR, service workers)',
      backend: 'HTTP caching headers and ETags',
      explanation:
        'You already think about freshness and invalidation, and an ETag lets the server tell your old client "nothing changed" with a cheap 304. ' +
        'The difference is that the server serves every client at once, so a wrong cache rule is a correctness bug for everyone, not one stale tab.',
      milestone: 'first-endpoint',
    },
    {
      known: 'Normalizing state in a client store (entities keyed by id)',
      backend: 'Relational schema design with foreign keys',
      explanation:
        'Storing each entity once and referring to it by id is the same instinct behind a normalized schema. ' +
        'But the database enforces the relations with constraints and migrations, and you cannot just reshape it on the next deploy the way you reshape a store.',
      milestone: 'schema-design',
    },
    {
      known: 'Optimistic UI updates and out-of-order responses',
      backend: 'Concurrent writes, transactions and conflict responses',
      explanation:
        'You have seen what happens when two responses arrive in the wrong order and the UI shows stale data. ' +
        'On the server the stakes are higher: two racing writes can corrupt the stored truth, so the fix is a transaction or a conditional update, not a re-render.',
      milestone: 'concurrency',
    },
    {
      known: 'The browser network tab',
      backend: 'Request ids and structured server logs',
      explanation:
        'The network tab shows you one request in full detail, and a request id gives you the same thread to pull on the server. ' +
        'The catch is that server logs mix thousands of users together, so you only get that view if you logged the right fields in advance.',
      milestone: 'observability',
    },
  ],
  emphasis: {
    'first-endpoint': 'fast-track',
    'schema-design': 'deep',
    indexes: 'deep',
    concurrency: 'deep',
  },
  notes: {
    orientation:
      'Before you trace anything, call the list endpoint from the README with `fetch` on a page served by your usual dev server, such as ' +
      'http://localhost:5173. The browser blocks the response: `CORS_ORIGINS` is empty by default, so the server sends no CORS headers. ' +
      'Copy `.env.example` to `.env`, set `CORS_ORIGINS` to your origin there, restart, and find the line in `src/app.ts` that made ' +
      'the difference. Then trace that request from the ' +
      'route down to the SQL.',
    'first-endpoint':
      'You have consumed endpoints like this for years, so use the fast track to confirm the server-side reasons behind what you know: ' +
      'why a malformed id is a 400 and an unknown one a 404, why the list is ordered by `created_at` and then `id`, and how an integer ' +
      'or a timestamp column comes out in JSON. Spend the time you have on the half you have not seen: the zod schemas, the knex module ' +
      'kept apart from the router, and tests that go through a real database. Leave the stretch goals for later.',
    'schema-design':
      'You may be tempted to design tables around the JSON your UI wants. Model the data first, then build the response shape with joins; keep the two concerns separate.',
    indexes:
      'Small dev datasets hide everything here. Seed enough rows that a missing index is obvious in EXPLAIN ANALYZE, and pay attention to how filtering and sorting interact.',
    testing:
      'Skip the urge to mock the database the way you mock fetch in component tests. Run integration tests against a real Postgres so constraints and transactions are actually exercised.',
    auth:
      'On the client, hiding a button felt like access control. Here every endpoint must check ownership itself, so write a test where one user asks for a record that belongs to someone else.',
    concurrency:
      'Debouncing a button does nothing for a server getting requests from many clients. Reproduce the race with parallel requests and fix it in the database, not in the handler.',
    'failure-modes':
      'You have built loading spinners and retry buttons; now you are the one deciding how long to wait. Pick explicit timeouts and make sure the response tells the client whether a retry is safe.',
    observability:
      'Bug reports from client developers usually arrive as a screenshot of the network tab. Make the `X-Request-Id` response header the ' +
      'thing you ask for: take one failing request, find every log line it produced, and check that those lines alone tell you what ' +
      'happened, without reproducing it.',
    containers:
      'If you have containerized a frontend, you built an image that compiles in one stage and serves static files from a small web ' +
      'server in the next. The second stage here is different: it runs Node with production dependencies for weeks, and it must stop ' +
      'cleanly when the platform sends SIGTERM. Stop the container while it is serving and read the shutdown lines in the log; the exit ' +
      'code should be 0.',
    'ci-cd':
      'Frontend pipelines usually lint, type-check and run unit tests with nothing else running. This one starts PostgreSQL as a service ' +
      'and runs the migrations forward, back and forward again before the tests, so a schema change gets the same scrutiny as code. Make ' +
      'a change that breaks a `down` on purpose and watch which step catches it.',
    deploy:
      'Deploying a static site swaps one set of files for another, and the old version is gone the moment the new one is live. A backend ' +
      'release overlaps with the one before it, against one shared database, so every migration has to work for both versions at once. ' +
      'Plan your first schema change after going live with that in mind, and write it up: it is the part of the case study that shows ' +
      'backend judgement.',
  },
  pullForward: ['schema-design'],
  suggestedDomains: ['ticketing', 'incident-tracker'],
  firstMilestone: 'orientation',
};

import type { Background } from '../model.js';

export const selfTaught: Background = {
  id: 'self-taught',
  name: 'Self-taught developer',
  summary:
    'You learned by building: side projects, tutorials, maybe a bootcamp or some open source work. You can get an app working, ' +
    'and that is the skill most people lack. What this project makes you prove is what sits under the working app: why a query is fast, ' +
    'what happens when two users click at once, and how the thing behaves once it is deployed and left running without you watching it. ' +
    'If you have never shipped to a real environment, that gap matters, but you close it by doing it, not by taking another course.',
  strengths: [
    'Proven ability to finish things and get an app working end to end',
    'Habit of learning from docs, source code and error messages on your own',
    'Practical familiarity with at least one backend framework and its ecosystem',
    'Comfort with Git and with collaborating through pull requests if you have contributed to open source',
  ],
  gaps: [
    'Production experience: deploying, running and debugging a service that stays up',
    'Database fundamentals: why indexes work, how the planner chooses, what a transaction actually guarantees',
    'Concurrency: reasoning about two requests changing the same data at the same time',
    'Testing discipline beyond a few happy-path checks',
  ],
  bridges: [
    {
      known: 'Calling .find() on an array to look something up',
      backend: 'Indexes and query plans',
      explanation:
        'Without an index, the database does roughly what .find() does: it checks every row until it hits a match, which is fine at 50 rows and painful at 5 million. ' +
        'Unlike an array, you do not write the search yourself; you give the planner an index and then confirm with EXPLAIN that it uses it.',
      milestone: 'indexes',
    },
    {
      known: 'Side projects where you are the only user',
      backend: 'Concurrent requests and transactions',
      explanation:
        'Your read-then-write code works because nobody else touches the data between the two steps. ' +
        'With real traffic someone always can, so the check and the write have to happen atomically inside the database.',
      milestone: 'concurrency',
    },
    {
      known: 'console.log debugging',
      backend: 'Structured logs with request ids',
      explanation:
        'The instinct to print what is happening is right. The difference is that production logs are read later, by someone else, across thousands of interleaved requests, so every line needs fields and an id that ties it to one request.',
      milestone: 'observability',
    },
    {
      known: 'Tutorial CRUD apps',
      backend: 'An endpoint with validation, error handling and a consistent response shape',
      explanation:
        'You already know how to wire a route to a query. Tutorials usually skip what happens on bad input or a missing row, and that is precisely what reviewers look at first.',
      milestone: 'first-endpoint',
    },
  ],
  emphasis: {
    'first-endpoint': 'fast-track',
    indexes: 'deep',
    concurrency: 'deep',
    deploy: 'deep',
  },
  notes: {
    orientation:
      'Read the project layout before adding anything; it is organized the way teams organize services, which may differ from the tutorial structure you are used to. Note where config, routes and data access live.',
    'first-endpoint':
      'You can go quickly, but do not skip the error paths. Check that a bad id returns 400, a missing row returns 404, and nothing leaks a stack trace.',
    'schema-design':
      'If you have mostly relied on an ORM creating tables for you, write the migrations by hand here and make each one reversible. Know what every foreign key and constraint in your schema is there for.',
    indexes:
      'Do not add indexes by guesswork. Seed a large table, record EXPLAIN ANALYZE, add one index, record it again, and explain the difference in your own words.',
    testing:
      'Aim for tests that would catch a real regression, not a coverage number. A handful of integration tests against a real database beats many mocks.',
    concurrency:
      'Write the test that fires many requests at once before you fix anything, and watch it fail. That failing test is the most convincing artifact in your portfolio.',
    'failure-modes':
      'The default in most tutorials is to wait forever on a slow dependency. Set explicit timeouts and show what the client receives when one fires.',
    deploy:
      'Deploy as soon as the health check works, not at the end. Running something for weeks teaches you more than the final push ever will.',
  },
  pullForward: ['deploy'],
  suggestedDomains: ['ticketing', 'asset-inventory'],
  firstMilestone: 'orientation',
};

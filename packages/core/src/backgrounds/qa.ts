import type { Background } from '../model.js';

export const qa: Background = {
  id: 'qa',
  name: 'QA / test automation engineer',
  summary:
    'You write automation in a real programming language and you are good at finding where software breaks. ' +
    'So far you have been testing features that someone else designed and built. This project asks you to prove the other half: ' +
    'that you can design a system and build features yourself, including the data model and the behavior under failure, ' +
    'and then use your testing skill to show that what you built actually holds up.',
  strengths: [
    'A testing mindset: you look for edge cases, boundary values and unhappy paths by habit',
    'Automation experience in a language also used for backend work, such as Python, Java or TypeScript',
    'Familiarity with HTTP APIs from writing API test suites',
    'Experience running tests in CI and diagnosing flaky ones',
    'Clear bug reports with reproduction steps, which is most of incident debugging',
  ],
  gaps: [
    'System design: choosing how components, data and responsibilities fit together',
    'Feature development: taking a requirement from design through implementation, not just verifying it',
    'Data modeling: designing schemas, relations and migrations',
    'Building resilience into code: timeouts, retries and degradation, rather than detecting their absence',
    'Production experience: deploying and operating a service you own',
  ],
  bridges: [
    {
      known: 'UI and API automation suites',
      backend: 'Contract and integration tests owned by the service',
      explanation:
        'You already know how to structure suites, fixtures and assertions, so the testing milestone is where you set the standard. ' +
        'The shift is in ownership: these tests live beside the code, run against a real database on every change, and pin down the API contract clients depend on rather than checking a deployed build from outside.',
      milestone: 'testing',
    },
    {
      known: 'Boundary-value analysis and equivalence classes',
      backend: 'Input validation and database constraints',
      explanation:
        'The boundaries you used to probe are now rules you write: maximum lengths, allowed ranges, required fields. ' +
        'The difference is that you enforce them twice, in request validation for a friendly error and in the schema as the final guarantee.',
      milestone: 'first-endpoint',
    },
    {
      known: 'Hunting down flaky tests caused by timing and ordering',
      backend: 'Race conditions between concurrent requests',
      explanation:
        'You know that "passes most of the time" usually means a timing bug. ' +
        'Here the fix is not a retry or a longer wait but a transaction or constraint that makes the race impossible.',
      milestone: 'concurrency',
    },
    {
      known: 'Writing bug reports with exact reproduction steps',
      backend: 'Debugging an incident from logs and request ids',
      explanation:
        'Narrowing a failure down to the smallest reproducible case is exactly the skill incident work needs. ' +
        'In production you usually cannot reproduce on demand, so the evidence has to come from what the service logged at the time.',
      milestone: 'observability',
    },
  ],
  emphasis: {
    'first-endpoint': 'deep',
    'schema-design': 'deep',
    testing: 'fast-track',
    'failure-modes': 'deep',
    'ci-cd': 'fast-track',
  },
  notes: {
    orientation:
      'Read the code as its author, not as its tester. Ask why each layer exists and what it is responsible for, since that is the design thinking you are here to practice.',
    'first-endpoint':
      'You will want to write the tests first and then stop. Push through: own the implementation, the error shapes and the status codes, and make the design choices explicit in the code.',
    'schema-design':
      'This is your biggest new skill. Sketch the entities and their relations before writing SQL, and be ready to explain why each constraint and foreign key exists.',
    testing:
      'You can move quickly, so raise the bar instead: contract tests for the response shapes, integration tests against a real database, and no sleeps for synchronization.',
    auth:
      'You have probably tested login flows; now design the permission model. List who may do what to which resource before coding, then turn that table into tests.',
    concurrency:
      'Write the failing concurrent test first, which will feel natural. Then make sure the fix is in the data layer and that the test passes reliably across many runs.',
    'failure-modes':
      'Detecting a timeout in a test is familiar; deciding what the service should do about it is the new part. Choose the timeout, the retry cap and the degraded response, and document why.',
    'ci-cd':
      'Keep the pipeline lean and fast, and make sure a failing test actually blocks the merge. Avoid building a test framework inside the pipeline; the project is about the service.',
  },
  pullForward: ['testing'],
  suggestedDomains: ['test-results', 'ticketing'],
  firstMilestone: 'orientation',
};

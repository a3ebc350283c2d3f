import type { Domain } from '../model.js';

export const testResults: Domain = {
  id: 'test-results',
  name: 'Test results and flaky tests',
  tagline: 'CI test runs and their results, with flaky tests found from evidence and quarantined once',
  pitch:
    'A results service for CI. Every pipeline run reports the outcome of each test case, shard by shard; the service keeps the ' +
    'history of every test, flags a test as flaky when it fails and then passes on retry against the same commit, quarantines it ' +
    'so it stops blocking merges, and tells the owning team in chat. The hard parts sit at the edges: parallel CI jobs spot the ' +
    'same flaky test at the same moment and must open one quarantine between them, not twelve, and a chat service that is down ' +
    'must not lose the message or send it twice.',
  tables: [
    {
      name: 'projects',
      singular: 'project',
      description: 'A repository whose pipeline reports test results here.',
      columns: [
        { name: 'name', type: 'text', maxLength: 100, unique: true, example: 'storefront-web' },
        { name: 'repository_url', type: 'text', maxLength: 300, example: 'https://git.example.com/shop/storefront-web' },
        { name: 'default_branch', type: 'text', maxLength: 100, default: 'main', example: 'main' },
      ],
    },
    {
      name: 'test_runs',
      singular: 'test_run',
      description:
        'One execution of the test suite for one commit, split across shards. A rerun of the same pipeline is a new attempt, not an overwrite.',
      columns: [
        { name: 'project_id', type: 'uuid', references: { table: 'projects', onDelete: 'cascade' }, example: 'e41b7a90-3c5d-4f28-9a16-0d8c2b5f7e34' },
        { name: 'branch', type: 'text', maxLength: 200, example: 'main' },
        { name: 'commit_sha', type: 'text', maxLength: 40, example: '86f7e437faa5a7fce15d1ddcb9eaeaea377667b8' },
        { name: 'attempt', type: 'integer', min: 1, max: 50, default: 1, example: 1 },
        { name: 'status', type: 'text', enum: ['running', 'passed', 'failed', 'errored'], default: 'running', example: 'failed' },
        { name: 'shard_count', type: 'integer', min: 1, max: 256, example: 4 },
        { name: 'started_at', type: 'timestamptz', example: '2027-02-11T09:30:00.000Z' },
        { name: 'finished_at', type: 'timestamptz', nullable: true, example: '2027-02-11T09:41:27.000Z' },
      ],
      uniques: [['project_id', 'commit_sha', 'attempt']],
      checks: [
        { name: 'test_runs_commit_sha_format', sql: "commit_sha ~ '^[0-9a-f]{40}$'" },
        { name: 'test_runs_finished_after_started', sql: 'finished_at IS NULL OR finished_at >= started_at' },
      ],
    },
    {
      name: 'test_cases',
      singular: 'test_case',
      description: 'One test, identified by its file and its full name, with the team that answers for it.',
      columns: [
        { name: 'project_id', type: 'uuid', references: { table: 'projects', onDelete: 'cascade' }, example: 'e41b7a90-3c5d-4f28-9a16-0d8c2b5f7e34' },
        { name: 'file_path', type: 'text', maxLength: 300, example: 'tests/checkout/cart.spec.ts' },
        { name: 'name', type: 'text', maxLength: 300, example: 'applies a discount code only once' },
        { name: 'owner_team', type: 'text', maxLength: 80, nullable: true, example: 'storefront' },
      ],
      uniques: [['project_id', 'file_path', 'name']],
    },
    {
      name: 'test_results',
      singular: 'test_result',
      description: 'The outcome of one test case in one run. A retry inside the same run is its own row, which is how flakiness shows up.',
      columns: [
        { name: 'test_run_id', type: 'uuid', references: { table: 'test_runs', onDelete: 'cascade' }, example: '2b8e5d13-7f4a-4c92-b0e6-a3d1c9f7e508' },
        { name: 'test_case_id', type: 'uuid', references: { table: 'test_cases', onDelete: 'cascade' }, example: 'c5a3f7e1-9d24-4b68-8e0f-6b2d4a8c1e97' },
        { name: 'outcome', type: 'text', enum: ['passed', 'failed', 'skipped'], example: 'failed' },
        { name: 'retry', type: 'integer', min: 0, max: 10, default: 0, example: 0 },
        { name: 'shard', type: 'integer', min: 1, max: 256, example: 2 },
        { name: 'duration_ms', type: 'integer', min: 0, max: 3600000, example: 30012 },
        {
          name: 'error_message',
          type: 'text',
          maxLength: 2000,
          nullable: true,
          example: 'Timed out after 30000 ms waiting for [data-test=order-total]',
        },
      ],
      uniques: [['test_run_id', 'test_case_id', 'retry']],
    },
    {
      name: 'quarantines',
      singular: 'quarantine',
      description: 'A flaky test taken out of the merge gate: it still runs, but its failures no longer fail the pipeline.',
      columns: [
        { name: 'test_case_id', type: 'uuid', references: { table: 'test_cases', onDelete: 'cascade' }, example: 'c5a3f7e1-9d24-4b68-8e0f-6b2d4a8c1e97' },
        { name: 'origin', type: 'text', enum: ['flaky_detector', 'engineer'], example: 'flaky_detector' },
        {
          name: 'reason',
          type: 'text',
          maxLength: 500,
          example: 'Failed, then passed on retry, on the same commit in 4 of the last 20 runs on main',
        },
        { name: 'released_at', type: 'timestamptz', nullable: true, example: '2027-02-18T10:00:00.000Z' },
        { name: 'notified_at', type: 'timestamptz', nullable: true, example: '2027-02-11T09:42:03.000Z' },
      ],
    },
  ],
  primaryResource: 'test_runs',
  filterable: ['status', 'project_id', 'branch'],
  sortable: ['started_at', 'branch', 'created_at'],
  contendedWrite: {
    kind: 'single-winner',
    summary: 'quarantining a flaky test',
    table: 'quarantines',
    scenario:
      'A flaky test fails and then passes on retry in 12 parallel CI jobs on the same commit, and the flaky detector in each job ' +
      'asks to quarantine it within the same second. Exactly one open quarantine may exist for the test case; the other 11 ' +
      'requests get 409, and the owning team gets one chat message, not twelve.',
    collidesOn: ['test_case_id'],
    activeWhen: 'released_at IS NULL',
  },
  dependency: {
    name: 'notification service',
    purpose: 'posts a message about a quarantined test to the chat channel of the team that owns it',
    degradation:
      'keep the quarantine in force and answer 202 with `notified_at` still empty while the service is slow or down, then resend ' +
      'with the same idempotency key, so the team hears about it once, late, rather than twice or never',
    outcome: { column: 'notified_at' },
  },
  hotList: {
    table: 'test_runs',
    route: 'GET /test_runs?status=running&sort=started_at',
    query: "SELECT * FROM test_runs WHERE status = 'running' ORDER BY started_at, id LIMIT 20",
    index: ['status', 'started_at', 'id'],
  },
  seeds: {
    projects: [
      { name: 'storefront-web', repository_url: 'https://git.example.com/shop/storefront-web', default_branch: 'main' },
      { name: 'payments-service', repository_url: 'https://git.example.com/shop/payments-service', default_branch: 'trunk' },
    ],
    test_runs: [
      {
        project_id: { ref: 'projects', index: 0 },
        branch: 'main',
        commit_sha: '86f7e437faa5a7fce15d1ddcb9eaeaea377667b8',
        attempt: 1,
        status: 'failed',
        shard_count: 4,
        started_at: '2027-02-11T09:30:00.000Z',
        finished_at: '2027-02-11T09:41:27.000Z',
      },
      {
        project_id: { ref: 'projects', index: 0 },
        branch: 'main',
        commit_sha: '86f7e437faa5a7fce15d1ddcb9eaeaea377667b8',
        attempt: 2,
        status: 'passed',
        shard_count: 4,
        started_at: '2027-02-11T09:45:00.000Z',
        finished_at: '2027-02-11T09:55:48.000Z',
      },
      {
        project_id: { ref: 'projects', index: 1 },
        branch: 'feature/refund-webhooks',
        commit_sha: 'e9d71f5ee7c92d6dc9e92ffdad17b8bd49418f98',
        attempt: 1,
        status: 'running',
        shard_count: 2,
        started_at: '2027-02-11T10:02:00.000Z',
        finished_at: null,
      },
    ],
    test_cases: [
      { project_id: { ref: 'projects', index: 0 }, file_path: 'tests/checkout/cart.spec.ts', name: 'applies a discount code only once', owner_team: 'storefront' },
      { project_id: { ref: 'projects', index: 0 }, file_path: 'tests/checkout/payment.spec.ts', name: 'shows the 3-D Secure challenge in a modal', owner_team: 'payments' },
      { project_id: { ref: 'projects', index: 1 }, file_path: 'test/refunds/webhook.test.ts', name: 'retries a refund webhook after a 503', owner_team: null },
    ],
    test_results: [
      {
        test_run_id: { ref: 'test_runs', index: 0 },
        test_case_id: { ref: 'test_cases', index: 0 },
        outcome: 'failed',
        retry: 0,
        shard: 2,
        duration_ms: 30012,
        error_message: 'Timed out after 30000 ms waiting for [data-test=order-total]',
      },
      { test_run_id: { ref: 'test_runs', index: 0 }, test_case_id: { ref: 'test_cases', index: 0 }, outcome: 'passed', retry: 1, shard: 2, duration_ms: 2210, error_message: null },
      { test_run_id: { ref: 'test_runs', index: 0 }, test_case_id: { ref: 'test_cases', index: 1 }, outcome: 'failed', retry: 0, shard: 3, duration_ms: 4870, error_message: 'Expected modal to be visible, but it was hidden' },
      { test_run_id: { ref: 'test_runs', index: 1 }, test_case_id: { ref: 'test_cases', index: 0 }, outcome: 'passed', retry: 0, shard: 1, duration_ms: 2145, error_message: null },
      { test_run_id: { ref: 'test_runs', index: 1 }, test_case_id: { ref: 'test_cases', index: 1 }, outcome: 'passed', retry: 0, shard: 3, duration_ms: 4630, error_message: null },
    ],
    quarantines: [
      {
        test_case_id: { ref: 'test_cases', index: 0 },
        origin: 'flaky_detector',
        reason: 'Failed, then passed on retry, on the same commit in 4 of the last 20 runs on main',
        released_at: null,
        notified_at: '2027-02-11T09:42:03.000Z',
      },
    ],
  },
};

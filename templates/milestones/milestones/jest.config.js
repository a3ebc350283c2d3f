/**
 * The milestone checks. They run the project's own app against a database of their own, started by
 * the same global setup as the tests, and they live apart from `test/` so editing a test never
 * changes what a check verifies. `milestone verify` proves these files are as generated.
 */
/** @type {import('jest').Config} */
export default {
  rootDir: '..',
  testEnvironment: 'node',
  roots: ['<rootDir>/milestones/checks'],
  testMatch: ['**/*.check.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2023' }, module: { type: 'commonjs' } }],
  },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  maxWorkers: 1,
};

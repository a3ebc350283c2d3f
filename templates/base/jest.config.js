/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // `*.todo.test.ts` hold rules still to build, left by `gen resource`: they fail until done, so only
  // the `test:todo` script runs them.
  testPathIgnorePatterns: ['/node_modules/', '\\.todo\\.test\\.ts$'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2023' }, module: { type: 'commonjs' } }],
  },
  // Sources import with `.js` extensions, as Node's ESM resolution requires; jest resolves the `.ts` file.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  // One database, reset between tests: files run one after another.
  maxWorkers: 1,
};

import type { ProjectAnswers } from '../index.js';

/** Answers for a test project: a frontend learner on the ticketing domain, with pnpm and a fixed start date, changed by `overrides`. */
export const testAnswers = (overrides: Partial<ProjectAnswers> = {}): ProjectAnswers => ({
  projectName: 'demo',
  background: 'frontend',
  domain: 'ticketing',
  packageManager: 'pnpm',
  deploy: 'compose',
  hoursPerWeek: 8,
  startDate: '2026-01-05',
  mentor: false,
  ...overrides,
});

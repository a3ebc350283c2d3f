export * from './questions.js';
export * from './answers.js';
export * from './report.js';

export * from './model.js';
export * from './catalog.js';
export { BACKGROUNDS } from './backgrounds/index.js';
export { DOMAINS } from './domains/index.js';
export * from './versions.js';
export { MILESTONE_DEFINITIONS, milestonesFor } from './milestones/index.js';
export * from './plan.js';
export { allColumnNames, article, foreignKeyTarget, primaryTable, secondaryTable, uniqueTarget } from './milestones/text.js';

export * from './model.js';
export * from './catalog.js';
export { BACKGROUNDS } from './backgrounds/index.js';
export { DOMAINS } from './domains/index.js';
export * from './versions.js';
export { MILESTONE_DEFINITIONS, milestonesFor } from './milestones/index.js';
export * from './plan.js';
export { allColumnNames, article, secondaryTable } from './milestones/text.js';
// The concurrency check and its reference solution read the contended write the milestone text describes.
export { contendedBody, contendedRoute, contendedTable, parentOf } from './milestones/text.js';

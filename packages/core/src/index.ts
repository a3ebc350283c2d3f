export * from './model.js';
export * from './catalog.js';
export { BACKGROUNDS } from './backgrounds/index.js';
export { DOMAINS } from './domains/index.js';
export * from './versions.js';
export { MILESTONE_DEFINITIONS, milestonesFor } from './milestones/index.js';
export * from './plan.js';
export { allColumnNames, article, secondaryTable } from './milestones/text.js';
export {
  blankableColumn,
  checkedColumn,
  foreignKeys,
  foreignKeyTarget,
  primaryRelation,
  primaryTable,
  uniqueKeys,
  uniqueTarget,
  violatingLiteral,
} from './milestones/text.js';

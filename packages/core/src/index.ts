export * from './model.js';
export * from './catalog.js';
export { BACKGROUNDS } from './backgrounds/index.js';
export { DOMAINS } from './domains/index.js';
export * from './versions.js';
export { MILESTONE_DEFINITIONS, milestonesFor } from './milestones/index.js';
export * from './plan.js';
export {
  allColumnNames,
  article,
  blankableColumn,
  checkedColumn,
  contendedBody,
  contendedRoute,
  contendedTable,
  dependencyEnvPrefix,
  dependencyKebab,
  dependencyRoute,
  dependencySlug,
  foreignKeys,
  foreignKeyTarget,
  parentOf,
  primaryRelation,
  primaryTable,
  secondaryTable,
  tableNamed,
  uniqueKeys,
  uniqueTarget,
  violatingLiteral,
} from './milestones/text.js';
export * from './assess/index.js';
export { RUBRIC_DEFINITIONS, rubricFor, type CommonMistake, type Rubric, type RubricLevels, type RubricSign } from './rubrics/index.js';
export * from './incidents/index.js';

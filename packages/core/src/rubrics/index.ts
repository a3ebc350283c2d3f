import type { MilestoneContext, MilestoneId } from '../model.js';
import { orientation } from './01-orientation.js';
import { firstEndpoint } from './02-first-endpoint.js';
import { schemaDesign } from './03-schema-design.js';
import { indexes } from './04-indexes.js';
import { testing } from './05-testing.js';
import { auth } from './06-auth.js';
import { concurrency } from './07-concurrency.js';
import { failureModes } from './08-failure-modes.js';
import { observability } from './09-observability.js';
import { containers } from './10-containers.js';
import { ciCd } from './11-ci-cd.js';
import { deploy } from './12-deploy.js';
import type { Rubric, RubricDefinition } from './types.js';

export type { CommonMistake, Rubric, RubricDefinition, RubricLevels, RubricSign } from './types.js';

/** One rubric per milestone, for mentors reviewing the learner's work. */
export const RUBRIC_DEFINITIONS: Readonly<Record<MilestoneId, RubricDefinition>> = {
  orientation,
  'first-endpoint': firstEndpoint,
  'schema-design': schemaDesign,
  indexes,
  testing,
  auth,
  concurrency,
  'failure-modes': failureModes,
  observability,
  containers,
  'ci-cd': ciCd,
  deploy,
};

/** The rubric for one milestone, written against the project's domain. */
export function rubricFor(id: MilestoneId, context: MilestoneContext): Rubric {
  return RUBRIC_DEFINITIONS[id](context);
}

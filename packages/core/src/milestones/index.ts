import type { Milestone, MilestoneContext, MilestoneDefinition } from '../model.js';
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

/** Every milestone, in the default order of the job's arc. */
export const MILESTONE_DEFINITIONS: readonly MilestoneDefinition[] = [
  orientation,
  firstEndpoint,
  schemaDesign,
  indexes,
  testing,
  auth,
  concurrency,
  failureModes,
  observability,
  containers,
  ciCd,
  deploy,
];

/** The milestones written for one person's background and domain. */
export function milestonesFor(context: MilestoneContext): readonly Milestone[] {
  return MILESTONE_DEFINITIONS.map((define) => define(context));
}

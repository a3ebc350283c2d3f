import { existsSync } from 'node:fs';
import path from 'node:path';
import { base } from './base/index.js';
import { ci } from './ci/index.js';
import { container } from './container/index.js';
import { database } from './database/index.js';
import { deploy } from './deploy/index.js';
import { docs } from './docs/index.js';
import { gen } from './gen/index.js';
import { mentor } from './mentor/index.js';
import { incidents } from './incidents/index.js';
import { milestones } from './milestones/index.js';
import type { Feature, FeatureContext, PlannedFile } from './kit.js';
import { RenderError, runActions } from './plop.js';
import { resource } from './resource/index.js';
import { buildProjectView, type ProjectAnswers } from './view/project.js';

export { RenderError } from './plop.js';
export * from './view/project.js';
export { MIGRATE_COMMAND } from './container/index.js';
export { DEFAULT_DEPLOY_TARGET, DEPLOY_TARGET_IDS, DEPLOY_TARGETS, type DeployTargetId, isDeployTarget } from './deploy/index.js';
export { buildPlanView, MILESTONES_DIR, milestoneFileName, personName, planDocument, type PlanView } from './view/plan.js';
export { renderFitMarkdown, renderPlanMarkdown } from './docs/index.js';

/** Every feature, in the order its files are written. A new feature is a new folder and one line here. */
export const FEATURES: readonly Feature[] = [base, database, resource, gen, container, ci, deploy, docs, milestones, incidents, mentor];

/** Writes the project for `answers` into `destination`, which must exist and hold none of its files. */
export async function renderProject(
  answers: ProjectAnswers,
  { destination, templatesDir }: { destination: string; templatesDir: string },
): Promise<string[]> {
  const files = await planProject(answers, { destination, templatesDir });
  const existing = files.filter((file) => existsSync(file.target));
  if (existing.length > 0) {
    // Checked before writing anything: node-plop stops at the first clash and rolls nothing back.
    throw new RenderError(existing.map((file) => ({ path: path.relative(destination, file.target), error: 'already exists' })));
  }
  await runActions(
    files.map((file) => file.action),
    buildProjectView(answers),
    { destination, templatesDir },
  );
  return files.map((file) => path.relative(destination, file.target));
}

/** Every file the answers produce, in write order, without writing anything. */
export async function planProject(
  answers: ProjectAnswers,
  { destination, templatesDir }: { destination: string; templatesDir: string },
): Promise<PlannedFile[]> {
  const context: FeatureContext = { view: buildProjectView(answers), templatesDir, destination };
  return (await Promise.all(FEATURES.map((feature) => feature.files(context)))).flat();
}

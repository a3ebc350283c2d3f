import path from 'node:path';
import { base } from './base/index.js';
import { database } from './database/index.js';
import { docs } from './docs/index.js';
import type { Feature, FeatureContext } from './kit.js';
import { runActions } from './plop.js';
import { resource } from './resource/index.js';
import { buildProjectView, type ProjectAnswers } from './view/project.js';

export { RenderError } from './plop.js';
export * from './view/project.js';

/** Every feature, in the order its files are written. A new feature is a new folder and one line here. */
export const FEATURES: readonly Feature[] = [base, database, resource, docs];

/** Writes the project for `answers` into `destination`, which must exist and hold none of its files. */
export async function renderProject(
  answers: ProjectAnswers,
  { destination, templatesDir }: { destination: string; templatesDir: string },
): Promise<string[]> {
  const view = buildProjectView(answers);
  const context: FeatureContext = { view, templatesDir, destination };
  const actions = (await Promise.all(FEATURES.map((feature) => feature.actions(context)))).flat();
  const written = await runActions(actions, view, { destination, templatesDir });
  return written.map((file) => path.relative(destination, path.resolve(destination, file)));
}

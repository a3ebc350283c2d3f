import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MILESTONE_IDS, type MilestoneId } from '@create-backend-portfolio/core';
import { buildProjectView, type ProjectAnswers, type ProjectView } from '../view/project.js';
import { loadByName, type MilestoneSolution, type SolutionFile } from './kit.js';

export type { Mistake, MilestoneSolution, SolutionFile } from './kit.js';
export { failsOf } from './kit.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const TEMPLATES_DIR = path.resolve(here, '../../templates');

/**
 * Reference solutions, kept in this repository and never shipped in a generated project: one module
 * per milestone, `<milestone-id>.ts` next to this file, found by name, so adding one is adding a file.
 */
export function loadSolutions(): Promise<Map<MilestoneId, MilestoneSolution>> {
  return loadByName<MilestoneId, MilestoneSolution>(here, MILESTONE_IDS);
}

/** The view a generated project was rendered from, rebuilt from the answers it records. */
export async function projectView(project: string): Promise<ProjectView> {
  const data = path.join(project, 'milestones/milestones.json');
  if (!existsSync(data)) throw new Error(`${project} is not a generated project: milestones/milestones.json is missing`);
  const { answers } = JSON.parse(await readFile(data, 'utf8')) as { answers: ProjectAnswers };
  return buildProjectView(answers);
}

export async function writeFiles(project: string, files: readonly SolutionFile[]): Promise<void> {
  for (const file of files) {
    const destination = path.join(project, file.relative);
    await mkdir(path.dirname(destination), { recursive: true });
    await writeFile(destination, file.content);
  }
}

export const projectReader = (project: string) => (relative: string) => readFile(path.join(project, relative), 'utf8');

/**
 * Applies reference solutions to a generated project, to prove the milestone checks honest:
 *   pnpm apply-solution <project-dir> <milestone-id|all>
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MILESTONE_IDS, type MilestoneId } from '@create-backend-portfolio/core';
import { buildProjectView, type ProjectAnswers } from '../view/project.js';
import { SOLUTIONS } from './index.js';

const templatesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../templates');
const available = MILESTONE_IDS.filter((id) => SOLUTIONS[id] !== undefined);

async function main([dir, target]: string[]): Promise<void> {
  if (dir === undefined || target === undefined) throw new Error(`usage: apply-solution <project-dir> <${available.join('|')}|all>`);
  const project = path.resolve(process.env.INIT_CWD ?? process.cwd(), dir);
  const data = path.join(project, 'milestones/milestones.json');
  if (!existsSync(data)) throw new Error(`${project} is not a generated project: milestones/milestones.json is missing`);
  if (target !== 'all' && !available.includes(target as MilestoneId)) {
    throw new Error(`no reference solution for "${target}"; available: ${available.join(', ')}, or all`);
  }
  const { answers } = JSON.parse(await readFile(data, 'utf8')) as { answers: ProjectAnswers };
  const view = buildProjectView(answers);
  for (const id of target === 'all' ? available : [target as MilestoneId]) {
    const files = (await SOLUTIONS[id]?.(view, templatesDir)) ?? [];
    for (const file of files) {
      const destination = path.join(project, file.relative);
      await mkdir(path.dirname(destination), { recursive: true });
      await writeFile(destination, file.content);
    }
    console.log(`${id}: wrote ${files.map((file) => file.relative).join(', ')}`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});

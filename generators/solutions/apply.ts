/**
 * Applies reference solutions to a generated project, to prove the milestone checks honest:
 *   pnpm apply-solution <project-dir> <milestone-id|all>
 *   pnpm apply-solution <project-dir> <milestone-id> --mistake <n>   (a common mistake on top of the solution)
 */
import path from 'node:path';
import type { MilestoneId } from '@create-backend-portfolio/core';
import { failsOf, loadSolutions, projectReader, projectView, TEMPLATES_DIR, writeFiles } from './index.js';

async function main([dir, target, flag, value]: string[]): Promise<void> {
  const solutions = await loadSolutions();
  const available = [...solutions.keys()];
  if (dir === undefined || target === undefined) throw new Error(`usage: apply-solution <project-dir> <${available.join('|')}|all> [--mistake <n>]`);
  const project = path.resolve(process.env.INIT_CWD ?? process.cwd(), dir);
  if (target !== 'all' && !solutions.has(target as MilestoneId)) {
    throw new Error(`no reference solution for "${target}"; available: ${available.join(', ')}, or all`);
  }
  const view = await projectView(project);
  if (flag === '--mistake') {
    const mistakes = solutions.get(target as MilestoneId)?.mistakes ?? [];
    const mistake = mistakes[Number(value) - 1];
    if (mistake === undefined) throw new Error(`${target} has mistakes 1 to ${mistakes.length}:\n${mistakes.map((m, i) => `  ${i + 1}. ${m.name}`).join('\n')}`);
    const files = await mistake.edit(view, projectReader(project));
    await writeFiles(project, files);
    console.log(`${target}, mistake "${mistake.name}": wrote ${files.map((file) => file.relative).join(', ')}; the check should fail ${failsOf(mistake, view).join(', ')}`);
    return;
  }
  for (const id of target === 'all' ? available : [target as MilestoneId]) {
    const files = (await solutions.get(id)?.files(view, TEMPLATES_DIR, projectReader(project))) ?? [];
    await writeFiles(project, files);
    console.log(`${id}: wrote ${files.map((file) => file.relative).join(', ')}`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});

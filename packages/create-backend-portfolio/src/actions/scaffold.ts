import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { buildProjectView, MILESTONES_DIR, packageManagerView, renderProject } from '@create-backend-portfolio/generators';
import type { ResolvedCreate } from '../commands/resolve.js';
import { ui } from '../ui.js';
import { initRepository } from './git.js';
import { installDependencies } from './install.js';
import { conflictingEntries } from './target-dir.js';

export class TargetNotEmpty extends Error {
  constructor(readonly dir: string, readonly conflicts: readonly string[]) {
    const shown = conflicts.slice(0, 10).map((entry) => `  - ${entry}`);
    if (conflicts.length > 10) shown.push(`  … and ${conflicts.length - 10} more`);
    super(`${dir} is not empty. These entries would conflict:\n${shown.join('\n')}\nChoose another folder, or empty this one.`);
    this.name = 'TargetNotEmpty';
  }
}

/** Writes the project, then creates the repository and installs. Returns the process exit code. */
export async function scaffold(resolved: ResolvedCreate, { cwd, templatesDir }: { cwd: string; templatesDir: string }): Promise<number> {
  const root = path.resolve(cwd, resolved.target);
  const conflicts = await conflictingEntries(root);
  if (conflicts.length > 0) throw new TargetNotEmpty(resolved.target, conflicts);

  const createdRoot = (await mkdir(root, { recursive: true })) !== undefined;
  ui.step(`Writing ${resolved.answers.domain} project to ${resolved.target}`);
  let written: string[];
  try {
    written = await renderProject(resolved.answers, { destination: root, templatesDir });
  } catch (error) {
    // Remove only what this run created: the whole folder if we made it, otherwise nothing of the person's.
    if (createdRoot) await rm(root, { recursive: true, force: true });
    throw error;
  }
  ui.success(`Wrote ${written.length} files`);

  if (resolved.git) {
    const git = await initRepository(root);
    if (git.outcome === 'created') ui.success('Created a git repository with a first commit');
    if (git.outcome === 'inside-repository') ui.info('Inside an existing git repository: left version control to it.');
    if (git.outcome === 'git-missing') ui.warn('git is not installed: skipped creating a repository.');
    if (git.outcome === 'failed') ui.warn(`Could not create a git repository (${git.detail}); the files are all there.`);
  }

  const pm = resolved.answers.packageManager;
  const cd = path.relative(cwd, root) || '.';
  if (resolved.install) {
    ui.step(`Installing dependencies with ${pm}`);
    const installed = await installDependencies(root, pm);
    if (!installed.ok) {
      ui.error(`Installing dependencies failed. The project is in ${cd}; nothing was removed. Retry with:\n\n  cd ${cd} && ${installed.command}\n`);
      return 1;
    }
    ui.success('Installed dependencies');
  }
  printNextSteps(resolved, cd);
  return 0;
}

function printNextSteps(resolved: ResolvedCreate, cd: string): void {
  const pm = packageManagerView(resolved.answers.packageManager);
  const { plan } = buildProjectView(resolved.answers);
  const lines = [`cd ${cd}`];
  if (!resolved.install) lines.push(pm.install);
  lines.push(`${pm.run} dev      # the API on http://localhost:3000`, `${pm.run} test     # the integration tests`);
  ui.info(`\nNext steps:\n\n${lines.map((line) => `  ${line}`).join('\n')}\n`);
  ui.info(
    `Your plan, tuned for ${plan.background.person}, is in ${MILESTONES_DIR}/README.md: ${plan.milestones.length} milestones, ` +
      `${plan.startDate} to ${plan.endDate} at ${plan.hoursPerWeek} hours a week. Start with ${MILESTONES_DIR}/${plan.first.file}.`,
  );
  if (resolved.answers.mentor) ui.info('Mentor notes, a rubric and the reference approach per milestone, are in docs/mentor/README.md.');
}

import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { buildProjectView, MILESTONES_DIR, packageManagerView, planProject, renderProject } from '@create-backend-portfolio/generators';
import type { ResolvedCreate } from '../commands/resolve.js';
import { ui } from '../ui.js';
import { initRepository } from './git.js';
import { installDependencies } from './install.js';
import { interruptible } from './interrupt.js';
import { Journal } from './journal.js';
import { conflictingEntries, TargetUnusable } from './target-dir.js';
import { fileTree } from './tree.js';

export class TargetNotEmpty extends Error {
  constructor(readonly dir: string, readonly conflicts: readonly string[]) {
    const shown = conflicts.slice(0, 10).map((entry) => `  - ${entry}`);
    if (conflicts.length > 10) shown.push(`  … and ${conflicts.length - 10} more`);
    super(
      `${dir} is not empty. These entries would conflict:\n${shown.join('\n')}\n` +
        'Choose another folder, empty this one, or pass --overwrite to replace the files the project also has (the rest are kept).',
    );
    this.name = 'TargetNotEmpty';
  }
}

/** Stops between steps once Ctrl-C or SIGTERM arrived, so nothing new starts while the run is undone. */
function stopIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw new Error('interrupted');
}

/** Writes the project, then creates the repository and installs. Returns the process exit code. */
export async function scaffold(resolved: ResolvedCreate, { cwd, templatesDir }: { cwd: string; templatesDir: string }): Promise<number> {
  const root = path.resolve(cwd, resolved.target);
  const conflicts = await conflictingEntries(root, cwd);
  if (conflicts.length > 0 && !resolved.overwrite) throw new TargetNotEmpty(resolved.target, conflicts);

  const planned = (await planProject(resolved.answers, { destination: root, templatesDir })).map((file) => file.target);
  const journal = await Journal.open(root, planned);
  if (resolved.dryRun) {
    const clashes = new Set(journal.clashes());
    ui.info(`Would write ${planned.length} files to ${resolved.target} (nothing was written):\n`);
    ui.info(fileTree(path.basename(root), planned.map((file) => path.relative(root, file)), (file) => clashes.has(path.join(root, file)) ? 'replaces an existing file' : undefined));
    return 0;
  }

  return interruptible(
    async (signal) => {
      await mkdir(root, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
        throw new TargetUnusable(`Cannot create ${resolved.target} (${error.code ?? String(error)}): check the parent folder's permissions, or choose another folder.`);
      });
      if (resolved.overwrite) {
        const replaced = await journal.setAsideClashes();
        if (replaced.length > 0) ui.warn(`Replacing ${replaced.length} existing file(s): ${replaced.map((file) => path.relative(root, file)).join(', ')}`);
      }
      ui.step(`Writing ${resolved.answers.domain} project to ${resolved.target}`);
      try {
        await renderProject(resolved.answers, { destination: root, templatesDir });
      } catch (error) {
        await journal.undo();
        throw error;
      }
      ui.success(`Wrote ${planned.length} files`);
      stopIfAborted(signal);

      if (resolved.git) {
        const git = await initRepository(root);
        if (git.outcome === 'created') ui.success('Created a git repository with a first commit');
        if (git.outcome === 'inside-repository') ui.info('Inside an existing git repository: left version control to it.');
        if (git.outcome === 'git-missing') ui.warn('git is not installed: skipped creating a repository.');
        if (git.outcome === 'failed') ui.warn(`Could not create a git repository (${git.detail}); the files are all there.`);
      }
      stopIfAborted(signal);

      const pm = resolved.answers.packageManager;
      const cd = path.relative(cwd, root) || '.';
      if (resolved.install) {
        ui.step(`Installing dependencies with ${pm}`);
        const installed = await installDependencies(root, pm, signal);
        stopIfAborted(signal);
        if (!installed.ok) {
          ui.error(`Installing dependencies failed. The project is in ${cd}; nothing was removed. Retry with:\n\n  cd ${cd} && ${installed.command}\n`);
          return 1;
        }
        ui.success('Installed dependencies');
      }
      printNextSteps(resolved, cd);
      return 0;
    },
    async (name) => {
      ui.error(`Stopped by ${name}. Removing what this run created in ${resolved.target}…`);
      await journal.undo();
      ui.info(journal.rootExisted ? `${resolved.target} is as it was before.` : `Removed ${resolved.target}.`);
    },
  );
}

function printNextSteps(resolved: ResolvedCreate, cd: string): void {
  const pm = packageManagerView(resolved.answers.packageManager);
  const { plan } = buildProjectView(resolved.answers);
  const lines = cd === '.' ? [] : [`cd ${cd}`];
  if (!resolved.install) lines.push(pm.install);
  lines.push(`${pm.run} dev      # the API on http://localhost:3000`, `${pm.run} test     # the integration tests`);
  ui.info(`\nNext steps:\n\n${lines.map((line) => `  ${line}`).join('\n')}\n`);
  ui.info(
    `Your plan, tuned for ${plan.background.person}, is in ${MILESTONES_DIR}/README.md: ${plan.milestones.length} milestones, ` +
      `${plan.startDate} to ${plan.endDate} at ${plan.pace}. Start with ${MILESTONES_DIR}/${plan.first.file}.`,
  );
  if (resolved.answers.mentor) ui.info('Mentor notes, a rubric and the reference approach per milestone, are in docs/mentor/README.md.');
}

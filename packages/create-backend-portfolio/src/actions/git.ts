import { execa } from 'execa';

export type GitOutcome = 'created' | 'inside-repository' | 'git-missing' | 'failed';

/** `git init` with one first commit. Skipped when the folder is already inside a work tree. */
export async function initRepository(dir: string): Promise<{ outcome: GitOutcome; detail?: string }> {
  // With reject: false, execa hands a spawn failure back as the result instead of throwing it.
  const inside = await execa('git', ['rev-parse', '--is-inside-work-tree'], { cwd: dir, reject: false });
  if ((inside as { code?: string }).code === 'ENOENT') return { outcome: 'git-missing' };
  if (inside.exitCode === 0 && inside.stdout.trim() === 'true') return { outcome: 'inside-repository' };
  try {
    await execa('git', ['init', '--quiet', '--initial-branch=main'], { cwd: dir });
    await execa('git', ['add', '--all'], { cwd: dir });
    // A machine without a git identity still gets its first commit; the person's own identity wins when set.
    const identity = await execa('git', ['config', 'user.email'], { cwd: dir, reject: false });
    const fallback = identity.exitCode === 0 ? [] : ['-c', 'user.name=create-backend-portfolio', '-c', 'user.email=scaffold@localhost'];
    await execa('git', [...fallback, 'commit', '--quiet', '--no-verify', '-m', 'Initial commit from create-backend-portfolio'], { cwd: dir });
    return { outcome: 'created' };
  } catch (error) {
    return { outcome: 'failed', detail: (error as { shortMessage?: string }).shortMessage ?? String(error) };
  }
}

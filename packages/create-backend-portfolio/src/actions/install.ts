import type { PackageManager } from '@create-backend-portfolio/generators';
import { execa } from 'execa';
import { installCommand } from '../package-manager.js';

/**
 * Runs the install with the package manager's own progress output on the terminal, so a
 * failure shows its real error text rather than a spinner that just stops.
 */
export async function installDependencies(dir: string, pm: PackageManager, signal?: AbortSignal): Promise<{ ok: boolean; command: string }> {
  const { command, args } = installCommand(pm);
  const printable = [command, ...args].join(' ');
  try {
    const result = await execa(command, args, { cwd: dir, stdio: 'inherit', reject: false, cancelSignal: signal });
    return { ok: result.exitCode === 0, command: printable };
  } catch {
    return { ok: false, command: printable };
  }
}

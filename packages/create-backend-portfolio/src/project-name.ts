import path from 'node:path';
import validate from 'validate-npm-package-name';

export type NameCheck = { ok: true; packageName: string } | { ok: false; reason: string };

/**
 * Checks the folder a person asked for, and the package name derived from it, before anything
 * is written. The folder may be nested (`apps/api`) but may not climb out of the current folder.
 */
export function checkTarget(target: string, cwd: string): NameCheck {
  if (target.trim() === '') return { ok: false, reason: 'The project folder name is empty.' };
  if (path.isAbsolute(target) || target.split(/[\\/]/).includes('..')) {
    return {
      ok: false,
      reason: `"${target}" points outside the current folder. Run the command from where the project should live and give a plain name, such as my-api.`,
    };
  }
  // Resolved, so `.` (the current folder) is named after that folder.
  const packageName = path.basename(path.resolve(cwd, target)).toLowerCase().replace(/\s+/g, '-');
  const result = validate(packageName);
  if (!result.validForNewPackages) {
    const problems = [...(result.errors ?? []), ...(result.warnings ?? [])];
    return {
      ok: false,
      reason: `"${packageName}" cannot be a package name: ${problems.join('; ')}. Use lowercase letters, digits and dashes, such as my-api.`,
    };
  }
  return { ok: true, packageName };
}

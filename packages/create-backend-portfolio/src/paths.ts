import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The templates folder. In the published package the bin is `dist/bin.js` and `templates/` sits beside
 * `dist/`. In a checkout it is the repository's own `templates/`, never the copy a build leaves in the
 * package folder, which would go stale as soon as a template changes.
 */
export function findTemplatesDir(from: string): string {
  const packaged = path.join(from, '..', 'templates');
  if (path.basename(from) === 'dist' && existsSync(path.join(packaged, 'base'))) return packaged;
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'templates');
    if (existsSync(path.join(dir, 'pnpm-workspace.yaml')) && existsSync(path.join(candidate, 'base'))) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`no templates folder for ${from}: the package is incomplete`);
  }
}

export function packageVersion(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest)) {
      const { name, version } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string };
      if (name === 'create-backend-portfolio' && version !== undefined) return version;
    }
    if (path.dirname(dir) === dir) return '0.0.0';
  }
}

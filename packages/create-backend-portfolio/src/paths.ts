import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The templates folder: next to `dist/` in the published package, at the repository root when
 * running from a checkout.
 */
export function findTemplatesDir(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'templates');
    if (existsSync(path.join(candidate, 'base'))) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`no templates folder above ${from}: the package is incomplete`);
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

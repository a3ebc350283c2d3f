/**
 * Builds the published package: `dist/bin.js`, one ES module holding the CLI with the workspace's core and
 * generators inlined (they are not published on their own), and `templates/`, copied from the repository
 * root. Runtime dependencies stay external and are installed from the package's own `dependencies`.
 *   pnpm --filter create-backend-portfolio build
 */
import { cp, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';

const here = import.meta.dirname;
const manifest = JSON.parse(await readFile(path.join(here, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };

await rm(path.join(here, 'dist'), { recursive: true, force: true });
await build({
  entryPoints: [path.join(here, 'src/bin.ts')],
  outfile: path.join(here, 'dist/bin.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  external: Object.keys(manifest.dependencies),
  logLevel: 'warning',
});

// A fresh copy, so a template deleted in the repository is not shipped from an earlier build.
const templates = path.join(here, 'templates');
await rm(templates, { recursive: true, force: true });
await cp(path.resolve(here, '../../templates'), templates, { recursive: true });

/**
 * Builds the published package: `dist/bin.js`, one ES module holding the CLI with the workspace's core and
 * generators inlined (they are not published on their own), and `templates/`, copied from the repository
 * root. Runtime dependencies stay external and are installed from the package's own `dependencies`.
 *   pnpm --filter create-backend-portfolio build
 */
import { cp, rm } from 'node:fs/promises';
import path from 'node:path';
import { bundleCli } from './bundle.js';

const here = import.meta.dirname;

await rm(path.join(here, 'dist'), { recursive: true, force: true });
await bundleCli(path.join(here, 'dist/bin.js'));

// A fresh copy, so a template deleted in the repository is not shipped from an earlier build.
const templates = path.join(here, 'templates');
await rm(templates, { recursive: true, force: true });
await cp(path.resolve(here, '../../templates'), templates, { recursive: true });

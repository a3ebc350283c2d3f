import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';

const here = import.meta.dirname;

/**
 * Bundles the CLI into one ES module at `outfile`: the workspace's core and generators inlined (they are not
 * published on their own), the runtime dependencies left external and resolved from this package.
 */
export async function bundleCli(outfile: string): Promise<void> {
  const manifest = JSON.parse(await readFile(path.join(here, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  await build({
    entryPoints: [path.join(here, 'src/bin.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    external: Object.keys(manifest.dependencies),
    logLevel: 'warning',
  });
}

import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execa, type ResultPromise } from 'execa';
import { REPO_ROOT } from './cli.js';
import { freePort } from './project.js';

export interface LocalRegistry {
  readonly url: string;
  /** An npm config file that can publish to the registry. */
  readonly userconfig: string;
  stop(): Promise<void>;
}

/**
 * verdaccio on loopback, holding what we publish and proxying everything else to the registry npm
 * uses here. Our own package name is never proxied, so the test cannot install a copy from upstream.
 */
export async function startRegistry(dir: string, upstream: string): Promise<LocalRegistry> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const config = path.join(dir, 'verdaccio.yaml');
  await writeFile(
    config,
    [
      `storage: ${path.join(dir, 'storage')}`,
      'uplinks:',
      '  upstream:',
      `    url: ${upstream}`,
      '    timeout: 60s',
      'packages:',
      "  'create-backend-portfolio':",
      '    access: $all',
      '    publish: $all',
      "  '**':",
      '    access: $all',
      '    proxy: upstream',
      'log: { type: stdout, format: pretty, level: warn }',
      '',
    ].join('\n'),
  );
  const userconfig = path.join(dir, 'publish.npmrc');
  await writeFile(userconfig, `registry=${url}\n//127.0.0.1:${port}/:_authToken=local-test-only\n`);
  const bin = path.join(REPO_ROOT, 'packages/create-backend-portfolio/node_modules/.bin/verdaccio');
  const server: ResultPromise = execa(bin, ['--config', config, '--listen', `127.0.0.1:${port}`], { reject: false, all: true });
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(`${url}-/ping`)).ok) break;
    } catch {
      if (Date.now() > deadline) {
        server.kill();
        throw new Error(`verdaccio did not start:\n${(await server).all}`);
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    userconfig,
    async stop() {
      server.kill('SIGTERM');
      await server;
    },
  };
}

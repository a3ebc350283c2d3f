import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { execa } from 'execa';
import { REPO_ROOT, suiteDir } from '../support/cli.js';
import { type LocalRegistry, startRegistry } from '../support/registry.js';

/**
 * The package as users get it: packed, published to a registry on loopback, and run with the exact
 * command a person types. This catches files missing from the tarball, a bin that only works inside
 * the monorepo, and dependencies that exist here only as workspace links.
 */
describe('the published package', () => {
  const dir = suiteDir('publish');
  let registry: LocalRegistry;
  let tarball: string;

  before(async () => {
    const upstream = (await execa('npm', ['config', 'get', 'registry'])).stdout.trim();
    registry = await startRegistry(dir(), upstream);
  });

  after(async () => {
    await registry?.stop();
  });

  /** Runs a command as a person would in a fresh, empty folder: outside this repository's package manager, without a TTY. */
  async function userRuns(folder: string, command: string, args: readonly string[]) {
    const cwd = path.join(dir(), folder);
    await mkdir(cwd);
    const created = await execa(command, args, { cwd, reject: false, all: true, timeout: 300_000, env: { CI: 'true', NO_COLOR: '1', npm_config_user_agent: undefined } });
    return { cwd, created };
  }

  it('packs with its bin, its templates and no workspace-only dependency', async () => {
    const packed = await execa('pnpm', ['pack', '--pack-destination', dir()], { cwd: path.join(REPO_ROOT, 'packages/create-backend-portfolio'), all: true });
    tarball = path.join(dir(), (await readdir(dir())).find((name) => name.endsWith('.tgz'))!);
    assert.ok(existsSync(tarball), packed.all);
    const listing = (await execa('tar', ['tzf', tarball])).stdout.split('\n');
    assert.ok(listing.includes('package/dist/bin.js'), 'the bin is in the tarball');
    for (const feature of ['base', 'database', 'resource', 'docs', 'milestones']) {
      assert.ok(listing.some((file) => file.startsWith(`package/templates/${feature}/`)), `templates/${feature} is in the tarball`);
    }
    // npm drops files named .gitignore from tarballs; ours are shipped as _gitignore and renamed on write.
    assert.ok(listing.includes('package/templates/base/_gitignore'));
    const manifest = JSON.parse((await execa('tar', ['xzOf', tarball, 'package/package.json'])).stdout) as { dependencies: Record<string, string> };
    for (const [name, range] of Object.entries(manifest.dependencies)) assert.doesNotMatch(range, /workspace:/, `${name} is a real dependency`);
  });

  it('publishes to the local registry', async () => {
    const published = await execa('npm', ['publish', tarball, '--registry', registry.url, '--userconfig', registry.userconfig], { reject: false, all: true });
    assert.equal(published.exitCode, 0, published.all);
    const info = await (await fetch(`${registry.url}create-backend-portfolio`)).json() as { 'dist-tags': { latest: string } };
    assert.equal(info['dist-tags'].latest, JSON.parse(await readFile(path.join(REPO_ROOT, 'packages/create-backend-portfolio/package.json'), 'utf8')).version);
  });

  it('`pnpm create backend-portfolio demo --yes` makes a project that installs and passes its tests', async () => {
    const { cwd, created } = await userRuns('pnpm-user', 'pnpm', [`--registry=${registry.url}`, 'create', 'backend-portfolio', 'demo', '--yes']);
    assert.equal(created.exitCode, 0, created.all);
    const project = path.join(cwd, 'demo');
    assert.ok(existsSync(path.join(project, 'pnpm-lock.yaml')), `installed with pnpm\n${created.all}`);
    const pkg = JSON.parse(await readFile(path.join(project, 'package.json'), 'utf8')) as { packageManager?: string };
    assert.match(pkg.packageManager ?? '', /^pnpm@/);
    const tests = await execa('pnpm', ['test'], { cwd: project, reject: false, all: true, env: { CI: 'true', DATABASE_URL: '' } });
    assert.equal(tests.exitCode, 0, tests.all);
    assert.match(tests.all, /Tests:\s+\d+ passed, \d+ total/);
  });

  it('`npm create backend-portfolio@latest` runs the same package and picks npm', async () => {
    const { cwd, created } = await userRuns('npm-user', 'npm', ['create', 'backend-portfolio@latest', 'demo', '--registry', registry.url, '--yes', '--', '--yes', '--no-install', '--no-git']);
    assert.equal(created.exitCode, 0, created.all);
    const pkg = JSON.parse(await readFile(path.join(cwd, 'demo/package.json'), 'utf8')) as { packageManager?: string; scripts: Record<string, string> };
    assert.match(pkg.packageManager ?? '', /^npm@/);
    assert.match(created.all, /npm install/);
  });
});

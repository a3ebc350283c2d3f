import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { MILESTONE_DEFINITIONS, NODE_VERSION, PACKAGE_MANAGER_VERSIONS } from '@create-backend-portfolio/core';
import { type PackageManager, packageManagerView } from '@create-backend-portfolio/generators';
import { execa } from 'execa';
import semver from 'semver';
import { REPO_ROOT, runCli, tempDir } from '../support/cli.js';
import { execForm } from '../support/dockerfile.js';
import { replayDockerfile, walk } from '../support/dockerfile-replay.js';
import { freePort, poll } from '../support/project.js';

/**
 * The package managers other than pnpm (scaffold.test.ts covers pnpm), each end to end: the CLI installs
 * with it from the registry, the project passes its own gates run through it, the milestone checks that read
 * the package manager's files (containers, ci-cd) pass with the reference solutions, and the Dockerfile it
 * got builds from the lockfile it wrote. yarn and bun come from the npm registry at the versions the
 * generated `packageManager` field names, so the machine needs neither; npm is the machine's own.
 */

interface Case {
  readonly pm: Exclude<PackageManager, 'pnpm'>;
  readonly background: string;
  readonly domain: string;
  readonly lockfile: string;
}

const CASES: readonly Case[] = [
  { pm: 'npm', background: 'data-engineer', domain: 'event-ingestion', lockfile: 'package-lock.json' },
  { pm: 'yarn', background: 'it-sysadmin', domain: 'test-results', lockfile: 'yarn.lock' },
  { pm: 'bun', background: 'devops-sre', domain: 'asset-inventory', lockfile: 'bun.lock' },
];

/** yarn and bun at the pinned versions, installed once per version pair under the system temp folder. */
async function packageManagerBin(): Promise<string> {
  const wanted = { yarn: PACKAGE_MANAGER_VERSIONS.yarn, bun: PACKAGE_MANAGER_VERSIONS.bun };
  const home = path.join(tmpdir(), `cbp-e2e-pms-${createHash('sha256').update(JSON.stringify(wanted)).digest('hex').slice(0, 12)}`);
  const bin = path.join(home, 'node_modules/.bin');
  if (existsSync(path.join(bin, 'yarn')) && existsSync(path.join(bin, 'bun'))) return bin;
  const staging = await tempDir('pms');
  const specs = Object.entries(wanted).map(([name, version]) => `${name}@${version}`);
  const installed = await execa('npm', ['install', '--prefix', staging, '--no-save', '--no-audit', '--no-fund', ...specs], { reject: false, all: true });
  if (installed.exitCode !== 0) throw new Error(`installing ${specs.join(' and ')} from the registry failed:\n${installed.all}`);
  await mkdir(path.dirname(home), { recursive: true });
  // Another test process may have finished first: keep its folder and drop ours.
  await rename(staging, home).catch(() => rm(staging, { recursive: true, force: true }));
  return bin;
}

/** Every installed package whose `engines.node` the project's own Node version does not meet. */
async function enginesNotMet(project: string): Promise<string[]> {
  const found = new Set<string>();
  const visit = async (modules: string): Promise<void> => {
    if (!existsSync(modules)) return;
    for (const entry of await readdir(modules, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
      const dir = path.join(modules, entry.name);
      if (entry.name.startsWith('@')) {
        await visit(dir);
        continue;
      }
      const manifest = path.join(dir, 'package.json');
      if (existsSync(manifest)) {
        const { name, version, engines } = JSON.parse(await readFile(manifest, 'utf8')) as { name: string; version: string; engines?: { node?: string } };
        const range = engines?.node;
        if (range !== undefined && semver.validRange(range) !== null && !semver.satisfies(NODE_VERSION, range)) found.add(`${name}@${version} wants node ${range}`);
      }
      await visit(path.join(dir, 'node_modules'));
    }
  };
  await visit(path.join(project, 'node_modules'));
  return [...found].sort();
}

// The CLI's install, the project's scripts and the Dockerfile replay all find yarn and bun on PATH.
process.env.PATH = `${await packageManagerBin()}${path.delimiter}${process.env.PATH ?? ''}`;

for (const { pm, background, domain, lockfile } of CASES) {
  describe(`the ${domain} project made with --pm ${pm}`, { timeout: 900_000 }, () => {
    const view = packageManagerView(pm);
    let parent: string;
    let project: string;
    /** `<pm> run <script> [args]` the way the project's docs write it. */
    const run = (script: string, args: readonly string[] = [], env: NodeJS.ProcessEnv = {}) => {
      const separator = args.length > 0 ? view.scriptArgs.split(' ').filter(Boolean) : [];
      const [command, ...words] = [...view.run.split(' '), script, ...separator, ...args];
      return execa(command!, words, { cwd: project, reject: false, all: true, env: { CI: 'true', DATABASE_URL: '', ...env } });
    };

    before(async () => {
      parent = await tempDir(`pm-${pm}`);
      project = path.join(parent, 'api');
    });

    after(async () => {
      await rm(parent, { recursive: true, force: true });
    });

    it(`scaffolds and installs with ${pm}, writing ${lockfile}, and its next steps name ${pm}`, async () => {
      const result = await runCli(['api', '--background', background, '--domain', domain, '--pm', pm, '--yes', '--no-git'], { cwd: parent, timeout: 600_000 });
      assert.equal(result.exitCode, 0, result.all);
      assert.ok(existsSync(path.join(project, lockfile)), `${pm} wrote ${lockfile}\n${result.all}`);
      assert.ok(existsSync(path.join(project, 'node_modules/.bin/jest')), 'dev dependencies are installed');
      const pkg = JSON.parse(await readFile(path.join(project, 'package.json'), 'utf8')) as { packageManager?: string };
      assert.equal(pkg.packageManager, `${pm}@${PACKAGE_MANAGER_VERSIONS[pm]}`);
      assert.match(result.stdout, new RegExp(`${view.run} test`), 'the next steps name this package manager');
    });

    it(`installs nothing that needs a newer Node than the project's own (${NODE_VERSION})`, async () => {
      assert.deepEqual(await enginesNotMet(project), []);
    });

    it('passes its own typecheck, lint and tests, each run through the package manager', { timeout: 300_000 }, async () => {
      for (const script of ['typecheck', 'lint', 'test']) {
        const result = await run(script);
        assert.equal(result.exitCode, 0, `${view.run} ${script}\n${result.all}`);
      }
    });

    it('forwards options to the milestone CLI with the argument form its docs use', async () => {
      const verify = await run('milestone', ['verify']);
      assert.equal(verify.exitCode, 0, verify.all);
      assert.match(verify.stdout, /checks are as generated/);
      // Without the separator npm would take --json for itself, and the CLI would write files instead.
      const issues = await run('milestone', ['issues', '--json']);
      assert.equal(issues.exitCode, 0, issues.all);
      const json = issues.stdout.slice(issues.stdout.indexOf('\n[') + 1, issues.stdout.lastIndexOf('\n]') + 2);
      const list = JSON.parse(json) as { title: string; labels: string[] }[];
      assert.equal(list.length, MILESTONE_DEFINITIONS.length, issues.stdout);
      assert.equal(existsSync(path.join(project, 'milestone-issues')), false, 'no issue files were written');
    });

    it('with the reference solutions, passes the checks that read its package manager: containers and ci-cd, run through it', { timeout: 600_000 }, async () => {
      const applied = await execa(process.execPath, ['--import', 'tsx', 'generators/solutions/apply.ts', project, 'all'], { cwd: REPO_ROOT, reject: false, all: true });
      assert.equal(applied.exitCode, 0, applied.all);
      const env = { DATABASE_URL: process.env.TEST_DATABASE_URL ?? '' };
      const containers = await run('milestone', ['check', 'containers'], env);
      assert.equal(containers.exitCode, 0, containers.all);
      // The ci-cd check replays the workflow's steps (typecheck, lint, migrations, tests, verify) through this package manager.
      const ciCd = await run('milestone', ['check', 'ci-cd'], env);
      assert.equal(ciCd.exitCode, 0, ciCd.all);
    });

    it(`builds its Dockerfile from ${lockfile} as it is, and the runtime stage serves /healthz`, { timeout: 300_000 }, async () => {
      const replayed = await replayDockerfile(project);
      const { dir, env, stage } = replayed.runtime;
      for (const dev of ['typescript', 'jest', 'tsx']) assert.equal(existsSync(path.join(dir, 'node_modules', dev)), false, `${dev} is in the runtime`);
      const sources = (await walk(dir, 'node_modules')).filter((file) => file.endsWith('.ts'));
      assert.deepEqual(sources, [], 'no TypeScript outside node_modules');
      const [command, ...args] = execForm(stage.instructions.filter((instruction) => instruction.keyword === 'CMD').at(-1)!.args)!;
      const port = await freePort();
      const server = execa(command!, args, { cwd: dir, env: { ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', DATABASE_URL: 'postgres://nobody@127.0.0.1:9/none' }, reject: false, all: true });
      try {
        assert.equal((await poll(`http://127.0.0.1:${port}/healthz`, 30_000)).status, 200);
      } finally {
        server.kill('SIGTERM');
        await server;
      }
    });
  });
}

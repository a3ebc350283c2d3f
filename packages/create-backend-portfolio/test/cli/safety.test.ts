import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { runCli, spawnCli, suiteDir } from '../support/cli.js';

/**
 * Bad situations and their exact outcome: exit code, message, and what is left on disk. The install is
 * played by a stand-in package manager on PATH, so an interrupt can land in the middle of it every time.
 */
describe('safety of the scaffold command', () => {
  const dir = suiteDir('safety');

  /** A folder with a fake `pnpm` that announces itself, records its pid, creates node_modules, then hangs. */
  let runs = 0;
  async function slowPackageManager(): Promise<{ bin: string; pidFile: string }> {
    runs += 1;
    const bin = path.join(dir(), `fake-bin-${runs}`);
    const pidFile = path.join(dir(), `fake-install-${runs}.pid`);
    await mkdir(bin, { recursive: true });
    const script = `#!/bin/sh\necho $$ > ${JSON.stringify(pidFile)}\nmkdir -p node_modules/.fake\necho "fake install running"\nexec sleep 300\n`;
    await writeFile(path.join(bin, 'pnpm'), script);
    await chmod(path.join(bin, 'pnpm'), 0o755);
    return { bin, pidFile };
  }

  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal} during the install removes the folder this run created, stops the install, and exits ${signal === 'SIGINT' ? 130 : 143}`, async () => {
      const { bin, pidFile } = await slowPackageManager();
      const cwd = path.join(dir(), `interrupt-${signal}`);
      await mkdir(cwd);
      const child = spawnCli(['api', '--yes', '--pm', 'pnpm', '--no-git'], { cwd, env: { PATH: `${bin}:${process.env.PATH}` }, timeout: 240_000 });
      await waitFor(() => existsSync(pidFile) && existsSync(path.join(cwd, 'api/node_modules/.fake')));
      const installPid = Number(await readFile(pidFile, 'utf8'));
      child.kill(signal);
      const result = await child;
      assert.equal(result.exitCode, signal === 'SIGINT' ? 130 : 143, result.all);
      assert.match(result.all, new RegExp(`Stopped by ${signal}\\. Removing what this run created in api`));
      assert.match(result.all, /Removed api\./);
      assert.deepEqual(await readdir(cwd), [], 'nothing is left behind');
      await waitFor(() => !alive(installPid));
    });
  }

  it('an interrupt in a cloned, empty repository keeps its .git and removes only the new files', async () => {
    const { bin, pidFile } = await slowPackageManager();
    const cwd = path.join(dir(), 'interrupt-clone');
    await mkdir(path.join(cwd, 'api/.git'), { recursive: true });
    await writeFile(path.join(cwd, 'api/.git/HEAD'), 'ref: refs/heads/main\n');
    const child = spawnCli(['api', '--yes', '--pm', 'pnpm', '--no-git'], { cwd, env: { PATH: `${bin}:${process.env.PATH}` }, timeout: 240_000 });
    await waitFor(() => existsSync(pidFile) && existsSync(path.join(cwd, 'api/node_modules/.fake')));
    child.kill('SIGTERM');
    const result = await child;
    assert.equal(result.exitCode, 143, result.all);
    assert.match(result.all, /api is as it was before\./);
    assert.deepEqual(await readdir(path.join(cwd, 'api')), ['.git']);
    assert.equal(await readFile(path.join(cwd, 'api/.git/HEAD'), 'utf8'), 'ref: refs/heads/main\n');
  });

  it('--overwrite replaces the files the project also has, keeps the others, and says which it replaced', async () => {
    const cwd = path.join(dir(), 'overwrite');
    await mkdir(path.join(cwd, 'api'), { recursive: true });
    await writeFile(path.join(cwd, 'api/notes.txt'), 'mine');
    await writeFile(path.join(cwd, 'api/README.md'), 'old readme');
    const refused = await runCli(['api', '--yes', '--no-install', '--no-git'], { cwd });
    assert.equal(refused.exitCode, 1);
    assert.match(refused.stderr, /api is not empty\. These entries would conflict:\n {2}- README\.md\n {2}- notes\.txt\n.*--overwrite/);
    assert.deepEqual((await readdir(path.join(cwd, 'api'))).sort(), ['README.md', 'notes.txt']);

    const result = await runCli(['api', '--yes', '--overwrite', '--no-install', '--no-git'], { cwd });
    assert.equal(result.exitCode, 0, result.all);
    assert.match(result.stderr, /Replacing 1 existing file\(s\): README\.md/);
    assert.equal(await readFile(path.join(cwd, 'api/notes.txt'), 'utf8'), 'mine');
    assert.match(await readFile(path.join(cwd, 'api/README.md'), 'utf8'), /^# api/);
    assert.ok(existsSync(path.join(cwd, 'api/src/app.ts')));
  });

  it('--overwrite into the current folder (`.`) stops with one sentence, nothing changed, when a clash is a folder', async () => {
    const cwd = path.join(dir(), 'clash-folder', 'my-api');
    await mkdir(path.join(cwd, 'tsconfig.json'), { recursive: true });
    await writeFile(path.join(cwd, '.gitignore'), 'mine\n');
    const result = await runCli(['.', '--yes', '--overwrite', '--no-install', '--no-git'], { cwd });
    assert.equal(result.exitCode, 1, result.all);
    assert.match(result.stderr, /^✖ tsconfig\.json is a folder, and the project writes a file there\. .*nothing was changed\.$/m);
    assert.doesNotMatch(result.all, /\n\s+at /, 'no stack trace');
    assert.deepEqual((await readdir(cwd)).sort(), ['.gitignore', 'tsconfig.json']);
    assert.equal(await readFile(path.join(cwd, '.gitignore'), 'utf8'), 'mine\n');

    await rm(path.join(cwd, 'tsconfig.json'), { recursive: true });
    const written = await runCli(['.', '--yes', '--overwrite', '--no-install', '--no-git'], { cwd });
    assert.equal(written.exitCode, 0, written.all);
    assert.equal(JSON.parse(await readFile(path.join(cwd, 'package.json'), 'utf8')).name, 'my-api');
    assert.doesNotMatch(written.stdout, /^ {2}cd \.$/m, 'no `cd .` among the next steps');
  });

  it('a file in the way of the folder is one sentence, exit 1, and nothing is written', async () => {
    const cwd = path.join(dir(), 'file-in-the-way');
    await mkdir(cwd, { recursive: true });
    await writeFile(path.join(cwd, 'notes'), 'mine');
    for (const target of ['notes', 'notes/api']) {
      const result = await runCli([target, '--yes', '--no-install', '--no-git'], { cwd });
      assert.equal(result.exitCode, 1, result.all);
      assert.match(result.stderr, new RegExp(`^✖ notes is a file, so the project cannot go in ${target}\\. Choose another folder; nothing was written\\.$`, 'm'));
      assert.doesNotMatch(result.all, /\n\s+at /, 'no stack trace');
    }
    assert.deepEqual(await readdir(cwd), ['notes']);
    assert.equal(await readFile(path.join(cwd, 'notes'), 'utf8'), 'mine');
  });

  it('--dry-run prints the tree, marks files it would replace, and writes nothing', async () => {
    const cwd = path.join(dir(), 'dry-run');
    await mkdir(path.join(cwd, 'existing'), { recursive: true });
    await writeFile(path.join(cwd, 'existing/package.json'), '{}');
    const fresh = await runCli(['api', '--yes', '--dry-run'], { cwd });
    assert.equal(fresh.exitCode, 0, fresh.all);
    assert.match(fresh.stdout, /Would write \d+ files to api \(nothing was written\):/);
    assert.match(fresh.stdout, /^api\/\n {2}\.github\/\n/m);
    assert.match(fresh.stdout, /^ {2}docs\/$/m);
    assert.match(fresh.stdout, /^ {4}app\.ts$/m);
    const over = await runCli(['existing', '--yes', '--dry-run', '--overwrite'], { cwd });
    assert.equal(over.exitCode, 0, over.all);
    assert.match(over.stdout, /^ {2}package\.json {2}\(replaces an existing file\)$/m);
    assert.deepEqual((await readdir(cwd)).sort(), ['existing']);
    assert.deepEqual(await readdir(path.join(cwd, 'existing')), ['package.json']);
    assert.equal(await readFile(path.join(cwd, 'existing/package.json'), 'utf8'), '{}');
  });

  it('without git on PATH, warns and still writes the project', async () => {
    const cwd = path.join(dir(), 'no-git');
    await mkdir(cwd);
    const result = await runCli(['api', '--yes', '--no-install'], { cwd, env: { PATH: path.join(dir(), 'empty-path') } });
    assert.equal(result.exitCode, 0, result.all);
    assert.match(result.stderr, /git is not installed: skipped creating a repository\./);
    assert.ok(existsSync(path.join(cwd, 'api/package.json')));
    assert.equal(existsSync(path.join(cwd, 'api/.git')), false);
  });

  it('respects NO_COLOR even when colour is forced', async () => {
    const cwd = path.join(dir(), 'colour');
    await mkdir(cwd);
    const ansi = /\u001b\[/;
    const forced = await runCli(['api', '--background', 'nope'], { cwd, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    assert.match(forced.stderr, ansi, 'colour shows when forced, so the next assertion can fail');
    const plain = await runCli(['api', '--background', 'nope'], { cwd, env: { NO_COLOR: '1', FORCE_COLOR: '1' } });
    assert.doesNotMatch(plain.stderr, ansi);
    assert.equal(plain.exitCode, 2);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${condition.toString()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli, tempDir } from '../support/cli.js';

/** The CLI as a process: exit codes, messages, and what is left on disk. */
describe('create-backend-portfolio as a command', () => {
  let cwd: string;

  before(async () => {
    cwd = await tempDir('cli');
  });

  after(async () => {
    await rm(cwd, { recursive: true, force: true });
  });

  it('refuses an unknown background, lists the valid ids, and writes nothing', async () => {
    const result = await runCli(['api', '--background', 'designer', '--no-install', '--no-git'], { cwd });
    assert.equal(result.exitCode, 2);
    assert.match(result.stderr, /Unknown background "designer"\. Choose one of: cs-grad, self-taught, frontend/);
    assert.doesNotMatch(result.all, /\n\s+at /, 'no stack trace');
    assert.deepEqual(await readdir(cwd), []);
  });

  it('refuses bad hours or start dates in one line, with exit code 2, and writes nothing', async () => {
    for (const [flag, value, message] of [
      ['--hours-per-week', 'lots', /^✖ --hours-per-week must be a number of hours from 1 to 60, such as 8; got "lots"\.$/],
      ['--start', '2026-02-30', /^✖ --start must be a real calendar date written YYYY-MM-DD, such as 2026-03-02; got "2026-02-30"\.$/],
    ] as const) {
      const result = await runCli(['api', flag, value, '--yes', '--no-install', '--no-git'], { cwd });
      assert.equal(result.exitCode, 2, result.all);
      assert.match(result.stderr, message);
      assert.deepEqual(await readdir(cwd), []);
    }
  });

  it('refuses an unknown domain the same way', async () => {
    const result = await runCli(['api', '--domain', 'chess', '--no-install', '--no-git'], { cwd });
    assert.equal(result.exitCode, 2);
    assert.match(result.stderr, /Unknown domain "chess"\. Choose one of: /);
    assert.deepEqual(await readdir(cwd), []);
  });

  it('without a terminal and without flags, uses the defaults, says so, and does not hang', async () => {
    const dir = await tempDir('defaults');
    try {
      const result = await runCli(['--no-install', '--no-git'], { cwd: dir, timeout: 60_000 });
      assert.equal(result.exitCode, 0, result.all);
      assert.match(result.stdout, /Using defaults for what was not given: folder: backend-portfolio, background: self-taught, domain: \S+, package manager: npm/);
      assert.ok(existsSync(path.join(dir, 'backend-portfolio/package.json')));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a folder that is not empty, lists the conflicts, and leaves them alone', async () => {
    const target = path.join(cwd, 'taken');
    await mkdir(target);
    await writeFile(path.join(target, 'notes.txt'), 'mine');
    const result = await runCli(['taken', '--yes', '--no-install', '--no-git'], { cwd });
    assert.equal(result.exitCode, 1);
    assert.match(result.stderr, /taken is not empty\. These entries would conflict:\n\s+- notes\.txt/);
    assert.deepEqual(await readdir(target), ['notes.txt']);
  });

  it('treats a folder holding only .git as empty and keeps its .git', async () => {
    const target = path.join(cwd, 'cloned');
    await mkdir(path.join(target, '.git'), { recursive: true });
    await writeFile(path.join(target, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    const result = await runCli(['cloned', '--yes', '--no-install', '--no-git'], { cwd });
    assert.equal(result.exitCode, 0, result.all);
    assert.ok(existsSync(path.join(target, '.git', 'HEAD')));
    assert.ok(existsSync(path.join(target, 'src/app.ts')));
  });

  it('refuses a path that climbs out of the current folder', async () => {
    const result = await runCli(['../escape', '--yes', '--no-install'], { cwd });
    assert.equal(result.exitCode, 2);
    assert.match(result.stderr, /points outside the current folder/);
    assert.equal(existsSync(path.join(cwd, '..', 'escape')), false);
  });

  it('refuses names npm would refuse or reserves, with exit code 2, one sentence each, and writes nothing', async () => {
    for (const [name, reason] of [
      ['node_modules', /"node_modules" cannot be a package name: node_modules is not a valid package name/],
      ['favicon.ico', /"favicon\.ico" cannot be a package name: favicon\.ico is not a valid package name/],
      ['My App!', /"my-app!" cannot be a package name: name can no longer contain special characters/],
      ['.hidden', /"\.hidden" cannot be a package name: name cannot start with a period/],
    ] as const) {
      const before = await readdir(cwd);
      const result = await runCli([name, '--yes', '--no-install', '--no-git'], { cwd });
      assert.equal(result.exitCode, 2, `${name}: ${result.all}`);
      assert.match(result.stderr, reason);
      assert.match(result.stderr, /Use lowercase letters, digits and dashes, such as my-api\./);
      assert.doesNotMatch(result.all, /\n\s+at /, 'no stack trace');
      assert.deepEqual(await readdir(cwd), before, `${name}: nothing written`);
    }
  });

  it('prints help and version', async () => {
    const help = await runCli(['--help'], { cwd });
    assert.equal(help.exitCode, 0);
    assert.match(help.stdout, /Usage: create-backend-portfolio \[dir\] \[options\]/);
    const version = await runCli(['--version'], { cwd });
    assert.match(version.stdout.trim(), /^\d+\.\d+\.\d+$/);
  });

  it('keeps the project and prints the retry command when the install fails', async () => {
    const dir = await tempDir('offline');
    try {
      // An unreachable registry makes npm fail the way it does offline.
      const result = await runCli(['api', '--yes', '--pm', 'npm', '--no-git'], {
        cwd: dir,
        env: { npm_config_registry: 'http://127.0.0.1:9/', npm_config_fetch_retries: '0', npm_config_fetch_timeout: '2000' },
        timeout: 120_000,
      });
      assert.equal(result.exitCode, 1, result.all);
      assert.match(result.stderr, /Installing dependencies failed\. The project is in api; nothing was removed\. Retry with:\n\n\s+cd api && npm install/);
      assert.ok(existsSync(path.join(dir, 'api/package.json')));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

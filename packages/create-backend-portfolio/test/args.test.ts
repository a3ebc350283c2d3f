import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCreateArgs } from '../src/args.js';
import { helpText } from '../src/help.js';
import { installCommand, packageManagerFromUserAgent } from '../src/package-manager.js';
import { checkTarget } from '../src/project-name.js';

describe('parseCreateArgs', () => {
  it('reads the folder and every flag', () => {
    const result = parseCreateArgs(['api', '--background', 'qa', '--domain', 'ticketing', '--pm', 'pnpm', '--no-install', '--no-git', '--yes']);
    assert.deepEqual(result, {
      ok: true,
      args: { target: 'api', background: 'qa', domain: 'ticketing', pm: 'pnpm', install: false, git: false, yes: true, help: false, version: false },
    });
  });

  it('defaults install and git to on', () => {
    const result = parseCreateArgs([]);
    assert.ok(result.ok);
    assert.equal(result.args.install, true);
    assert.equal(result.args.git, true);
    assert.equal(result.args.target, undefined);
  });

  it('refuses unknown flags, repeated flags, missing values and extra folders', () => {
    assert.deepEqual(parseCreateArgs(['--backgrund', 'qa']), {
      ok: false,
      error: 'Unknown option --backgrund. Run with --help to see every option.',
    });
    assert.match(errorOf(['--pm', 'npm', '--pm', 'pnpm']), /--pm was given more than once/);
    assert.match(errorOf(['--background']), /--background needs a value/);
    assert.match(errorOf(['a', 'b']), /Expected one project folder, got 2/);
  });

  it('lists every flag in --help', () => {
    const help = helpText();
    for (const flag of ['--background', '--domain', '--pm', '--no-install', '--no-git', '--yes', '--help', '--version']) {
      assert.ok(help.includes(flag), flag);
    }
    assert.match(help, /Examples:/);
  });
});

function errorOf(argv: string[]): string {
  const result = parseCreateArgs(argv);
  assert.equal(result.ok, false);
  return result.ok ? '' : result.error;
}

describe('package managers', () => {
  it('detects the package manager from npm_config_user_agent', () => {
    assert.equal(packageManagerFromUserAgent('pnpm/12.4.2 npm/? node/v20.20.2 linux x64'), 'pnpm');
    assert.equal(packageManagerFromUserAgent('yarn/1.22.22 npm/? node/v20.20.2 linux x64'), 'yarn');
    assert.equal(packageManagerFromUserAgent('npm/11.19.1 node/v20.20.2 linux x64 workspaces/false'), 'npm');
    assert.equal(packageManagerFromUserAgent('bun/1.4.5 npm/? node/v24.3.0 linux x64'), 'bun');
    assert.equal(packageManagerFromUserAgent('cnpm/9.0.0'), undefined);
    assert.equal(packageManagerFromUserAgent(undefined), undefined);
  });

  it('installs with each one’s own command', () => {
    assert.deepEqual(installCommand('yarn'), { command: 'yarn', args: [] });
    assert.deepEqual(installCommand('pnpm'), { command: 'pnpm', args: ['install'] });
  });
});

describe('checkTarget', () => {
  it('derives a package name from the folder', () => {
    assert.deepEqual(checkTarget('my-api'), { ok: true, packageName: 'my-api' });
    assert.deepEqual(checkTarget('apps/My Api'), { ok: true, packageName: 'my-api' });
  });

  it('refuses traversal, absolute paths, and names npm would refuse', () => {
    for (const bad of ['../escape', 'a/../../b', '/etc/x', 'node_modules', '.hidden', '', 'favicon.ico']) {
      const result = checkTarget(bad);
      assert.equal(result.ok, false, bad);
    }
    const traversal = checkTarget('../escape');
    assert.ok(!traversal.ok && /outside the current folder/.test(traversal.reason));
  });
});

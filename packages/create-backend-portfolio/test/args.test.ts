import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCreateArgs, parseListArgs, parsePlanArgs } from '../src/args.js';
import { helpText, listHelpText, planHelpText } from '../src/help.js';
import { installCommand, packageManagerFromUserAgent } from '../src/package-manager.js';
import { checkTarget } from '../src/project-name.js';

describe('parseCreateArgs', () => {
  it('reads the folder and every flag', () => {
    const result = parseCreateArgs([
      'api', '--background', 'qa', '--domain', 'ticketing', '--pm', 'pnpm', '--deploy', 'fly', '--hours-per-week', '6', '--start', '2026-03-02', '--no-install', '--no-git', '--yes',
      '--overwrite', '--dry-run',
    ]);
    assert.deepEqual(result, {
      ok: true,
      args: {
        target: 'api', background: 'qa', domain: 'ticketing', pm: 'pnpm', deploy: 'fly', hoursPerWeek: '6', start: '2026-03-02', assessment: undefined,
        install: false, git: false, overwrite: true, dryRun: true, yes: true, help: false, version: false,
        mentor: false,
      },
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
    assert.match(errorOf(['--hours-per-week']), /--hours-per-week needs a value, for example --hours-per-week 8\./);
    assert.match(errorOf(['--start', '2026-01-05', '--start', '2026-02-02']), /--start was given more than once/);
  });

  it('refuses repeated switches, and empty or negated values, instead of reading them as off', () => {
    assert.match(errorOf(['--dry-run', '--dry-run']), /^--dry-run was given more than once\.$/);
    assert.match(errorOf(['--help', '--help']), /^--help was given more than once\.$/);
    assert.match(errorOf(['--yes', '--mentor', '--yes']), /^--yes was given more than once\.$/);
    assert.match(errorOf(['--background=']), /^--background needs a value/);
    assert.match(errorOf(['--start=', '2026-01-05']), /^--start needs a value/);
    assert.match(errorOf(['--no-background']), /^Unknown option --no-background\./);
    assert.equal(parseListArgs(['domains', '--json', '--json']).ok, false);
  });

  it('lists every flag in --help', () => {
    const help = helpText();
    for (const flag of ['--background', '--domain', '--pm', '--hours-per-week <n>', '--start <YYYY-MM-DD>', '--no-install', '--no-git', '--yes', '--help', '--version']) {
      assert.ok(help.includes(flag), flag);
    }
    assert.match(help, /Examples:/);
    assert.match(help, /create-backend-portfolio plan --background <id>/);
    assert.match(help, /create-backend-portfolio list backgrounds\|domains/);
  });
});

describe('parsePlanArgs and parseListArgs', () => {
  it('reads every plan flag, and refuses folders and scaffold-only flags', () => {
    assert.deepEqual(parsePlanArgs(['--background', 'qa', '--domain', 'ticketing', '--hours-per-week', '5', '--start', '2026-03-02', '--assessment', 'fit.json', '--format', 'json']), {
      ok: true,
      args: { background: 'qa', domain: 'ticketing', hoursPerWeek: '5', start: '2026-03-02', assessment: 'fit.json', format: 'json', help: false },
    });
    assert.deepEqual(parsePlanArgs(['-h']), {
      ok: true,
      args: { background: undefined, domain: undefined, hoursPerWeek: undefined, start: undefined, assessment: undefined, format: undefined, help: true },
    });
    assert.deepEqual(parsePlanArgs(['--pm', 'npm']), { ok: false, error: 'Unknown option --pm. Run with --help to see every option.' });
    assert.deepEqual(parsePlanArgs(['my-api']), { ok: false, error: 'plan takes only options, not my-api. Run plan --help to see them.' });
    assert.deepEqual(parsePlanArgs(['--format']), { ok: false, error: '--format needs a value, for example --format json.' });
  });

  it('reads what to list and --json', () => {
    assert.deepEqual(parseListArgs(['domains', '--json']), { ok: true, args: { subject: 'domains', json: true, help: false } });
    assert.deepEqual(parseListArgs([]), { ok: true, args: { subject: undefined, json: false, help: false } });
    assert.deepEqual(parseListArgs(['domains', 'backgrounds']), { ok: false, error: 'list takes one thing to list, got 2: domains backgrounds.' });
  });

  it('lists each command’s own flags in its help', () => {
    for (const flag of ['--background <id>', '--domain <id>', '--hours-per-week <n>', '--start <YYYY-MM-DD>', '--format <md|json>', '--help']) {
      assert.ok(planHelpText().includes(flag), flag);
    }
    assert.ok(!planHelpText().includes('--no-install'));
    assert.match(listHelpText(), /--json/);
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
    assert.deepEqual(checkTarget('my-api', '/home/learner/code'), { ok: true, packageName: 'my-api' });
    assert.deepEqual(checkTarget('apps/My Api', '/home/learner/code'), { ok: true, packageName: 'my-api' });
  });

  it('names the package after the current folder for `.`, as `create backend-portfolio . --overwrite` needs', () => {
    assert.deepEqual(checkTarget('.', '/home/learner/Ticket API'), { ok: true, packageName: 'ticket-api' });
    assert.deepEqual(checkTarget('./', '/home/learner/code'), { ok: true, packageName: 'code' });
    assert.equal(checkTarget('.', '/home/learner/.config').ok, false);
  });

  it('refuses traversal, absolute paths, and names npm would refuse', () => {
    for (const bad of ['../escape', 'a/../../b', '/etc/x', 'node_modules', '.hidden', '', 'favicon.ico']) {
      const result = checkTarget(bad, '/home/learner/code');
      assert.equal(result.ok, false, bad);
    }
    const traversal = checkTarget('../escape', '/home/learner/code');
    assert.ok(!traversal.ok && /outside the current folder/.test(traversal.reason));
  });
});

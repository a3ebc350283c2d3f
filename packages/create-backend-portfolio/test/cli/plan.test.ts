import assert from 'node:assert/strict';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { BACKGROUND_IDS, DOMAIN_IDS } from '@create-backend-portfolio/core';
import type { planDocument } from '@create-backend-portfolio/generators';
import { REPO_ROOT, runCli, spawnCli, suiteDir } from '../support/cli.js';

const PLAN = ['plan', '--background', 'qa', '--domain', 'ticketing', '--hours-per-week', '6', '--start', '2026-03-02'];

async function planValidator() {
  const schema = JSON.parse(await readFile(path.join(REPO_ROOT, 'docs/plan.schema.json'), 'utf8'));
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats.default(ajv);
  return ajv.compile(schema);
}

/** `plan` and `list` as a process: what a mentor sees, and what a script reading the JSON can rely on. */
describe('create-backend-portfolio plan', () => {
  const dir = suiteDir('plan');

  it('stops quietly, exit 0, when the reader closes the pipe early, as `| head` does', async () => {
    const child = spawnCli([...PLAN, '--format', 'json'], { cwd: dir() });
    // Close our end before the CLI has started: its first write of the plan finds no reader.
    child.stdout!.destroy();
    const result = await child;
    assert.equal(result.exitCode, 0, result.stderr);
    assert.equal(result.stderr, '');
  });

  it('prints JSON that validates against the published schema', async () => {
    const validate = await planValidator();
    const result = await runCli([...PLAN, '--format', 'json'], { cwd: dir() });
    assert.equal(result.exitCode, 0, result.all);
    assert.equal(result.stderr, '');
    const plan = JSON.parse(result.stdout) as ReturnType<typeof planDocument>;
    assert.ok(validate(plan), JSON.stringify(validate.errors, null, 2));
    assert.equal(plan.background.id, 'qa');
    assert.equal(plan.startDate, '2026-03-02');
    assert.equal(plan.milestones.length, 12);
    assert.equal(plan.milestones[0]!.start, '2026-03-02');
    assert.equal(plan.endDate, plan.milestones.at(-1)!.end);
    // qa pulls testing forward and fast-tracks it.
    const testing = plan.milestones.find((m) => m.id === 'testing')!;
    assert.deepEqual([testing.position, testing.emphasis, testing.file], [4, 'fast-track', 'docs/milestones/04-testing.md']);
  });

  it('the schema is a real check: it refuses a plan with a missing field, a bad date or an unknown emphasis', async () => {
    const validate = await planValidator();
    const good = JSON.parse((await runCli([...PLAN, '--format', 'json'], { cwd: dir() })).stdout);
    const broken = [
      { ...good, endDate: undefined },
      { ...good, startDate: '2026-02-30' },
      { ...good, milestones: [{ ...good.milestones[0], emphasis: 'light' }] },
      { ...good, milestones: [{ ...good.milestones[0], acceptance: [{ id: 'x', statement: 's', sends: '', expects: 'e' }] }] },
      { ...good, extra: true },
    ];
    for (const plan of broken) assert.equal(validate(JSON.parse(JSON.stringify(plan))), false, JSON.stringify(plan).slice(0, 120));
  });

  it('prints Markdown identical to the docs/milestones/README.md of a project with the same plan', async () => {
    const printed = await runCli([...PLAN, '--format', 'md'], { cwd: dir() });
    assert.equal(printed.exitCode, 0, printed.all);
    const scaffolded = await runCli(['api', ...PLAN.slice(1), '--pm', 'npm', '--no-install', '--no-git'], { cwd: dir() });
    assert.equal(scaffolded.exitCode, 0, scaffolded.all);
    const written = await readFile(path.join(dir(), 'api/docs/milestones/README.md'), 'utf8');
    // execa drops the one final newline of the output.
    assert.equal(`${printed.stdout}\n`, written);
    assert.match(printed.stdout, /^\| 04 \| \[Tests that catch real bugs\]\(04-testing\.md\) \| Fast track \| \d+ \| 2026-\d\d-\d\d \| 2026-\d\d-\d\d \| not started \|$/m);
    assert.match(scaffolded.stdout, /Start with docs\/milestones\/01-orientation\.md/);
    await rm(path.join(dir(), 'api'), { recursive: true, force: true });
  });

  it('defaults to Markdown, the background’s first domain and today', async () => {
    const result = await runCli(['plan', '--background', 'frontend'], { cwd: dir() });
    assert.equal(result.exitCode, 0, result.all);
    assert.match(result.stdout, /^# Milestone plan\n\nThe path for a frontend engineer building the Event ticketing service: 12 milestones/);
    const today = /from (\d{4}-\d\d-\d\d) to/.exec(result.stdout)?.[1];
    assert.ok(today !== undefined && Math.abs(Date.parse(today) - Date.now()) < 2 * 86_400_000, `starts today, not ${today}`);
  });

  it('refuses a missing or unknown background, domain or format in one line naming the choices, with exit code 2', async () => {
    const cases: [string[], RegExp][] = [
      [['plan'], /^✖ plan needs --background <id>\. Choose one of: cs-grad, self-taught, frontend, fullstack, data-engineer, devops-sre, qa, it-sysadmin\.$/],
      [['plan', '--background', 'designer'], /^✖ Unknown background "designer"\. Choose one of: cs-grad, /],
      [['plan', '--background', 'qa', '--domain', 'chess'], new RegExp(`^✖ Unknown domain "chess"\\. Choose one of: ${DOMAIN_IDS.join(', ')}\\.$`)],
      [['plan', '--background', 'qa', '--format', 'yaml'], /^✖ Unknown format "yaml"\. Choose one of: md, json\.$/],
      [['plan', '--background', 'qa', '--hours-per-week', '0'], /^✖ --hours-per-week must be a number of hours from 1 to 60, such as 8; got "0"\.$/],
      [['plan', '--background', 'qa', '--start', '02/03/2026'], /^✖ --start must be a real calendar date written YYYY-MM-DD/],
      [['plan', '--background', 'qa', '--no-git'], /^✖ Unknown option --git\. Run with --help to see every option\.$/],
    ];
    for (const [argv, message] of cases) {
      const result = await runCli(argv, { cwd: dir() });
      assert.equal(result.exitCode, 2, `${argv.join(' ')}: ${result.all}`);
      assert.match(result.stderr, message);
      assert.equal(result.stdout, '');
    }
  });

  it('has its own --help', async () => {
    const result = await runCli(['plan', '--help'], { cwd: dir() });
    assert.equal(result.exitCode, 0);
    assert.match(result.stdout, /^Usage: create-backend-portfolio plan --background <id> \[options\]/);
    assert.match(result.stdout, /--format <md\|json>/);
  });
});

describe('create-backend-portfolio list', () => {
  const dir = suiteDir('list');

  it('lists backgrounds and domains as aligned text, one per line after the header', async () => {
    const backgrounds = await runCli(['list', 'backgrounds'], { cwd: dir() });
    assert.equal(backgrounds.exitCode, 0, backgrounds.all);
    const lines = backgrounds.stdout.trimEnd().split('\n');
    assert.match(lines[0]!, /^id\s+name\s+go deep on\s+suggested domains$/);
    assert.deepEqual(lines.slice(1).map((line) => line.split(/\s+/)[0]), [...BACKGROUND_IDS]);
    assert.match(backgrounds.stdout, /^frontend\s+Frontend engineer\s+schema-design, indexes, concurrency\s+ticketing(, [a-z-]+)*$/m);

    const domains = await runCli(['list', 'domains'], { cwd: dir() });
    assert.equal(domains.exitCode, 0, domains.all);
    assert.deepEqual(domains.stdout.trimEnd().split('\n').slice(1).map((line) => line.split(/\s+/)[0]), [...DOMAIN_IDS]);
  });

  it('prints the catalog as JSON with --json', async () => {
    const result = await runCli(['list', 'domains', '--json'], { cwd: dir() });
    assert.equal(result.exitCode, 0, result.all);
    const domains = JSON.parse(result.stdout);
    assert.deepEqual(domains.map((d: { id: string }) => d.id), [...DOMAIN_IDS]);
    assert.ok(domains.every((d: { tables: string[]; tagline: string }) => d.tables.length >= 3 && d.tagline.length > 0));
    const backgrounds = JSON.parse((await runCli(['list', 'backgrounds', '--json'], { cwd: dir() })).stdout);
    const qa = backgrounds.find((b: { id: string }) => b.id === 'qa');
    assert.deepEqual([qa.fastTrack, qa.pullForward], [['testing', 'ci-cd'], ['testing']]);
  });

  it('refuses a missing or unknown subject with the choices, exit code 2', async () => {
    for (const [argv, message] of [
      [['list'], /^✖ list needs what to list\. Choose one of: backgrounds, domains\.$/],
      [['list', 'milestones'], /^✖ Unknown list "milestones"\. Choose one of: backgrounds, domains\.$/],
    ] as const) {
      const result = await runCli(argv, { cwd: dir() });
      assert.equal(result.exitCode, 2, result.all);
      assert.match(result.stderr, message);
    }
    const help = await runCli(['list', '--help'], { cwd: dir() });
    assert.equal(help.exitCode, 0);
    assert.match(help.stdout, /^Usage: create-backend-portfolio list backgrounds\|domains \[--json\]/);
  });
});

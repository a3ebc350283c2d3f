import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { assessmentJsonSchema, type FitReport, QUESTIONS } from '@create-backend-portfolio/core';
import type { planDocument } from '@create-backend-portfolio/generators';
import { REPO_ROOT, runCli, suiteDir } from '../support/cli.js';

const readJson = async (relative: string) => JSON.parse(await readFile(path.join(REPO_ROOT, relative), 'utf8')) as object;

/** Two people, as a mentor would meet them: a data engineer strong in SQL who never shipped, and a frontend engineer. */
const DATA_ENGINEER = {
  background: 'data-engineer',
  answers: {
    ...Object.fromEntries(QUESTIONS.map((question) => [question.id, 'no'])),
    'endpoint-with-database': 'yes',
    'language-depth': 'yes',
    'api-contract': 'partly',
    'automated-tests': 'partly',
    'three-table-join': 'yes',
    'schema-from-scratch': 'yes',
    'index-for-slow-query': 'yes',
  },
};

/** `assess`, and `--assessment` on `plan` and the scaffold, as processes. */
describe('create-backend-portfolio assess', () => {
  const dir = suiteDir('assess');
  const file = async (name: string, content: unknown) => {
    const target = path.join(dir(), name);
    await writeFile(target, typeof content === 'string' ? content : JSON.stringify(content));
    return target;
  };

  it('publishes the answers schema the parser enforces', async () => {
    assert.deepEqual(await readJson('docs/assessment.schema.json'), assessmentJsonSchema());
  });

  it('prints a JSON report that validates against docs/fit-report.schema.json and reads back as --assessment', async () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    ajv.addSchema(await readJson('docs/assessment.schema.json'), 'assessment.schema.json');
    const validate = ajv.compile(await readJson('docs/fit-report.schema.json'));
    const answers = await file('data-engineer.json', DATA_ENGINEER);
    const result = await runCli(['assess', '--answers', answers, '--format', 'json'], { cwd: dir() });
    assert.equal(result.exitCode, 0, result.all);
    const report = JSON.parse(result.stdout) as FitReport;
    assert.ok(validate(report), JSON.stringify(validate.errors, null, 2));
    assert.deepEqual(report.strongest, ['databases', 'coding']);
    assert.equal(report.focus[0]?.area, 'systems');

    const saved = await file('fit.json', result.stdout);
    const plan = await runCli(['plan', '--background', 'data-engineer', '--start', '2026-03-02', '--assessment', saved, '--format', 'json'], { cwd: dir() });
    assert.equal(plan.exitCode, 0, plan.all);
    const tuned = JSON.parse(plan.stdout) as ReturnType<typeof planDocument>;
    assert.equal(tuned.assessed, true);
    const byId = new Map(tuned.milestones.map((milestone) => [milestone.id, milestone]));
    assert.equal(byId.get('indexes')?.emphasis, 'fast-track');
    assert.equal(byId.get('deploy')?.emphasis, 'deep');
    assert.match(byId.get('deploy')?.extraTasks.join(' ') ?? '', /Deploy the scaffold as it is, early/);
  });

  it('reads as advice for each of two people, naming their strengths, their ranked gaps and the milestones to do', async () => {
    const data = await runCli(['assess', '--answers', await file('de.json', DATA_ENGINEER)], { cwd: dir() });
    assert.equal(data.exitCode, 0, data.all);
    assert.match(data.stdout, /## What you already do that the job needs\n\n\*\*Databases\.\*\* On your own, you have:\n- written a query joining three or more tables/);
    assert.match(data.stdout, /1\. \*\*Systems thinking\.\*\* Not yet on your own:/);
    assert.match(data.stdout, /\| SQL and relational design \| .* \| Yes \| \[\d\d\. Relations, migrations and constraints\]\(milestones\/\d\d-schema-design\.md\)/);
    assert.match(data.stdout, /is \*\*fast-tracked\*\* to \d+ hours: you have done this before/);
    assert.doesNotMatch(data.stdout, /\bscore|\b0\.\d\d\b|\b\d+ ?\/ ?(5|10)\b/i, 'advice, not a score');

    const frontend = { answers: { ...DATA_ENGINEER.answers, 'three-table-join': 'no', 'schema-from-scratch': 'partly', 'index-for-slow-query': 'no', 'ci-pipeline': 'yes', 'api-contract': 'yes', 'concurrent-writes': 'partly', 'failing-dependency': 'partly', authentication: 'yes', 'production-debugging': 'partly' } };
    const fe = await runCli(['assess', '--background', 'frontend', '--answers', await file('fe.json', frontend)], { cwd: dir() });
    assert.equal(fe.exitCode, 0, fe.all);
    assert.match(fe.stdout, /1\. \*\*Databases\.\*\* Not yet on your own:\n {3}- written a query joining three or more tables and checked its result by hand \(not yet\)/);
    assert.notEqual(fe.stdout, data.stdout);
  });

  it('refuses a malformed answers file with the file and the field named, exit 2, and writes nothing', async () => {
    const cases = [
      [await file('bad-value.json', { answers: { ...DATA_ENGINEER.answers, kubernetes: 'sometimes' } }), /bad-value\.json: answers\.kubernetes must be one of "no", "partly", "yes"; got "sometimes"\./],
      [await file('not-json.json', '{ "answers": '), /not-json\.json: not valid JSON/],
      [path.join(dir(), 'missing.json'), /missing\.json: cannot read it, there is no such file\./],
    ] as const;
    for (const [answers, message] of cases) {
      const assessed = await runCli(['assess', '--answers', answers], { cwd: dir() });
      assert.equal(assessed.exitCode, 2, assessed.all);
      assert.match(assessed.stderr, new RegExp(`--answers .*${message.source}`));
      const before = await readdir(dir());
      const scaffold = await runCli(['api', '--yes', '--no-install', '--no-git', '--assessment', answers], { cwd: dir() });
      assert.equal(scaffold.exitCode, 2, scaffold.all);
      assert.match(scaffold.stderr, new RegExp(`--assessment .*${message.source}`));
      assert.doesNotMatch(scaffold.all, /\n\s+at /, 'no stack trace');
      assert.deepEqual(await readdir(dir()), before, 'nothing written');
    }
  });

  it('without a terminal and without --answers, says how to give them instead of hanging', async () => {
    const result = await runCli(['assess', '--background', 'qa'], { cwd: dir(), timeout: 30_000 });
    assert.equal(result.exitCode, 2);
    assert.match(result.stderr, /assess asks its questions at a terminal\. Without one, give the answers in a file: --answers answers\.json/);
  });

  it('tunes a scaffolded project: docs/fit-report.md holds the report, the plan and the milestone docs follow it', async () => {
    const answers = await file('scaffold.json', DATA_ENGINEER);
    const result = await runCli(['tuned', '--yes', '--domain', 'ticketing', '--no-install', '--no-git', '--assessment', answers], { cwd: dir() });
    assert.equal(result.exitCode, 0, result.all);
    const project = path.join(dir(), 'tuned');
    const report = await readFile(path.join(project, 'docs/fit-report.md'), 'utf8');
    assert.match(report, /^# Your fit for backend engineering\n\nThis report comes from the fit assessment you took/);
    const readme = await readFile(path.join(project, 'docs/milestones/README.md'), 'utf8');
    assert.match(readme, /follow your background and your fit assessment; \[the fit report\]\(\.\.\/fit-report\.md\)/);
    const deployDoc = (await readdir(path.join(project, 'docs/milestones'))).find((name) => name.endsWith('-deploy.md'))!;
    assert.match(await readFile(path.join(project, 'docs/milestones', deployDoc), 'utf8'), /From your \[fit assessment\]\(\.\.\/fit-report\.md\), because it found a gap here:\n\n1\. Deploy the scaffold as it is, early/);
    const milestones = JSON.parse(await readFile(path.join(project, 'milestones/milestones.json'), 'utf8')) as { answers: { assessment?: { background: string } } };
    assert.equal(milestones.answers.assessment?.background, 'data-engineer');

    const plain = await runCli(['plain', '--yes', '--background', 'data-engineer', '--no-install', '--no-git'], { cwd: dir() });
    assert.equal(plain.exitCode, 0, plain.all);
    const untuned = await readFile(path.join(dir(), 'plain/docs/fit-report.md'), 'utf8');
    assert.match(untuned, /You have not taken the fit assessment yet/);
    assert.match(untuned, /npx create-backend-portfolio assess --background data-engineer --format json > fit\.json/);
    assert.ok(existsSync(path.join(dir(), 'plain/docs/milestones/README.md')));
  });
});

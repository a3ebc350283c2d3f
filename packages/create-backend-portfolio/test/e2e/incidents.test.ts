import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { DOMAIN_IDS, findDomain, INCIDENT_IDS, incidentScenarios } from '@create-backend-portfolio/core';
import { loadIncidentFixes } from '@create-backend-portfolio/generators/incidents';
import { projectReader, projectView, writeFiles } from '@create-backend-portfolio/generators/solutions';
import { execa } from 'execa';
import { snapshotTree, suiteDir } from '../support/cli.js';
import { scaffoldLinked } from '../support/project.js';

/**
 * Proof that every incident drill works in every domain, on a fresh scaffold: `start` makes the symptom
 * measurable; `check` fails, naming each missing part, until the known fix (generators/incidents/fixes)
 * is applied, and passes after it; `reset` puts back every byte of the tree as it was before `start`.
 * One project per domain serves its three drills, one after another.
 */
const fixes = await loadIncidentFixes();
/** Drills send traffic to a PostgreSQL server (the embedded database serves one session at a time). */
const SERVER = process.env.TEST_DATABASE_URL ?? '';
const skip = SERVER === '' && 'set TEST_DATABASE_URL: drills run their traffic against a PostgreSQL server';
/** A short traffic window keeps the file within budget; the symptoms show within a second or two. */
const ENV = { DATABASE_URL: SERVER, INCIDENT_WINDOW_MS: '2000' };
/** Left alone by `reset` (installed modules) or removed by it (the drill's own state). */
const NOT_RESTORED = new Set(['node_modules', '.incident']);

/** `pnpm incident <args>` without pnpm. `reset` copies the learner's changes to the temp folder: here, the suite's own. */
function incident(dir: string, args: readonly string[]) {
  const env = { ...ENV, TMPDIR: path.dirname(dir) };
  return execa(process.execPath, ['--import', 'tsx', 'incidents/cli.ts', ...args], { cwd: dir, reject: false, all: true, env, timeout: 300_000 });
}

interface CheckResult {
  passed: boolean;
  parts: { name: string; passed: boolean; message: string }[];
}

const lastJson = <T>(stdout: string): T => JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as T;

for (const domain of DOMAIN_IDS) {
  describe(`incident drills in the ${domain} domain`, { skip }, () => {
    const parent = suiteDir(`incidents-${domain}`);
    const scenarios = incidentScenarios(findDomain(domain) ?? assert.fail(domain));
    let dir = '';

    it('scaffolds a project and lists every drill with its symptom, never its cause', async () => {
      dir = await scaffoldLinked(parent(), `drills-${domain}`, ['--background', 'qa', '--domain', domain]);
      const list = await incident(dir, ['list']);
      assert.equal(list.exitCode, 0, list.all);
      for (const scenario of scenarios) {
        assert.match(list.stdout, new RegExp(`${scenario.id} +${scenario.symptom} +`), list.stdout);
        assert.ok(!list.stdout.includes(scenario.cause), `list shows the cause of ${scenario.id}`);
      }
    });

    for (const id of INCIDENT_IDS) {
      it(`${id}: start shows the symptom, check fails until the known fix, reset restores every byte`, async () => {
        const scenario = scenarios.find((candidate) => candidate.id === id) ?? assert.fail(id);
        const fix = fixes.get(id) ?? assert.fail(`no known fix for ${id}`);
        const before = await snapshotTree(dir, NOT_RESTORED);

        const started = await incident(dir, ['start', id, '--json']);
        assert.equal(started.exitCode, 0, started.all);
        const { report, measurements } = lastJson<{ report: string; measurements: Record<string, number> }>(started.stdout);
        const measured = measurements[scenario.threshold.measure] ?? NaN;
        assert.ok(measured > scenario.threshold.above, `${scenario.threshold.measure} ${measured} is not above ${scenario.threshold.above}: ${report}`);
        assert.ok(!report.includes(scenario.cause), report);

        const broken = await incident(dir, ['check', '--json']);
        assert.equal(broken.exitCode, 1, broken.all);
        const failing = lastJson<CheckResult>(broken.stdout);
        assert.deepEqual(
          failing.parts.map((part) => [part.name, part.passed]),
          [['symptom', false], ['regression-test', false], ['postmortem', false]],
          broken.stdout,
        );
        assert.match(failing.parts[1]?.message ?? '', new RegExp(`"${id}" in its describe title`));
        assert.match(failing.parts[2]?.message ?? '', new RegExp(`docs/incidents/${id}\\.md`));

        await writeFiles(dir, await fix.files(await projectView(dir), projectReader(dir)));
        const fixed = await incident(dir, ['check', '--json']);
        assert.equal(fixed.exitCode, 0, fixed.all);
        assert.ok(lastJson<CheckResult>(fixed.stdout).passed, fixed.stdout);

        const reset = await incident(dir, ['reset']);
        assert.equal(reset.exitCode, 0, reset.all);
        assert.ok(!existsSync(path.join(dir, '.incident')), 'reset leaves .incident behind');
        assert.deepEqual(await snapshotTree(dir, NOT_RESTORED), before);
      });
    }

    if (domain === 'ticketing') {
      it('refuses a second drill while one is active, gives one more hint per call, and resets an unsolved drill', async () => {
        const before = await snapshotTree(dir, NOT_RESTORED);
        const started = await incident(dir, ['start', 'slow-list']);
        assert.equal(started.exitCode, 0, started.all);
        const second = await incident(dir, ['start', 'lost-edits']);
        assert.equal(second.exitCode, 1, second.all);
        assert.match(second.stderr, /slow-list incident is still active/);
        for (const shown of [1, 2]) {
          const hint = await incident(dir, ['hint']);
          assert.equal(hint.exitCode, 0, hint.all);
          assert.equal(hint.stdout.match(/^Hint \d+ of \d+:/gm)?.length, shown, hint.stdout);
        }
        const reset = await incident(dir, ['reset']);
        assert.equal(reset.exitCode, 0, reset.all);
        assert.deepEqual(await snapshotTree(dir, NOT_RESTORED), before);
        const none = await incident(dir, ['check']);
        assert.equal(none.exitCode, 1, none.all);
        assert.match(none.stderr, /No incident is active/);
      });
    }
  });
}

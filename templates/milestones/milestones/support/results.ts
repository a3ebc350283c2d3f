import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type MilestoneEntry, MILESTONES_DIR, type MilestonesFile } from './milestones.js';

export type TestStatus = 'passed' | 'failed';
export type MilestoneStatus = 'passed' | 'failing' | 'not started' | 'no check yet';

export interface TestResult {
  readonly name: string;
  readonly milestone: string;
  readonly criterion: string;
  readonly status: TestStatus;
  /** The first line of the failure, or empty when it passed. */
  readonly message: string;
}

export interface MilestoneResult {
  readonly milestone: MilestoneEntry;
  readonly status: MilestoneStatus;
  readonly tests: readonly TestResult[];
  /** One line on why it is not passed, or null. */
  readonly reason: string | null;
}

interface JestJson {
  readonly testResults: readonly {
    readonly name: string;
    readonly message: string;
    readonly assertionResults: readonly { readonly title: string; readonly status: string; readonly failureMessages: readonly string[] }[];
  }[];
}

// eslint-disable-next-line no-control-regex
const plain = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');

const tidy = (text: string) => text.replace(/\b(Array|Object) ([[{])/g, '$2').replace(/,(\s*[\]}])/g, '$1').replace(/,$/, '');

/**
 * The lines a `toEqual` diff marks with `sign` ("-" expected, "+" received), joined into one short phrase
 * with jest's `Array [` and `Object {` noise removed.
 */
function side(lines: readonly string[], sign: '-' | '+'): string {
  const marked = lines.filter((line) => line.startsWith(`${sign} `) && !/^[-+] (Expected|Received)\b/.test(line));
  const text = tidy(marked.map((line) => line.slice(2).trim()).join(' '));
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}

/**
 * One line for a failure. A diff of two objects (how every check reports) becomes "what: expected ...;
 * received ..." with only the differing fields; a plain Expected/Received pair stays a pair; anything else
 * gives its first line.
 */
function firstLine(text: string): string {
  const raw = plain(text).split('\n');
  const lines = raw.map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('●'));
  if (raw.some((line) => line.startsWith('- Expected'))) {
    const what = /^\s*"what": "(.*)",?$/.exec(raw.find((line) => /^\s*"what": /.test(line)) ?? '')?.[1];
    return `${what === undefined ? '' : `${what}: `}expected ${side(raw, '-')}; received ${side(raw, '+')}`;
  }
  const expected = lines.find((line) => line.startsWith('Expected'));
  const received = lines.find((line) => line.startsWith('Received'));
  if (expected !== undefined && received !== undefined) return `${expected}; ${received}`;
  return (lines[0] ?? '').replace(/^Error: /, '');
}

/** Runs the checks of the given milestones with jest; `stream` shows jest's own output as it runs. */
export function runChecks(root: string, file: MilestonesFile, ids: readonly string[], { stream }: { stream: boolean }): MilestoneResult[] {
  const selected = file.milestones.filter((milestone) => ids.includes(milestone.id));
  const checks = selected.flatMap((milestone) => (milestone.check === null ? [] : [milestone.check]));
  let json: JestJson = { testResults: [] };
  if (checks.length > 0) {
    const out = mkdtempSync(path.join(tmpdir(), 'milestone-'));
    try {
      const jest = createRequire(path.join(root, 'package.json')).resolve('jest/bin/jest');
      const args = [jest, '--config', `${MILESTONES_DIR}/jest.config.js`, '--json', '--outputFile', path.join(out, 'results.json'), '--runTestsByPath', ...checks];
      // MILESTONE_RUN_DIR: where checks keep what they share within this command, such as one run of the suite.
      spawnSync(process.execPath, args, { cwd: root, stdio: stream ? 'inherit' : 'ignore', env: { ...process.env, TZ: 'UTC', MILESTONE_RUN_DIR: out } });
      json = JSON.parse(readFileSync(path.join(out, 'results.json'), 'utf8')) as JestJson;
    } catch {
      // jest could not write results (it failed to start): every selected check counts as failed below.
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }
  return selected.map((milestone) => summarize(root, milestone, json));
}

function summarize(root: string, milestone: MilestoneEntry, json: JestJson): MilestoneResult {
  if (milestone.check === null) {
    return { milestone, status: 'no check yet', tests: [], reason: 'no automated check for this milestone yet; your mentor reviews it by hand' };
  }
  const suite = json.testResults.find((result) => path.relative(root, result.name) === milestone.check);
  const tests: TestResult[] = milestone.criteria.map((criterion) => {
    const assertion = suite?.assertionResults.find((result) => result.title.startsWith(`${criterion.id}:`));
    const passed = assertion?.status === 'passed';
    const message = passed ? '' : firstLine(assertion?.failureMessages[0] ?? suite?.message ?? 'the check did not run');
    return { name: `${criterion.id}: ${criterion.statement}`, milestone: milestone.id, criterion: criterion.id, status: passed ? 'passed' : 'failed', message };
  });
  const passed = tests.filter((test) => test.status === 'passed').length;
  const status: MilestoneStatus = passed === tests.length ? 'passed' : passed === 0 ? 'not started' : 'failing';
  const failed = tests.find((test) => test.status === 'failed');
  return { milestone, status, tests, reason: failed === undefined ? null : `${failed.criterion}: ${failed.message}` };
}

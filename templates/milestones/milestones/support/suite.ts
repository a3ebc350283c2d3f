import { createHash, randomInt } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { root } from './documents.js';
import { learnerEnv, runInGroup } from './process.js';

/** The learner's suite, run whole in a child process: generous, because a loaded machine runs it slowly. */
export const RUN_TIMEOUT_MS = 400_000;
/** A check criterion's own timeout when it waits for the suite: the shuffled run and the rerun in file order. */
export const SUITE_CRITERION_TIMEOUT_MS = 2 * RUN_TIMEOUT_MS + 10_000;
const TEST_TIMEOUT_MS = 60_000;

export interface Report {
  numTotalTests: number;
  numFailedTests: number;
  testResults: { name: string; message: string; assertionResults: { fullName: string; status: string; failureMessages: string[] }[] }[];
}

/** One completed request in the app's log, as the scaffold's access log writes it. */
export interface Answer {
  method: string;
  pathname: string;
  /** The query string, without the `?`. */
  search: string;
  status: number;
}

export interface Run {
  exitCode: number;
  report: Report | undefined;
  answers: Answer[];
  coverage: { lines: { pct: number }; branches: { pct: number } } | undefined;
  output: string;
}

export interface SuiteRun {
  /** The `--seed` of the shuffled run: the `test` script with `--randomize --seed=<seed>` replays its order. */
  readonly seed: number;
  /** The whole suite in a shuffled order, with coverage over `src/`. */
  readonly shuffled: Run;
  /** The files with a failure in the shuffled run, run again alone in the order they were written; undefined when none failed. */
  readonly inFileOrder: Run | undefined;
}

/**
 * Runs the project's own jest, with its own config and global setup, the way its `test` script does. It gets
 * the database server this check run was given (global setup names it REQUESTED_DATABASE_URL), so on
 * real PostgreSQL the suite runs on real PostgreSQL too, in a throwaway database of its own.
 */
async function runJest(extra: readonly string[]): Promise<Run> {
  const out = mkdtempSync(path.join(tmpdir(), 'milestone-suite-'));
  const jest = createRequire(path.join(root, 'package.json')).resolve('jest/bin/jest');
  // A generous readiness timeout too: a database ping that takes a second on a loaded machine is not a failing test.
  const env = { ...learnerEnv(), DATABASE_URL: process.env.REQUESTED_DATABASE_URL ?? '', LOG_LEVEL: 'info', NODE_ENV: 'test', TZ: 'UTC', READINESS_TIMEOUT_MS: '10000' };
  // A generous per-test timeout and no wait for handles left open: the checks judge what the tests
  // assert, not how busy this machine is.
  const options = ['--ci', '--json', '--outputFile', path.join(out, 'report.json'), `--testTimeout=${TEST_TIMEOUT_MS}`, '--forceExit'];
  try {
    const result = await runInGroup(process.execPath, [jest, ...options, ...extra.map((arg) => arg.replace('<out>', out))], { cwd: root, env, timeoutMs: RUN_TIMEOUT_MS });
    return {
      exitCode: result.code,
      report: readJson<Report>(path.join(out, 'report.json')),
      answers: answersIn(result.stdout),
      coverage: readJson<{ total: Run['coverage'] }>(path.join(out, 'coverage', 'coverage-summary.json'))?.total,
      output: result.stderr.slice(-3000),
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

/** The completed requests in the app's JSON log lines; anything else on stdout is skipped. */
function answersIn(stdout: string): Answer[] {
  return stdout.split('\n').flatMap((line) => {
    if (!line.startsWith('{')) return [];
    try {
      const entry = JSON.parse(line) as Record<string, unknown>;
      const target = entry.path ?? entry.url;
      const status = entry.status ?? entry.statusCode;
      if (typeof entry.method !== 'string' || typeof target !== 'string' || typeof status !== 'number') return [];
      const url = new URL(target, 'http://check.invalid');
      return [{ method: entry.method, pathname: url.pathname.replace(/\/$/, ''), search: url.search.slice(1), status }];
    } catch {
      return [];
    }
  });
}

const NOT_HASHED = new Set(['node_modules', '.git', 'dist', 'coverage', '.data', '.incident', 'milestones']);

/** A digest of every file the suite could read (paths and bytes), so a changed tree never reuses a run. */
function treeDigest(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const relative = dir === '' ? entry.name : `${dir}/${entry.name}`;
      if (dir === '' && NOT_HASHED.has(entry.name)) continue;
      if (entry.isDirectory()) walk(relative);
      else if (entry.isFile()) hash.update(`${relative}\0`).update(readFileSync(path.join(root, relative))).update('\0');
    }
  };
  walk('');
  return hash.digest('hex');
}

async function runSuite(): Promise<SuiteRun> {
  const seed = randomInt(1, 2 ** 31 - 1);
  const shuffled = await runJest([
    '--randomize',
    `--seed=${seed}`,
    '--coverage',
    '--coverageReporters=json-summary',
    '--coverageDirectory=<out>/coverage',
    '--collectCoverageFrom=src/**/*.ts',
    '--collectCoverageFrom=!src/db/migrations/**',
    '--collectCoverageFrom=!src/db/seeds/**',
  ]);
  const failing = (shuffled.report?.testResults ?? []).filter((file) => file.assertionResults.some((test) => test.status === 'failed') || file.message !== '');
  const inFileOrder = failing.length === 0 ? undefined : await runJest(['--runTestsByPath', ...failing.map((file) => path.relative(root, file.name))]);
  return { seed, shuffled, inFileOrder };
}

/**
 * One run of the learner's whole suite per `milestone` command. The orientation, testing and ci-cd
 * checks all judge it, so `check all` pays for the suite once. The command names a directory for the
 * run (MILESTONE_RUN_DIR) and removes it afterwards; the run is kept there under a digest of the tree, so
 * the next command, or a tree that changed since, runs the suite afresh.
 */
export async function projectSuite(): Promise<SuiteRun> {
  const dir = process.env.MILESTONE_RUN_DIR;
  if (dir === undefined || !existsSync(dir)) return runSuite();
  const file = path.join(dir, `suite-${treeDigest()}.json`);
  const kept = readJson<SuiteRun>(file);
  if (kept !== undefined) return kept;
  const run = await runSuite();
  writeFileSync(file, JSON.stringify(run));
  return run;
}

/** The failed tests of a run by full name, and test files that failed to run by path, each with the first line of why. */
export const failures = (report: Report | undefined) =>
  new Map(
    (report?.testResults ?? []).flatMap((file) => [
      ...(file.message !== '' && file.assertionResults.length === 0 ? [[path.relative(root, file.name), file.message.slice(0, 300)] as const] : []),
      ...file.assertionResults.filter((test) => test.status === 'failed').map((test) => [test.fullName, (test.failureMessages[0] ?? '').split('\n')[0] ?? ''] as const),
    ]),
  );

export const listed = (failed: ReadonlyMap<string, string>) => [...failed].map(([name, why]) => `${name}: ${why}`);

/**
 * What the `test` script would say: the tests that fail even in the order they were written, and jest's own
 * output when it could not run at all. A test that fails only when shuffled is the testing check's business.
 */
export function verdict({ shuffled, inFileOrder }: SuiteRun): { ran: boolean; tests: number; failing: string[]; output?: string } {
  const ran = shuffled.report !== undefined && (inFileOrder === undefined || inFileOrder.report !== undefined);
  return {
    ran,
    tests: shuffled.report?.numTotalTests ?? 0,
    failing: listed(failures(inFileOrder?.report)),
    ...(ran ? {} : { output: (inFileOrder ?? shuffled).output }),
  };
}

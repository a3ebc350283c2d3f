import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { postmortemProblem, POSTMORTEM_TEMPLATE } from './postmortem.js';
import { decode, findScenario, loadDrills, type Measurements, ROOT, type Scenario, symptomPresent, symptomReport } from './scenarios.js';
import { clearState, type DrillState, hasActiveDrill, injectedBytes, readState, restoreProject, snapshotProject, writeState } from './state.js';

const usage = `usage: incident list | start <scenario> [--json] | hint | check [--json] | reset

  list             the scenarios, by the symptom on-call sees
  start <id>       injects the fault, runs traffic against the app, prints the symptom report
  hint             one more hint for the active incident
  check            is it fixed? the symptom, your regression test and your postmortem
  reset            puts the project back exactly as it was before start

Drills need a PostgreSQL server: DATABASE_URL, from .env or the environment. Each run uses a
throwaway database on it. The app's log lines of each run go to .incident/app.log.`;

const run = promisify(execFile);

/** Runs the scenario's traffic against the code on disk, in a child process (see drill.ts). */
async function measure(scenario: Scenario): Promise<Measurements> {
  try {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', path.join('incidents', 'drill.ts'), scenario.id], {
      cwd: ROOT,
      env: process.env,
      maxBuffer: 16 * 1024 * 1024,
    });
    return JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as Measurements;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(stderr !== undefined && stderr !== '' ? stderr : String(error), { cause: error });
  }
}

function list(): void {
  const { scenarios } = loadDrills();
  const width = Math.max(...scenarios.map((scenario) => scenario.id.length));
  console.log('Scenarios (start one with `incident start <id>`):\n');
  for (const scenario of scenarios) console.log(`  ${scenario.id.padEnd(width)}  ${scenario.symptom.padEnd(13)}  ${scenario.title}`);
}

async function start(id: string | undefined, json: boolean): Promise<void> {
  const scenario = findScenario(loadDrills(), id);
  if (hasActiveDrill()) {
    const active = await readState();
    throw new Error(`The ${active.scenario} incident is still active. Finish it with \`incident check\`, or undo it with \`incident reset\`, before starting another.`);
  }
  const file = path.join(ROOT, scenario.fault.file);
  const find = decode(scenario.fault.find);
  const original = existsSync(file) ? await readFile(file, 'utf8') : '';
  if (!original.includes(find)) {
    throw new Error(
      `This drill changes code the scaffold generated in ${scenario.fault.file}, and that code has changed in your project, so it cannot be injected. Run it on a fresh scaffold of the same domain.`,
    );
  }
  const faulty = original.replace(find, decode(scenario.fault.replace));
  const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
  const state: DrillState = {
    scenario: scenario.id,
    startedAt: new Date().toISOString(),
    hintsShown: 0,
    faults: [{ file: scenario.fault.file, original: b64(original), faulty: b64(faulty) }],
  };
  // The snapshot and the state come first: whatever happens next, `reset` can undo it.
  await snapshotProject();
  await writeState(state);
  await writeFile(file, faulty);
  let measured: Measurements;
  try {
    measured = await measure(scenario);
  } catch (error) {
    await restoreProject(path.join(tmpdir(), `incident-${scenario.id}-${Date.now()}`), injectedBytes(state));
    await clearState();
    throw error;
  }
  if (json) {
    console.log(JSON.stringify({ scenario: scenario.id, report: symptomReport(scenario, measured), measurements: measured }));
    return;
  }
  console.log(`Incident: ${scenario.title}\n\n${symptomReport(scenario, measured)}\n`);
  console.log('The app\'s log of that traffic is in .incident/app.log (every line carries its request id).');
  console.log('`incident hint` gives a hint; `incident check` tells you when it is fixed; `incident reset` undoes the drill.');
}

async function hint(): Promise<void> {
  const state = await readState();
  const scenario = findScenario(loadDrills(), state.scenario);
  state.hintsShown = Math.min(state.hintsShown + 1, scenario.hints.length);
  await writeState(state);
  scenario.hints.slice(0, state.hintsShown).forEach((text, index) => console.log(`Hint ${index + 1} of ${scenario.hints.length}: ${text}`));
  if (state.hintsShown === scenario.hints.length) console.log('\nThat was the last hint.');
}

interface Part {
  readonly name: 'symptom' | 'regression-test' | 'postmortem';
  readonly passed: boolean;
  readonly message: string;
}

/** Test files under test/ whose describe title names the scenario id. */
async function regressionTests(id: string): Promise<string[]> {
  const dir = path.join(ROOT, 'test');
  const files = (await readdir(dir, { recursive: true })).filter((file) => file.endsWith('.test.ts') && !file.endsWith('.todo.test.ts'));
  const named = new RegExp(`describe\\(\\s*(['"\`])[^'"\`]*\\b${id}\\b`);
  const matches = await Promise.all(files.map(async (file) => (named.test(await readFile(path.join(dir, file), 'utf8')) ? `test/${file}` : undefined)));
  return matches.filter((file): file is string => file !== undefined);
}

async function jest(files: readonly string[]): Promise<boolean> {
  try {
    await run(process.execPath, [path.join(ROOT, 'node_modules/jest/bin/jest.js'), '--forceExit', '--runTestsByPath', ...files], {
      cwd: ROOT,
      env: { ...process.env, CI: 'true' },
      maxBuffer: 16 * 1024 * 1024,
    });
    return true;
  } catch {
    return false;
  }
}

/**
 * The learner's regression test must pass on their code and fail on the faulty code. The faulty bytes
 * saved at `start` go back in for one jest run; the learner's bytes are restored afterwards, also when
 * the run is interrupted.
 */
async function checkRegressionTest(state: DrillState): Promise<Part> {
  const name = 'regression-test';
  const files = await regressionTests(state.scenario);
  if (files.length === 0) {
    return { name, passed: false, message: `Write a test under test/ with "${state.scenario}" in its describe title that fails on the faulty code.` };
  }
  if (!(await jest(files))) return { name, passed: false, message: `Make ${files.join(', ')} pass on your fixed code (run: jest ${files.join(' ')}).` };
  const learners = await Promise.all(state.faults.map(async (fault) => ({ file: path.join(ROOT, fault.file), bytes: await readFile(path.join(ROOT, fault.file)) })));
  const restore = () => Promise.all(learners.map((each) => writeFile(each.file, each.bytes)));
  const interrupted = () => {
    void restore().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  try {
    await Promise.all(state.faults.map((fault) => writeFile(path.join(ROOT, fault.file), Buffer.from(fault.faulty, 'base64'))));
    if (await jest(files)) {
      return { name, passed: false, message: `${files.join(', ')} still passes with the fault put back: make it exercise what broke, so it would have caught this incident.` };
    }
  } finally {
    await restore();
    process.removeListener('SIGINT', interrupted);
  }
  return { name, passed: true, message: `${files.join(', ')} passes on your code and fails on the faulty code.` };
}

async function checkPostmortem(id: string): Promise<Part> {
  const name = 'postmortem';
  const relative = `docs/incidents/${id}.md`;
  const file = path.join(ROOT, relative);
  if (!existsSync(file)) return { name, passed: false, message: `Copy ${POSTMORTEM_TEMPLATE} to ${relative} and fill in every section.` };
  const problem = postmortemProblem(await readFile(path.join(ROOT, POSTMORTEM_TEMPLATE), 'utf8'), await readFile(file, 'utf8'));
  return problem === undefined ? { name, passed: true, message: `${relative} is filled in.` } : { name, passed: false, message: `${relative}: ${problem}` };
}

async function check(json: boolean): Promise<boolean> {
  const state = await readState();
  const scenario = findScenario(loadDrills(), state.scenario);
  const measured = await measure(scenario);
  const symptom: Part = symptomPresent(scenario, measured)
    ? { name: 'symptom', passed: false, message: `The symptom is still there under the same traffic: ${symptomReport(scenario, measured)}` }
    : { name: 'symptom', passed: true, message: `The symptom is gone under the same traffic (${scenario.threshold.measure} ${measured[scenario.threshold.measure]}, at most ${scenario.threshold.above}).` };
  const parts = [symptom, await checkRegressionTest(state), await checkPostmortem(state.scenario)];
  const passed = parts.every((part) => part.passed);
  if (json) {
    console.log(JSON.stringify({ scenario: scenario.id, passed, parts, measurements: measured }));
  } else {
    for (const part of parts) console.log(`${part.passed ? '✓' : '✗'} ${part.name}: ${part.message}`);
    console.log(passed ? `\nResolved. \`incident reset\` restores the project as it was before the drill (your changes are copied aside first).` : '');
  }
  return passed;
}

async function reset(): Promise<void> {
  const state = await readState();
  const backup = path.join(tmpdir(), `incident-${state.scenario}-${state.startedAt.replace(/[:.]/g, '-')}`);
  const changed = await restoreProject(backup, injectedBytes(state));
  await clearState();
  console.log(`Reset: the project is as it was before the ${state.scenario} drill started.`);
  if (changed.length > 0) console.log(`Your versions of the ${changed.length} file(s) that changed since are copied to ${backup}.`);
}

async function main([command, ...args]: string[]): Promise<number> {
  const json = args.includes('--json');
  const positional = args.filter((arg) => !arg.startsWith('--'));
  switch (command) {
    case 'list':
      list();
      return 0;
    case 'start':
      await start(positional[0], json);
      return 0;
    case 'hint':
      await hint();
      return 0;
    case 'check':
      return (await check(json)) ? 0 : 1;
    case 'reset':
      await reset();
      return 0;
    default:
      console.log(usage);
      return command === undefined || command === 'help' ? 0 : 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);

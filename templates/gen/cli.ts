/**
 * The `gen` script (`gen <generator> [arguments]`) runs one generator of gen/plopfile.ts through node-plop, plop's
 * engine. It wraps the plopfile rather than calling the plop CLI so that:
 * - every argument and every clash is checked before the first file is written;
 * - nothing is asked when there is no terminal (CI, scripts): a missing argument is an error there;
 * - if an action still fails midway, the files it added are removed and the files it changed restored.
 */
import { existsSync } from 'node:fs';
import { readFile, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { NodePlopAPI } from 'node-plop';
import { type Answers, GENERATORS } from './generators.js';
import { GenError } from './names.js';
import { ROOT } from './project.js';

const USAGE = `usage:\n${Object.values(GENERATORS)
  .map((definition) => `  ${definition.usage}\n      ${definition.description}`)
  .join('\n')}`;

const NEXT_STEPS: Readonly<Record<string, string>> = {
  resource: 'Next: run the tests (the new table is migrated for them), then `test:todo` for the rules left for you.',
  migration: 'Next: write `up` and its exact undo in `down`, then prove both with `migrate:latest` and `migrate:down`.',
  adr: 'Next: fill in the context, the decision and its consequences, and link the record from your pull request.',
};

interface Invocation {
  readonly generator: string | undefined;
  readonly positional: readonly string[];
  readonly options: Readonly<Record<string, string>>;
  readonly help: boolean;
}

function parseArgs(argv: readonly string[]): Invocation {
  const positional: string[] = [];
  const options: Record<string, string> = {};
  let help = false;
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index]!;
    if (arg === '--help' || arg === '-h') help = true;
    else if (arg === '--') continue;
    else if (arg.startsWith('--')) {
      const [key = '', inline] = arg.slice(2).split(/=(.*)/s);
      const value = inline ?? argv[(index += 1)];
      if (value === undefined) throw new GenError(`--${key} needs a value.\n${USAGE}`);
      options[key] = value;
    } else positional.push(arg);
  }
  const [generator, ...rest] = positional;
  return { generator, positional: rest, options, help };
}

/** The answers from the command line, or from prompts when a terminal can ask for what is missing. */
async function collectAnswers(name: string, invocation: Invocation, runPrompts: (bypass: string[]) => Promise<Answers>): Promise<Answers> {
  const definition = GENERATORS[name]!;
  const names = definition.prompts.map((prompt) => String(prompt.name));
  const [first = ''] = names;
  const unknown = Object.keys(invocation.options).filter((key) => !names.slice(1).includes(key));
  if (unknown.length > 0) throw new GenError(`gen ${name} does not take --${unknown.join(', --')}.\nusage: ${definition.usage}`);
  // The first prompt is the positional argument; an ADR title may come unquoted, as several words.
  if (invocation.positional.length > 1 && name !== 'adr') {
    throw new GenError(`gen ${name} takes one name, got ${invocation.positional.length}: ${invocation.positional.join(' ')}.\nusage: ${definition.usage}`);
  }
  const answers: Answers = { ...invocation.options };
  if (invocation.positional.length > 0) return { ...answers, [first]: invocation.positional.join(' ') };
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    throw new GenError(`gen ${name} needs its ${first} as an argument when there is no terminal to ask for it.\nusage: ${definition.usage}`);
  }
  // `_` tells node-plop to ask that prompt; options already given are not asked again.
  return { ...answers, ...(await runPrompts(names.map((key) => (typeof answers[key] === 'string' ? String(answers[key]) : '_')))) };
}

let plop: Promise<NodePlopAPI> | undefined;

/** The project's plopfile, loaded once: for the prompts, then for writing. */
function loadPlop(): Promise<NodePlopAPI> {
  plop ??= import('node-plop').then(({ default: nodePlop }) =>
    nodePlop(path.join(import.meta.dirname, 'plopfile.ts'), { destBasePath: ROOT, force: false }),
  );
  return plop;
}

/** The folders a new file needs that do not exist yet, deepest first, to remove again on a rollback. */
function missingFolders(file: string): string[] {
  const folders: string[] = [];
  for (let dir = path.dirname(file); dir.startsWith(ROOT) && dir !== ROOT && !existsSync(dir); dir = path.dirname(dir)) folders.push(dir);
  return folders;
}

async function main(argv: readonly string[]): Promise<void> {
  const invocation = parseArgs(argv);
  if (invocation.help || invocation.generator === undefined) {
    console.log(USAGE);
    if (invocation.generator === undefined && !invocation.help) process.exitCode = 1;
    return;
  }
  const name = invocation.generator;
  const definition = GENERATORS[name];
  if (definition === undefined) throw new GenError(`There is no generator "${name}".\n${USAGE}`);

  // node-plop (with inquirer) takes a while to load: a refused argument is reported before it is.
  const answers = await collectAnswers(name, invocation, async (bypass) => (await loadPlop()).getGenerator(name).runPrompts(bypass));

  // Everything is decided here, once: the checks, the file names, the migration number.
  const actions = definition.plan(answers, ROOT, new Date());
  const targets = actions.flatMap((action) => (typeof action === 'object' && 'path' in action ? [{ type: action.type, file: String(action.path) }] : []));
  const added = targets.filter((target) => target.type === 'add').map((target) => target.file);
  const clashing = added.filter((file) => existsSync(file));
  if (clashing.length > 0) {
    throw new GenError(`Nothing was written: these files exist already:\n${clashing.map((file) => `  - ${path.relative(ROOT, file)}`).join('\n')}`);
  }
  const changed = [...new Set(targets.filter((target) => target.type === 'modify').map((target) => target.file))];
  const originals = new Map(await Promise.all(changed.map(async (file) => [file, await readFile(file, 'utf8')] as const)));
  const folders = [...new Set(added.flatMap(missingFolders))].sort((a, b) => b.length - a.length);

  const plop = await loadPlop();
  plop.setGenerator('apply', { description: 'the planned actions', prompts: [], actions: () => actions });
  const { failures } = await plop.getGenerator('apply').runActions(answers);
  const causes = failures.filter((failure) => !String(failure.error).startsWith('Aborted due to previous action failure'));
  if (failures.length > 0) {
    // node-plop leaves a failed add's path empty; with abortOnFail it is the first file not written.
    const unwritten = added.find((file) => !existsSync(file));
    const where = (failure: { path: string; type: string }) =>
      failure.path || (failure.type === 'add' && unwritten !== undefined ? path.relative(ROOT, unwritten) : failure.type);
    await Promise.all(added.map((file) => rm(file, { force: true })));
    await Promise.all([...originals].map(([file, content]) => writeFile(file, content)));
    for (const folder of folders) await rmdir(folder).catch(() => undefined);
    throw new GenError(
      `gen ${name} failed, and everything it wrote was undone:\n${causes.map((failure) => `  - ${where(failure)}: ${String(failure.error)}`).join('\n')}`,
    );
  }
  for (const file of added) console.log(`  created  ${path.relative(ROOT, file)}`);
  for (const file of changed) console.log(`  changed  ${path.relative(ROOT, file)}`);
  console.log(NEXT_STEPS[name] ?? '');
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof GenError ? error.message : error);
  process.exitCode = 1;
});

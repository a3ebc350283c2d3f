import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { dockerignorePatterns, ignored, type Instruction, parseDockerfile, type Stage } from './dockerfile.js';

/**
 * A generated Dockerfile's build, replayed without a Docker engine: each stage gets an empty folder
 * standing in for its /app, COPY copies from the build context (.dockerignore applied) or an earlier stage,
 * and RUN runs the install and build commands on this machine with the package manager on PATH. Steps that
 * only set up the operating system or the package manager binary are skipped and listed. This catches a COPY
 * of a file that is missing or ignored, a build that needs a file the stage did not copy, and an install
 * that the lockfile the project was created with does not satisfy.
 */

const WORKDIR = '/app';
/** Set-up steps the replay cannot or should not run here: OS packages, users, and the package manager binary itself. */
const SETUP_STEP = /^(corepack enable|apt-get|apk |useradd|groupadd|adduser|addgroup)|\binstall (--global|-g)\b/;

export interface Replayed {
  readonly dirs: Map<string, string>;
  readonly runtime: { dir: string; env: Record<string, string>; stage: Stage };
  readonly skipped: string[];
}

/** Builds each stage of the project's Dockerfile in its own folder; see the comment at the top. */
export async function replayDockerfile(project: string): Promise<Replayed> {
  const file = parseDockerfile(await readFile(path.join(project, 'Dockerfile'), 'utf8'));
  const patterns = dockerignorePatterns(await readFile(path.join(project, '.dockerignore'), 'utf8'));
  const dirs = new Map<string, string>();
  const skipped: string[] = [];
  let current = { dir: '', env: {} as Record<string, string>, stage: file.stages[0]! };
  for (const stage of file.stages) {
    // A stage built on an earlier one continues in its folder; one built on an image starts empty.
    const earlier = dirs.get(stage.from);
    current = { dir: earlier ?? (await mkdtemp(path.join(path.dirname(project), 'stage-'))), env: earlier === undefined ? {} : { ...current.env }, stage };
    if (stage.name !== undefined) dirs.set(stage.name, current.dir);
    for (const instruction of stage.instructions) {
      await step(instruction, { ...current, project, patterns, dirs, skip: (what) => skipped.push(`${stage.name}: ${what}`) });
    }
  }
  return { dirs, runtime: current, skipped };
}

async function step(
  instruction: Instruction,
  context: { dir: string; env: Record<string, string>; project: string; patterns: string[]; dirs: Map<string, string>; skip: (what: string) => void },
): Promise<void> {
  const { dir, env } = context;
  switch (instruction.keyword) {
    case 'WORKDIR':
      assert.equal(instruction.args, WORKDIR, 'the replay stands a folder in for /app');
      return;
    case 'ENV':
    case 'ARG': {
      const [key, value = ''] = instruction.args.split('=');
      if (key !== undefined && (instruction.keyword === 'ENV' || !(key in env))) env[key] = value;
      return;
    }
    case 'RUN': {
      if (SETUP_STEP.test(instruction.args)) {
        context.skip(instruction.args);
        return;
      }
      const result = await execa('sh', ['-c', instruction.args], { cwd: dir, env: { ...env, CI: 'true' }, reject: false, all: true });
      assert.equal(result.exitCode, 0, `line ${instruction.line}: RUN ${instruction.args}\n${result.all}`);
      return;
    }
    case 'COPY': {
      const parts = instruction.args.split(/\s+/);
      const destination = path.join(dir, path.relative(WORKDIR, path.resolve(WORKDIR, parts.pop()!)));
      const from = instruction.flags.from;
      const root = from === undefined ? context.project : context.dirs.get(from);
      assert.ok(root !== undefined, `line ${instruction.line}: COPY --from=${from} names no earlier stage`);
      for (const source of parts) {
        const relative = from === undefined ? source : path.relative(WORKDIR, source);
        const full = path.join(root, relative);
        assert.ok(existsSync(full), `line ${instruction.line}: COPY ${source} does not exist`);
        if (from === undefined) assert.equal(ignored(context.patterns, path.normalize(relative)), false, `line ${instruction.line}: COPY ${source} is excluded by .dockerignore`);
        const target = parts.length > 1 || instruction.args.endsWith('/') ? path.join(destination, path.basename(relative)) : destination;
        await mkdir(path.dirname(target), { recursive: true });
        await cp(full, target, {
          recursive: true,
          filter: (entry) => from !== undefined || !ignored(context.patterns, path.relative(root, entry)),
        });
      }
      return;
    }
    default:
      // FROM is handled by the caller; USER, EXPOSE, HEALTHCHECK and CMD describe how the image runs.
      return;
  }
}

export async function walk(root: string, skip: string, dir = root): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name === skip) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await walk(root, skip, full)));
    else files.push(path.relative(root, full));
  }
  return files;
}

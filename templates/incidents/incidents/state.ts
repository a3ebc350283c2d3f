import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT } from './scenarios.js';

/** Where a drill keeps what it needs to undo itself; git-ignored, and removed by `incident reset`. */
export const STATE_DIR = path.join(ROOT, '.incident');
const STATE_FILE = path.join(STATE_DIR, 'state.json');
const BEFORE_FILE = path.join(STATE_DIR, 'before.json');

/** Folders a drill neither snapshots nor restores: installed, built or local data, and its own state. */
const SKIPPED = new Set(['node_modules', '.git', '.incident', '.data', 'dist', 'coverage']);

export interface DrillState {
  readonly scenario: string;
  readonly startedAt: string;
  hintsShown: number;
  /** The files the fault changed: the project's bytes before `start` and the faulty bytes, base64. */
  readonly faults: readonly { readonly file: string; readonly original: string; readonly faulty: string }[];
}

export const hasActiveDrill = () => existsSync(STATE_FILE);

export async function readState(): Promise<DrillState> {
  if (!hasActiveDrill()) throw new Error('No incident is active. Start one with `incident start <scenario>`; `incident list` shows them.');
  return JSON.parse(await readFile(STATE_FILE, 'utf8')) as DrillState;
}

export async function writeState(state: DrillState): Promise<void> {
  await mkdir(STATE_DIR, { recursive: true });
  await writeFile(STATE_FILE, `${JSON.stringify(state, null, 2)}\n`);
}

/** Every file of the project outside SKIPPED, by path relative to the root. */
export async function projectFiles(dir = ''): Promise<string[]> {
  const entries = await readdir(path.join(ROOT, dir), { withFileTypes: true });
  const nested = await Promise.all(
    entries
      .filter((entry) => !SKIPPED.has(entry.name))
      .map((entry) => {
        const relative = dir === '' ? entry.name : `${dir}/${entry.name}`;
        if (entry.isDirectory()) return projectFiles(relative);
        return Promise.resolve(entry.isFile() ? [relative] : []);
      }),
  );
  return nested.flat().sort();
}

/** Saves the bytes of every project file, so `reset` can put the tree back exactly as it was. */
export async function snapshotProject(): Promise<void> {
  const files = await projectFiles();
  const contents = await Promise.all(files.map(async (file) => [file, (await readFile(path.join(ROOT, file))).toString('base64')] as const));
  await mkdir(STATE_DIR, { recursive: true });
  await writeFile(BEFORE_FILE, JSON.stringify(Object.fromEntries(contents)));
}

/**
 * Puts every file back as it was before `start`, and removes files created since. Whatever differs is
 * first copied to `backup`, so no work done during the drill is lost, except where it still holds the
 * drill's own bytes (`injected`, by path). Returns the paths it copied.
 */
export async function restoreProject(backup: string, injected: ReadonlyMap<string, Buffer> = new Map()): Promise<string[]> {
  const before = new Map(Object.entries(JSON.parse(await readFile(BEFORE_FILE, 'utf8')) as Record<string, string>));
  const now = await projectFiles();
  const changed: string[] = [];
  const keepCopy = async (file: string, bytes: Buffer) => {
    await mkdir(path.dirname(path.join(backup, file)), { recursive: true });
    await writeFile(path.join(backup, file), bytes);
  };
  for (const file of now) {
    const bytes = await readFile(path.join(ROOT, file));
    const original = before.get(file);
    if (original !== undefined && bytes.equals(Buffer.from(original, 'base64'))) continue;
    if (injected.get(file)?.equals(bytes) !== true) {
      await keepCopy(file, bytes);
      changed.push(file);
    }
    if (original === undefined) await rm(path.join(ROOT, file));
  }
  for (const [file, original] of before) {
    const target = path.join(ROOT, file);
    const bytes = Buffer.from(original, 'base64');
    if (existsSync(target) && (await readFile(target)).equals(bytes)) continue;
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, bytes);
  }
  await removeEmptyFolders(new Set([...before.keys()].flatMap(ancestors)));
  return changed.sort();
}

const ancestors = (file: string) => file.split('/').slice(0, -1).map((_, index, parts) => parts.slice(0, index + 1).join('/'));

/** Folders the drill or the learner created that are now empty, deepest first. */
async function removeEmptyFolders(existedBefore: ReadonlySet<string>, dir = ''): Promise<void> {
  const entries = await readdir(path.join(ROOT, dir), { withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isDirectory() || SKIPPED.has(entry.name)) continue;
    const relative = dir === '' ? entry.name : `${dir}/${entry.name}`;
    await removeEmptyFolders(existedBefore, relative);
    if (!existedBefore.has(relative) && (await readdir(path.join(ROOT, relative))).length === 0) await rmdir(path.join(ROOT, relative));
  }
}

/** The bytes the drill itself wrote, by path: what `restoreProject` need not keep a copy of. */
export const injectedBytes = (state: DrillState) => new Map(state.faults.map((fault) => [fault.file, Buffer.from(fault.faulty, 'base64')] as const));

export async function clearState(): Promise<void> {
  await rm(STATE_DIR, { recursive: true, force: true });
}

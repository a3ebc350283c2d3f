import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** The project cannot go where it was asked to: a file is in the way, or the folder cannot be made. */
export class TargetUnusable extends Error {
  override name = 'TargetUnusable';
}

/** Entries that may already be in the target folder: an empty repository someone cloned. */
const HARMLESS = new Set(['.git']);

/** The entries that would conflict with a new project, or [] when the folder is missing or empty; `cwd` names paths in messages. */
export async function conflictingEntries(dir: string, cwd: string): Promise<string[]> {
  try {
    const entries = await readdir(dir);
    return entries.filter((entry) => !HARMLESS.has(entry)).sort();
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    if (code === 'ENOENT') return [];
    if (code === 'ENOTDIR') {
      let blocking = dir;
      while (!existsSync(blocking)) blocking = path.dirname(blocking);
      throw new TargetUnusable(`${path.relative(cwd, blocking)} is a file, so the project cannot go in ${path.relative(cwd, dir)}. Choose another folder; nothing was written.`);
    }
    throw error;
  }
}

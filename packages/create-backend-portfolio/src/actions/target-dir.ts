import { readdir } from 'node:fs/promises';

/** Entries that may already be in the target folder: an empty repository someone cloned. */
const HARMLESS = new Set(['.git']);

/** The entries that would conflict with a new project, or [] when the folder is missing or empty. */
export async function conflictingEntries(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir);
    return entries.filter((entry) => !HARMLESS.has(entry)).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

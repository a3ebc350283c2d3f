import { existsSync } from 'node:fs';
import { lstat, readdir, readFile, rm, rmdir, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** `--overwrite` cannot set a clashing entry aside; the message says which and what to do. */
export class CannotReplace extends Error {
  override name = 'CannotReplace';
}

/**
 * What this run changed in the target folder, so a failure or an interrupt can put back exactly what
 * was there: files it replaced get their old bytes back, and everything it created is removed.
 * Nothing the person had is deleted.
 */
export class Journal {
  private readonly replaced = new Map<string, Buffer>();

  private constructor(
    private readonly root: string,
    readonly rootExisted: boolean,
    private readonly entriesBefore: ReadonlySet<string>,
    private readonly planned: readonly string[],
  ) {}

  /** Records the folder as it is, before anything is written; `planned` are the files the project will write. */
  static async open(root: string, planned: readonly string[]): Promise<Journal> {
    const rootExisted = existsSync(root);
    const entries = rootExisted ? await readdir(root) : [];
    return new Journal(root, rootExisted, new Set(entries), planned);
  }

  /** The planned files that already exist: what `--overwrite` replaces. */
  clashes(): string[] {
    return this.planned.filter((file) => existsSync(file));
  }

  /**
   * Keeps the bytes of every clashing file, then removes it so the project can be written in its place.
   * Every file is read before any is removed, so one that cannot be kept (a folder where the project
   * writes a file, a file it may not read) stops the run with nothing changed.
   */
  async setAsideClashes(): Promise<string[]> {
    const clashes = this.clashes();
    for (const file of clashes) {
      const relative = path.relative(this.root, file);
      if ((await lstat(file)).isDirectory()) {
        throw new CannotReplace(`${relative} is a folder, and the project writes a file there. Move it away or scaffold into another folder; nothing was changed.`);
      }
      try {
        this.replaced.set(file, await readFile(file));
      } catch (error) {
        throw new CannotReplace(`Cannot keep a copy of ${relative} to replace it (${(error as NodeJS.ErrnoException).code ?? String(error)}); nothing was changed.`);
      }
    }
    const removed: string[] = [];
    try {
      for (const file of clashes) {
        await unlink(file);
        removed.push(file);
      }
    } catch (error) {
      // A file that may not be removed (a read-only folder): put back the ones already set aside.
      for (const file of removed) await writeFile(file, this.replaced.get(file)!);
      this.replaced.clear();
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      throw new CannotReplace(`Cannot replace ${path.relative(this.root, (error as NodeJS.ErrnoException).path ?? '')} (${code}); nothing was changed.`);
    }
    return clashes;
  }

  /** Undoes this run: restores replaced files and removes every file and folder it created. */
  async undo(): Promise<void> {
    if (!this.rootExisted) {
      await rm(this.root, { recursive: true, force: true });
      return;
    }
    // Top-level entries that were not there before (node_modules, a lockfile, .git, new folders) are all ours.
    for (const entry of await readdir(this.root)) {
      if (!this.entriesBefore.has(entry)) await rm(path.join(this.root, entry), { recursive: true, force: true });
    }
    // Inside folders that were already there, remove the files we added and put back the ones we replaced.
    for (const file of this.planned) {
      const original = this.replaced.get(file);
      if (original !== undefined) await writeFile(file, original);
      else await rm(file, { force: true });
    }
    const folders = [...new Set(this.planned.map((file) => path.dirname(file)))].sort((a, b) => b.length - a.length);
    for (const folder of folders) {
      if (folder !== this.root && existsSync(folder) && (await readdir(folder)).length === 0) await rmdir(folder);
    }
  }
}

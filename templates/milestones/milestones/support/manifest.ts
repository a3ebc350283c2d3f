import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { MILESTONES_DIR } from './milestones.js';

export const MANIFEST = 'manifest.json';

export interface Manifest {
  readonly algorithm: 'sha256';
  readonly files: Readonly<Record<string, string>>;
}

export interface Drift {
  readonly edited: readonly string[];
  readonly added: readonly string[];
  readonly removed: readonly string[];
}

function filesUnder(root: string, dir = ''): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true })
    .flatMap((entry) => {
      const relative = dir === '' ? entry.name : `${dir}/${entry.name}`;
      return entry.isDirectory() ? filesUnder(root, relative) : [relative];
    })
    .sort();
}

export const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/** Compares every file under milestones/ with the hashes written when the project was generated. */
export function verify(root: string): { drift: Drift; digest: string } {
  const dir = path.join(root, MILESTONES_DIR);
  const manifestBytes = readFileSync(path.join(dir, MANIFEST));
  const manifest = JSON.parse(manifestBytes.toString('utf8')) as Manifest;
  const present = filesUnder(dir).filter((file) => file !== MANIFEST);
  const expected = Object.keys(manifest.files);
  return {
    drift: {
      edited: present.filter((file) => file in manifest.files && manifest.files[file] !== sha256(readFileSync(path.join(dir, file)))),
      added: present.filter((file) => !(file in manifest.files)),
      removed: expected.filter((file) => !present.includes(file)),
    },
    digest: sha256(manifestBytes),
  };
}

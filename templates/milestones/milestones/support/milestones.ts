import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Where the milestone tooling lives, from the project root. */
export const MILESTONES_DIR = 'milestones';

export interface Criterion {
  readonly id: string;
  readonly statement: string;
  readonly sends: string;
  readonly expects: string;
}

export interface MilestoneEntry {
  readonly id: string;
  readonly number: string;
  readonly title: string;
  /** deep, standard or fast-track. */
  readonly emphasis: string;
  readonly emphasisLabel: string;
  readonly hours: number;
  /** The milestone's doc, from the project root. */
  readonly doc: string;
  readonly goal: string;
  readonly tasks: readonly string[];
  readonly criteria: readonly Criterion[];
  /** The check file under milestones/checks, or null while this milestone has no automated check. */
  readonly check: string | null;
}

export interface MilestonesFile {
  readonly project: { readonly name: string; readonly background: string; readonly domain: string };
  readonly milestones: readonly MilestoneEntry[];
}

/** The milestone data, generated from the same source as the docs, so checks, docs and plan agree. */
export function loadMilestones(root = path.resolve(__dirname, '../..')): MilestonesFile {
  return JSON.parse(readFileSync(path.join(root, MILESTONES_DIR, 'milestones.json'), 'utf8')) as MilestonesFile;
}

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { GenError } from './names.js';

/** What the generators read from the project as it is now, so a new file never clashes with one you wrote. */
export const ROOT = path.resolve(import.meta.dirname, '..');

export const MIGRATIONS_DIR = 'src/db/migrations';
export const RESOURCES_DIR = 'src/resources';
export const ROUTES_FILE = 'src/routes.ts';
export const ADR_DIR = 'docs/adr';
export const ADR_TEMPLATE = 'docs/adr/0000-template.md';

/** A milestone the TODO tests point at. Written into `gen/milestones.json` when the project was created. */
export interface MilestoneRef {
  readonly id: string;
  readonly title: string;
  /** The milestone's doc, relative to the project root. */
  readonly doc: string;
}

export function milestones(root: string): Record<string, MilestoneRef> {
  return JSON.parse(readFileSync(path.join(root, 'gen/milestones.json'), 'utf8')) as Record<string, MilestoneRef>;
}

const list = (dir: string) => (existsSync(dir) ? readdirSync(dir, { withFileTypes: true }) : []);

/** Migration file names without their extension, in the order knex runs them. */
export function migrations(root: string): string[] {
  return list(path.join(root, MIGRATIONS_DIR))
    .filter((entry) => entry.isFile() && /\.(ts|js)$/.test(entry.name))
    .map((entry) => entry.name.replace(/\.(ts|js)$/, ''))
    .sort();
}

/** Every table some migration creates. */
export function tables(root: string): Set<string> {
  const found = new Set<string>();
  for (const name of migrations(root)) {
    const file = ['ts', 'js'].map((ext) => path.join(root, MIGRATIONS_DIR, `${name}.${ext}`)).find((candidate) => existsSync(candidate))!;
    for (const match of readFileSync(file, 'utf8').matchAll(/createTable(?:IfNotExists)?\(\s*['"`]([\w.]+)['"`]/g)) found.add(match[1]!);
  }
  return found;
}

/** Every resource folder, and every path `src/routes.ts` mounts (without its leading slash). */
export function resources(root: string): Set<string> {
  const folders = list(path.join(root, RESOURCES_DIR)).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  const mounted = [...readFileSync(path.join(root, ROUTES_FILE), 'utf8').matchAll(/path:\s*['"`]\/([^'"`/]+)/g)].map((match) => match[1]!);
  return new Set([...folders, ...mounted]);
}

/**
 * The prefix of the next migration. The project numbers its migrations (`0001_create_...`), so the next
 * one takes the next number; once a migration carries a timestamp instead (knex's own naming, brought in
 * by hand), numbers would sort before it, so new ones take a timestamp too.
 */
export function nextMigrationPrefix(root: string, now: Date): string {
  const prefixes = migrations(root).map((name) => /^(\d+)_/.exec(name)?.[1] ?? '');
  if (prefixes.some((prefix) => prefix.length > 4)) return now.toISOString().replace(/\D/g, '').slice(0, 14);
  const highest = Math.max(0, ...prefixes.filter((prefix) => prefix !== '').map(Number));
  return String(highest + 1).padStart(4, '0');
}

/** ADR file names (`0001-use-postgresql.md`), without the template. */
export function adrs(root: string): string[] {
  return list(path.join(root, ADR_DIR))
    .filter((entry) => entry.isFile() && /^\d{4}-.+\.md$/.test(entry.name) && entry.name !== path.basename(ADR_TEMPLATE))
    .map((entry) => entry.name);
}

export function readRequired(root: string, relative: string, why: string): string {
  const file = path.join(root, relative);
  if (!existsSync(file)) throw new GenError(`${relative} is missing, and ${why}.`);
  return readFileSync(file, 'utf8');
}

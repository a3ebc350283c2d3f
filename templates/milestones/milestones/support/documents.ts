import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The project root: checks read the learner's files from here. */
export const root = path.resolve(__dirname, '../..');

/** A project file's text, or undefined when it does not exist. */
export function readProjectFile(relative: string): string | undefined {
  const file = path.join(root, relative);
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

/**
 * A Markdown document's sections by heading text (any level), each with the text up to the next heading of
 * the same or a higher level, so a `##` section includes its `###` subsections. Fenced code is kept as text.
 */
export function sections(markdown: string): Map<string, string> {
  const lines = markdown.split('\n');
  const headings = lines.flatMap((line, index) => {
    const match = /^(#{1,6})\s+(.+?)\s*#*\s*$/.exec(line);
    return match === null ? [] : [{ index, level: match[1]!.length, title: match[2]!.trim() }];
  });
  const result = new Map<string, string>();
  headings.forEach((heading, n) => {
    const end = headings.slice(n + 1).find((next) => next.level <= heading.level)?.index ?? lines.length;
    result.set(heading.title.toLowerCase(), lines.slice(heading.index + 1, end).join('\n').trim());
  });
  return result;
}

/** Words of prose: code spans and link targets do not count. */
export function wordCount(text: string): number {
  const prose = text.replace(/```[\s\S]*?```/g, ' ').replace(/`[^`]*`/g, ' x ').replace(/\]\([^)]*\)/g, ']');
  return prose.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** Text a template leaves for the learner to replace. */
export const PLACEHOLDER = /\bTODO\b|\bTBD\b|lorem ipsum|<[a-z][a-z -]*>/i;

const NOT_TRACKED = new Set(['node_modules', '.git', 'dist', 'coverage', '.data']);

/**
 * The files git would track, relative to the root: `git ls-files` in a repository; elsewhere every file
 * except installed, built and local ones (node_modules, dist, coverage, .data, and `.env` files that are
 * not `.env.example`).
 */
export function trackedFiles(): string[] {
  if (existsSync(path.join(root, '.git'))) {
    return execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter((file) => file !== '');
  }
  const files: string[] = [];
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(root, relative), { withFileTypes: true })) {
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (NOT_TRACKED.has(entry.name) || (/^\.env(\.|$)/.test(entry.name) && entry.name !== '.env.example')) continue;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile()) files.push(child);
    }
  };
  walk('');
  return files;
}

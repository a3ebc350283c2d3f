/**
 * The Dockerfile as the builder reads it, for the containers check: lines joined at a trailing backslash,
 * comments skipped, `--flag=value` options split from each instruction, instructions grouped by `FROM`.
 * dockerfile-utils validates the syntax; this gives the check the structure to apply its policy to.
 */
export interface Step {
  readonly keyword: string;
  readonly args: string;
  readonly flags: Readonly<Record<string, string>>;
  readonly line: number;
}

export interface BuildStage {
  /** The `AS` name, if any. */
  readonly name?: string;
  /** The base image or earlier stage, with the ARGs declared before the first FROM filled in. */
  readonly base: string;
  readonly steps: Step[];
}

function logicalLines(text: string): { text: string; line: number }[] {
  const result: { text: string; line: number }[] = [];
  let buffer: string[] = [];
  let first = 0;
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line.startsWith('#') || (buffer.length === 0 && line === '')) return;
    if (buffer.length === 0) first = index + 1;
    const continued = line.endsWith('\\');
    buffer.push(continued ? line.slice(0, -1).trim() : line);
    if (!continued) {
      result.push({ text: buffer.join(' '), line: first });
      buffer = [];
    }
  });
  return result;
}

export function readStages(text: string): BuildStage[] {
  const args: Record<string, string> = {};
  const stages: BuildStage[] = [];
  for (const { text: whole, line } of logicalLines(text)) {
    const keyword = (/^\S+/.exec(whole)?.[0] ?? '').toUpperCase();
    let rest = whole.slice(keyword.length).trim();
    const flags: Record<string, string> = {};
    for (let flag = /^--([\w-]+)(?:=(\S*))?\s*/.exec(rest); flag !== null; flag = /^--([\w-]+)(?:=(\S*))?\s*/.exec(rest)) {
      flags[flag[1]!] = flag[2] ?? '';
      rest = rest.slice(flag[0].length);
    }
    if (keyword === 'FROM') {
      const [image = '', as, name] = rest.split(/\s+/);
      const base = image.replace(/\$\{?(\w+)\}?/g, (whole, key: string) => args[key] ?? whole);
      stages.push({ base, steps: [], ...(as?.toUpperCase() === 'AS' && name !== undefined ? { name } : {}) });
    } else if (stages.length === 0 && keyword === 'ARG') {
      const [key = '', value = ''] = rest.split('=');
      args[key] = value;
    } else {
      stages.at(-1)?.steps.push({ keyword, args: rest, flags, line });
    }
  }
  return stages;
}

/** The argv of an exec-form (JSON array) CMD or ENTRYPOINT; undefined for shell form. */
export function execArgv(args: string): string[] | undefined {
  try {
    const parsed: unknown = JSON.parse(args);
    return Array.isArray(parsed) && parsed.every((part) => typeof part === 'string') ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether Docker leaves a path out of the build context: `.dockerignore` lines as patterns with `*`, `?`
 * and `**`, `!` for exceptions, the last matching line wins, and a line that matches a directory also
 * matches everything in it.
 */
export function excluded(dockerignore: string, relative: string): boolean {
  const rules = dockerignore
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const negate = line.startsWith('!');
      const pattern = (negate ? line.slice(1) : line).trim().replace(/^\/+|\/+$/g, '').replace(/^\.\//, '');
      const source = pattern
        .split(/(\*\*\/?|\*|\?)/)
        .map((part) => {
          if (part === '**/') return '(?:.*/)?';
          if (part === '**') return '.*';
          if (part === '*') return '[^/]*';
          return part === '?' ? '[^/]' : part.replace(/[.+^${}()|[\]\\]/g, '\\$&');
        })
        .join('');
      return { negate, regex: new RegExp(`^${source}(?:/.*)?$`) };
    });
  let result = false;
  for (const rule of rules) if (rule.regex.test(relative)) result = !rule.negate;
  return result;
}

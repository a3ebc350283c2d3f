/**
 * A Dockerfile read the way the builder reads it: continuation lines joined, comments dropped, each
 * instruction with its leading `--flag=value` options split off, grouped into stages. Enough for the
 * policy checks and the build replay; dockerfile-utils does the full syntax validation.
 */
export interface Instruction {
  readonly keyword: string;
  /** The arguments after the options. */
  readonly args: string;
  readonly flags: Readonly<Record<string, string>>;
  readonly line: number;
}

export interface Stage {
  readonly name: string | undefined;
  /** The image or earlier stage it starts from, with ARG defaults substituted. */
  readonly from: string;
  readonly instructions: readonly Instruction[];
}

export interface Dockerfile {
  /** ARGs declared before the first FROM, with their defaults. */
  readonly globalArgs: Readonly<Record<string, string>>;
  readonly stages: readonly Stage[];
}

function instructions(text: string): Instruction[] {
  const result: Instruction[] = [];
  let pending = '';
  let start = 0;
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (pending === '' && (line === '' || line.startsWith('#'))) return;
    if (pending !== '' && line.startsWith('#')) return;
    if (pending === '') start = index + 1;
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1)} `;
      return;
    }
    const whole = `${pending}${line}`;
    pending = '';
    const [keyword = '', ...rest] = whole.split(/\s+/);
    let args = whole.slice(keyword.length).trim();
    const flags: Record<string, string> = {};
    for (const token of rest) {
      const flag = /^--([a-z-]+)(?:=(\S*))?$/.exec(token);
      if (flag === null) break;
      flags[flag[1]!] = flag[2] ?? 'true';
      args = args.slice(token.length).trim();
    }
    result.push({ keyword: keyword.toUpperCase(), args, flags, line: start });
  });
  return result;
}

export function substitute(value: string, vars: Readonly<Record<string, string>>): string {
  return value.replace(/\$\{(\w+)\}|\$(\w+)/g, (whole, braced?: string, bare?: string) => vars[braced ?? bare ?? ''] ?? whole);
}

export function parseDockerfile(text: string): Dockerfile {
  const globalArgs: Record<string, string> = {};
  const stages: { name: string | undefined; from: string; instructions: Instruction[] }[] = [];
  for (const instruction of instructions(text)) {
    if (instruction.keyword === 'FROM') {
      const [image = '', as, name] = instruction.args.split(/\s+/);
      stages.push({ name: as?.toUpperCase() === 'AS' ? name : undefined, from: substitute(image, globalArgs), instructions: [] });
    } else if (stages.length === 0 && instruction.keyword === 'ARG') {
      const [key = '', value = ''] = instruction.args.split('=');
      globalArgs[key] = value;
    } else {
      stages.at(-1)?.instructions.push(instruction);
    }
  }
  return { globalArgs, stages };
}

/** An exec-form argument (a JSON array), or undefined for shell form. */
export function execForm(args: string): string[] | undefined {
  if (!args.startsWith('[')) return undefined;
  const parsed: unknown = JSON.parse(args);
  return Array.isArray(parsed) && parsed.every((item) => typeof item === 'string') ? parsed : undefined;
}

/** The HEALTHCHECK's command, in exec form. */
export function healthcheckCommand(instruction: Instruction): string[] | undefined {
  const cmd = /^CMD\s+(.*)$/s.exec(instruction.args);
  return cmd === null ? undefined : execForm(cmd[1]!);
}

/**
 * What makes a Dockerfile safe to ship, as a list of broken rules (empty when it passes): several stages,
 * pinned bases, a final stage that installs production dependencies only and runs node as a non-root user
 * in exec form with a HEALTHCHECK on /healthz.
 */
export function dockerfilePolicy(file: Dockerfile): string[] {
  const problems: string[] = [];
  const names = new Set(file.stages.map((stage) => stage.name).filter((name) => name !== undefined));
  if (file.stages.length < 3) problems.push(`expected deps, build and runtime stages, found ${file.stages.length}`);
  for (const stage of file.stages) {
    if (names.has(stage.from)) continue;
    if (!/^[\w./-]+(:[\w.-]+|@sha256:[0-9a-f]{64})$/.test(stage.from) || /:latest$/.test(stage.from)) {
      problems.push(`FROM ${stage.from} is not pinned to a version tag or digest`);
    }
  }
  const final = file.stages.at(-1);
  if (final === undefined) return [...problems, 'no stage'];
  const major = /^node:(\d+)/.exec(final.from)?.[1];
  if (major === undefined || Number(major) < 20) problems.push(`the runtime stage starts from ${final.from}, not Node 20 or newer`);
  const find = (keyword: string) => final.instructions.filter((instruction) => instruction.keyword === keyword);
  const cmd = find('CMD').at(-1);
  const user = find('USER').at(-1);
  if (user === undefined || /^(root|0)(:|$)/.test(user.args)) problems.push(`the runtime stage runs as ${user?.args ?? 'root (no USER)'}`);
  else if (cmd !== undefined && user.line > cmd.line) problems.push('USER comes after CMD');
  const argv = cmd === undefined ? undefined : execForm(cmd.args);
  if (argv?.[0] !== 'node') problems.push(`CMD is not exec form starting with node: ${cmd?.args ?? '(none)'}`);
  if (find('ENTRYPOINT').length > 0) problems.push('an ENTRYPOINT would sit in front of node');
  const health = find('HEALTHCHECK').at(-1);
  const probe = health === undefined ? undefined : healthcheckCommand(health);
  if (probe === undefined || probe[0] !== 'node' || !probe.join(' ').includes('/healthz')) {
    problems.push(`HEALTHCHECK does not request /healthz with node: ${health?.args ?? '(none)'}`);
  }
  if (!find('EXPOSE').some((instruction) => instruction.args.split(/\s+/).includes('3000'))) problems.push('EXPOSE 3000 is missing');
  for (const copy of find('COPY')) {
    if (copy.flags.from === undefined && /^\.\s/.test(copy.args)) problems.push(`line ${copy.line}: COPY . in the runtime stage`);
  }
  const installs = find('RUN').filter((run) => /\b(ci|install)\b/.test(run.args));
  if (!installs.some((run) => /--omit=dev|--prod\b|--production\b/.test(run.args))) problems.push('the runtime stage does not install production dependencies only');
  for (const stage of file.stages) {
    for (const instruction of stage.instructions) {
      if (instruction.keyword === 'ADD' && /https?:\/\//.test(instruction.args)) problems.push(`line ${instruction.line}: ADD from a URL`);
      if (['ENV', 'ARG'].includes(instruction.keyword) && /SECRET|TOKEN|PASSWORD|KEY|:\/\/[^/\s]*:[^@\s]*@/i.test(instruction.args)) {
        problems.push(`line ${instruction.line}: ${instruction.keyword} ${instruction.args} looks like a secret`);
      }
      const toolInstall = /install (--global|-g)\b/.test(instruction.args);
      if (instruction.keyword === 'RUN' && /\b(ci|install)\b/.test(instruction.args) && !toolInstall && instruction.flags.mount?.startsWith('type=cache') !== true) {
        problems.push(`line ${instruction.line}: an install without a cache mount`);
      }
    }
  }
  return problems;
}

/** Entries `.dockerignore` must have, so secrets and local output stay out of the build context. */
export const REQUIRED_IGNORES = ['.git', 'node_modules', 'dist', 'coverage', '.data', '.env', '.env.*', '!.env.example'] as const;

export function dockerignorePatterns(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** Whether `.dockerignore` keeps a project-relative path out of the context (`*` only, last match wins). */
export function ignored(patterns: readonly string[], relative: string): boolean {
  let result = false;
  for (const pattern of patterns) {
    const negated = pattern.startsWith('!');
    const body = (negated ? pattern.slice(1) : pattern).replace(/^\/|\/$/g, '');
    const regex = new RegExp(`^${body.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*')}(/.*)?$`);
    if (regex.test(relative)) result = !negated;
  }
  return result;
}

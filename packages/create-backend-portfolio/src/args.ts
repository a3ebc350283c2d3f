import { DEFAULT_DEPLOY_TARGET, DEPLOY_TARGET_IDS } from '@create-backend-portfolio/generators';
import mri from 'mri';

export interface FlagSpec {
  readonly name: string;
  /** Set for a flag that takes a value: how --help shows it. A flag without one is boolean; `no-x` turns `x` off. */
  readonly value?: string;
  /** A value to show in the "needs a value" message. */
  readonly example?: string;
  readonly description: string;
}

const HELP: FlagSpec = { name: 'help', description: 'show this help' };
const BACKGROUND: FlagSpec = { name: 'background', value: '<id>', example: 'frontend', description: 'where you are coming from; see `list backgrounds`' };
const DOMAIN: FlagSpec = { name: 'domain', value: '<id>', example: 'ticketing', description: 'what the project is about; see `list domains`' };
const HOURS: FlagSpec = {
  name: 'hours-per-week',
  value: '<n>',
  example: '8',
  description: 'hours of study a week, from 1 to 60, which date the milestone plan (default: 8)',
};
const ASSESSMENT: FlagSpec = {
  name: 'assessment',
  value: '<file.json>',
  example: 'fit.json',
  description: 'a fit assessment (its answers, or a report saved by `assess --format json`) that tunes the plan',
};
const START: FlagSpec = { name: 'start', value: '<YYYY-MM-DD>', example: '2026-03-02', description: 'the first day of the plan (default: today)' };

/** The scaffold command's flags, in the order --help lists them. */
export const CREATE_FLAGS: readonly FlagSpec[] = [
  BACKGROUND,
  DOMAIN,
  { name: 'pm', value: '<npm|pnpm|yarn|bun>', example: 'pnpm', description: 'package manager (default: the one running this command, else npm)' },
  {
    name: 'deploy',
    value: `<${DEPLOY_TARGET_IDS.join('|')}>`,
    example: 'fly',
    description: `where to deploy: the platform files and docs/deploy.md the project gets (default: ${DEFAULT_DEPLOY_TARGET})`,
  },
  HOURS,
  START,
  ASSESSMENT,
  { name: 'no-install', description: 'write the files but do not install dependencies' },
  { name: 'no-git', description: 'do not create a git repository' },
  { name: 'overwrite', description: 'write into a folder that is not empty, replacing files the project also has and keeping the rest' },
  { name: 'dry-run', description: 'print the files that would be written, and write nothing' },
  { name: 'mentor', description: 'also write docs/mentor/: a rubric and reference notes per milestone, for a mentor' },
  { name: 'yes', description: 'take the default for anything not given, without asking' },
  HELP,
  { name: 'version', description: 'show the version' },
];

/** The plan command's flags. */
export const PLAN_FLAGS: readonly FlagSpec[] = [
  { ...BACKGROUND, description: 'where the learner is coming from (required); see `list backgrounds`' },
  { ...DOMAIN, description: 'the project domain (default: the first one the background suggests)' },
  HOURS,
  START,
  ASSESSMENT,
  { name: 'format', value: '<md|json>', example: 'json', description: 'Markdown, as in docs/milestones/README.md, or JSON, as in docs/plan.schema.json (default: md)' },
  HELP,
];

/** The assess command's flags. */
export const ASSESS_FLAGS: readonly FlagSpec[] = [
  { ...BACKGROUND, description: 'where you are coming from (asked when missing at a terminal); see `list backgrounds`' },
  { name: 'answers', value: '<file.json>', example: 'answers.json', description: 'take the answers from a file instead of asking; its format is docs/assessment.schema.json' },
  { name: 'format', value: '<md|json>', example: 'json', description: 'the gap report as Markdown, or as JSON per docs/fit-report.schema.json (default: md)' },
  HELP,
];

/** The list command's flags. */
export const LIST_FLAGS: readonly FlagSpec[] = [{ name: 'json', description: 'print JSON instead of a table' }, HELP];

type Flags = { strings: Readonly<Record<string, string | undefined>>; booleans: Readonly<Record<string, boolean>>; positionals: string[] };
type Parsed<T> = { ok: true; args: T } | { ok: false; error: string };

const ALIASES: Readonly<Record<string, string>> = { h: 'help', v: 'version', y: 'yes' };

/** Pure: argv against a flag table, to typed values or one clear sentence. */
function parseFlags(argv: readonly string[], flags: readonly FlagSpec[]): Parsed<Flags> {
  const strings = flags.filter((flag) => flag.value !== undefined);
  const booleans = flags.filter((flag) => flag.value === undefined).map((flag) => flag.name.replace(/^no-/, ''));
  const aliases = Object.fromEntries(Object.entries(ALIASES).filter(([, name]) => booleans.includes(name)));
  const parsed = mri([...argv], {
    string: strings.map((flag) => flag.name),
    boolean: booleans,
    alias: aliases,
    default: Object.fromEntries(flags.filter((flag) => flag.name.startsWith('no-')).map((flag) => [flag.name.slice(3), true])),
  });
  const known = new Set<string>([...strings.map((flag) => flag.name), ...booleans, ...Object.keys(aliases), '_']);
  const unknown = Object.keys(parsed).filter((key) => !known.has(key));
  if (unknown.length > 0) {
    return { ok: false, error: `Unknown option ${unknown.map((key) => `--${key}`).join(', ')}. Run with --help to see every option.` };
  }
  const values: Record<string, string | undefined> = {};
  for (const flag of strings) {
    const value: unknown = parsed[flag.name];
    if (Array.isArray(value)) return { ok: false, error: `--${flag.name} was given more than once.` };
    if (value === false) return { ok: false, error: `Unknown option --no-${flag.name}. Leave --${flag.name} out to get its default.` };
    // `--start=` is empty even when mri takes the next word as its value (`--start= 2026-01-05`).
    if ((value === '' && argv.includes(`--${flag.name}`)) || argv.includes(`--${flag.name}=`)) {
      return { ok: false, error: `--${flag.name} needs a value, for example --${flag.name} ${flag.example ?? 'x'}.` };
    }
    values[flag.name] = typeof value === 'string' && value !== '' ? value : undefined;
  }
  // mri turns a repeated switch into an array, which is not `true`: `--dry-run --dry-run` would write files.
  const repeated = booleans.find((name) => Array.isArray(parsed[name]));
  if (repeated !== undefined) return { ok: false, error: `--${repeated} was given more than once.` };
  return {
    ok: true,
    args: {
      strings: values,
      booleans: Object.fromEntries(booleans.map((name) => [name, parsed[name] === true])),
      positionals: parsed._.map(String),
    },
  };
}

export interface CreateArgs {
  readonly target: string | undefined;
  readonly background: string | undefined;
  readonly domain: string | undefined;
  readonly pm: string | undefined;
  readonly deploy: string | undefined;
  readonly hoursPerWeek: string | undefined;
  readonly start: string | undefined;
  readonly assessment: string | undefined;
  readonly install: boolean;
  readonly git: boolean;
  readonly overwrite: boolean;
  readonly dryRun: boolean;
  /** Whether to add docs/mentor/. */
  readonly mentor: boolean;
  readonly yes: boolean;
  readonly help: boolean;
  readonly version: boolean;
}

export type ParseResult = Parsed<CreateArgs>;

/** Pure: argv in, typed arguments or one clear sentence out. */
export function parseCreateArgs(argv: readonly string[]): ParseResult {
  const parsed = parseFlags(argv, CREATE_FLAGS);
  if (!parsed.ok) return parsed;
  const { strings, booleans, positionals } = parsed.args;
  if (positionals.length > 1) {
    return { ok: false, error: `Expected one project folder, got ${positionals.length}: ${positionals.join(' ')}.` };
  }
  return {
    ok: true,
    args: {
      target: positionals[0],
      background: strings.background,
      domain: strings.domain,
      pm: strings.pm,
      deploy: strings.deploy,
      hoursPerWeek: strings['hours-per-week'],
      start: strings.start,
      assessment: strings.assessment,
      install: booleans.install === true,
      git: booleans.git === true,
      overwrite: booleans.overwrite === true,
      dryRun: booleans['dry-run'] === true,
      mentor: booleans.mentor === true,
      yes: booleans.yes === true,
      help: booleans.help === true,
      version: booleans.version === true,
    },
  };
}

export interface PlanArgs {
  readonly background: string | undefined;
  readonly domain: string | undefined;
  readonly hoursPerWeek: string | undefined;
  readonly start: string | undefined;
  readonly assessment: string | undefined;
  readonly format: string | undefined;
  readonly help: boolean;
}

/** Pure: the arguments after `plan`. */
export function parsePlanArgs(argv: readonly string[]): Parsed<PlanArgs> {
  const parsed = parseFlags(argv, PLAN_FLAGS);
  if (!parsed.ok) return parsed;
  const { strings, booleans, positionals } = parsed.args;
  if (positionals.length > 0) return { ok: false, error: `plan takes only options, not ${positionals.join(' ')}. Run plan --help to see them.` };
  return {
    ok: true,
    args: {
      background: strings.background,
      domain: strings.domain,
      hoursPerWeek: strings['hours-per-week'],
      start: strings.start,
      assessment: strings.assessment,
      format: strings.format,
      help: booleans.help === true,
    },
  };
}

export interface AssessArgs {
  readonly background: string | undefined;
  readonly answers: string | undefined;
  readonly format: string | undefined;
  readonly help: boolean;
}

/** Pure: the arguments after `assess`. */
export function parseAssessArgs(argv: readonly string[]): Parsed<AssessArgs> {
  const parsed = parseFlags(argv, ASSESS_FLAGS);
  if (!parsed.ok) return parsed;
  const { strings, booleans, positionals } = parsed.args;
  if (positionals.length > 0) return { ok: false, error: `assess takes only options, not ${positionals.join(' ')}. Run assess --help to see them.` };
  return { ok: true, args: { background: strings.background, answers: strings.answers, format: strings.format, help: booleans.help === true } };
}

export interface ListArgs {
  readonly subject: string | undefined;
  readonly json: boolean;
  readonly help: boolean;
}

/** Pure: the arguments after `list`. */
export function parseListArgs(argv: readonly string[]): Parsed<ListArgs> {
  const parsed = parseFlags(argv, LIST_FLAGS);
  if (!parsed.ok) return parsed;
  const { booleans, positionals } = parsed.args;
  if (positionals.length > 1) return { ok: false, error: `list takes one thing to list, got ${positionals.length}: ${positionals.join(' ')}.` };
  return { ok: true, args: { subject: positionals[0], json: booleans.json === true, help: booleans.help === true } };
}

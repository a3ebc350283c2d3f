import mri from 'mri';

export interface FlagSpec {
  readonly name: string;
  readonly value?: string;
  readonly description: string;
}

/** The scaffold command's flags, in the order --help lists them. */
export const CREATE_FLAGS: readonly FlagSpec[] = [
  { name: 'background', value: '<id>', description: 'where you are coming from; see `list backgrounds`' },
  { name: 'domain', value: '<id>', description: 'what the project is about; see `list domains`' },
  { name: 'pm', value: '<npm|pnpm|yarn|bun>', description: 'package manager (default: the one running this command, else npm)' },
  { name: 'no-install', description: 'write the files but do not install dependencies' },
  { name: 'no-git', description: 'do not create a git repository' },
  { name: 'yes', description: 'take the default for anything not given, without asking' },
  { name: 'help', description: 'show this help' },
  { name: 'version', description: 'show the version' },
];

const STRING_FLAGS = ['background', 'domain', 'pm'] as const;
const BOOLEAN_FLAGS = ['install', 'git', 'yes', 'help', 'version'] as const;
const ALIASES = { h: 'help', v: 'version', y: 'yes' } as const;

export interface CreateArgs {
  readonly target: string | undefined;
  readonly background: string | undefined;
  readonly domain: string | undefined;
  readonly pm: string | undefined;
  readonly install: boolean;
  readonly git: boolean;
  readonly yes: boolean;
  readonly help: boolean;
  readonly version: boolean;
}

export type ParseResult = { ok: true; args: CreateArgs } | { ok: false; error: string };

const KNOWN = new Set<string>([...STRING_FLAGS, ...BOOLEAN_FLAGS, ...Object.keys(ALIASES), '_']);

/** Pure: argv in, typed arguments or one clear sentence out. */
export function parseCreateArgs(argv: readonly string[]): ParseResult {
  const parsed = mri([...argv], {
    string: [...STRING_FLAGS],
    boolean: [...BOOLEAN_FLAGS],
    alias: ALIASES,
    default: { install: true, git: true },
  });
  const unknown = Object.keys(parsed).filter((key) => !KNOWN.has(key));
  if (unknown.length > 0) {
    return { ok: false, error: `Unknown option ${unknown.map((key) => `--${key}`).join(', ')}. Run with --help to see every option.` };
  }
  for (const flag of STRING_FLAGS) {
    const value: unknown = parsed[flag];
    if (Array.isArray(value)) return { ok: false, error: `--${flag} was given more than once.` };
    if (value === '' && argv.some((arg) => arg === `--${flag}`)) {
      return { ok: false, error: `--${flag} needs a value, for example --${flag} ${flagExample[flag]}.` };
    }
  }
  const positionals = parsed._.map(String);
  if (positionals.length > 1) {
    return { ok: false, error: `Expected one project folder, got ${positionals.length}: ${positionals.join(' ')}.` };
  }
  const text = (flag: (typeof STRING_FLAGS)[number]) => {
    const value: unknown = parsed[flag];
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  return {
    ok: true,
    args: {
      target: positionals[0],
      background: text('background'),
      domain: text('domain'),
      pm: text('pm'),
      install: parsed.install !== false,
      git: parsed.git !== false,
      yes: parsed.yes === true,
      help: parsed.help === true,
      version: parsed.version === true,
    },
  };
}

const flagExample: Record<(typeof STRING_FLAGS)[number], string> = {
  background: 'frontend',
  domain: 'ticketing',
  pm: 'pnpm',
};

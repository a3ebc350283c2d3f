import { BACKGROUND_IDS, DOMAIN_IDS } from '@create-backend-portfolio/core';
import { DEPLOY_TARGETS } from '@create-backend-portfolio/generators';
import { ASSESS_FLAGS, CREATE_FLAGS, type FlagSpec, LIST_FLAGS, PLAN_FLAGS } from './args.js';

/** The options block, built from the same flag table the parser uses, so the two cannot drift. */
function options(flags: readonly FlagSpec[]): string[] {
  const width = Math.max(...flags.map((flag) => `--${flag.name} ${flag.value ?? ''}`.length));
  return ['Options:', ...flags.map((flag) => `  ${`--${flag.name} ${flag.value ?? ''}`.padEnd(width)}  ${flag.description}`)];
}

const catalog = [`Backgrounds: ${BACKGROUND_IDS.join(', ')}`, `Domains:     ${DOMAIN_IDS.join(', ')}`];
const deployCatalog = `Deploy:      ${DEPLOY_TARGETS.map((target) => `${target.id} (${target.label})`).join(', ')}`;

/** Pure: the --help text of the scaffold command, which also names the other commands. */
export function helpText(): string {
  return [
    'Usage: create-backend-portfolio [dir] [options]',
    '       create-backend-portfolio plan --background <id> [options]',
    '       create-backend-portfolio list backgrounds|domains [--json]',
    '       create-backend-portfolio assess [--background <id>] [--answers <file.json>] [--format md|json]',
    '',
    'Scaffolds an Express 5 + TypeScript + PostgreSQL backend, with milestones tuned to your background.',
    '`plan` prints a milestone plan without writing anything; `list` prints the backgrounds or domains.',
    'For a project folder named plan, list or assess, write ./plan, ./list or ./assess.',
    '',
    ...options(CREATE_FLAGS),
    '',
    ...catalog,
    deployCatalog,
    '',
    'Examples:',
    '  pnpm create backend-portfolio my-api',
    '  pnpm create backend-portfolio my-api --background frontend --domain ticketing --hours-per-week 6 --yes',
    '  pnpm create backend-portfolio my-api --background devops-sre --deploy kubernetes',
    '  npm create backend-portfolio@latest my-api -- --background qa --no-install',
    '  pnpm create backend-portfolio my-api --background data-engineer --dry-run',
    '  pnpm create backend-portfolio . --overwrite --yes',
    '  pnpm create backend-portfolio learner-api --background qa --domain ticketing --mentor --yes',
  ].join('\n');
}

/** Pure: the --help text of `plan`. */
export function planHelpText(): string {
  return [
    'Usage: create-backend-portfolio plan --background <id> [options]',
    '',
    'Prints the milestone plan for a background and domain, without scaffolding anything: the order,',
    'emphasis, hours and dates a generated project puts in docs/milestones/README.md. For mentors',
    'preparing assignments; see docs/mentors.md.',
    '',
    ...options(PLAN_FLAGS),
    '',
    ...catalog,
    '',
    'Examples:',
    '  create-backend-portfolio plan --background qa',
    '  create-backend-portfolio plan --background frontend --domain ticketing --hours-per-week 10 --start 2026-03-02',
    '  create-backend-portfolio plan --background devops-sre --format json > plan.json',
  ].join('\n');
}

/** Pure: the --help text of `list`. */
export function listHelpText(): string {
  return [
    'Usage: create-backend-portfolio list backgrounds|domains [--json]',
    '',
    'Prints the backgrounds a plan can be tuned to, or the domains a project can be about, with their ids.',
    '',
    ...options(LIST_FLAGS),
    '',
    'Examples:',
    '  create-backend-portfolio list backgrounds',
    '  create-backend-portfolio list domains --json',
  ].join('\n');
}

/** Pure: the --help text of `assess`. */
export function assessHelpText(): string {
  return [
    'Usage: create-backend-portfolio assess [--background <id>] [--answers <file.json>] [--format md|json]',
    '',
    'About fifteen concrete questions about what you have done ("have you added an index to fix a slow query?"),',
    'across building endpoints, databases, systems thinking, debugging and shipping to production. Prints a',
    'gap report: the parts of the job you already do, the gaps to close first, ranked (each tied to the',
    'milestones that close it), and a table of what the market requires against what you have. Save it',
    'as JSON and pass it to the scaffold or to `plan` with --assessment to tune the plan.',
    '',
    ...options(ASSESS_FLAGS),
    '',
    ...catalog,
    '',
    'Examples:',
    '  create-backend-portfolio assess --background frontend',
    '  create-backend-portfolio assess --background qa --format json > fit.json',
    '  create-backend-portfolio assess --answers answers.json --format md',
    '  pnpm create backend-portfolio my-api --background qa --assessment fit.json',
  ].join('\n');
}

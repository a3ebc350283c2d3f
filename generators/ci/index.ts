import { GITHUB_ACTIONS, POSTGRES_MAJOR } from '@create-backend-portfolio/core';
import { type Feature, templateFolder } from '../kit.js';
import { BUN_FROM_NPM, type PackageManager, type ProjectView } from '../view/project.js';

/** The command lines the workflow runs, spelled for the chosen package manager. */
export interface WorkflowView {
  readonly actions: typeof GITHUB_ACTIONS;
  /** pnpm, which the runner lacks, is set up by its own action. */
  readonly setupPnpm: boolean;
  /** bun, which the runner lacks too, is installed by npm, as the Dockerfile does. */
  readonly setupBun: string | undefined;
  /** setup-node's built-in cache, where it supports the package manager. */
  readonly nodeCache: string | undefined;
  readonly postgresImage: string;
  readonly database: string;
  readonly install: string;
  readonly typecheck: string;
  readonly lint: string;
  readonly migrateLatest: string;
  readonly migrateRollbackAll: string;
  readonly test: string;
  readonly verify: string;
  readonly report: string;
}

/** `<pm> <script> <args>`: npm needs `--` before a script's own arguments; `silent` keeps the runner's banner out of stdout. */
function script(pm: PackageManager, name: string, args = '', { silent = false } = {}): string {
  const quiet = silent ? ' --silent' : '';
  const prefix = { npm: `npm run${quiet}`, pnpm: `pnpm${quiet}`, yarn: `yarn${quiet}`, bun: `bun run${quiet}` }[pm];
  const rest = args === '' ? '' : pm === 'npm' ? ` -- ${args}` : ` ${args}`;
  return `${prefix} ${name}${rest}`;
}

export function workflowView(view: ProjectView): WorkflowView {
  const pm = view.pm.name;
  return {
    actions: GITHUB_ACTIONS,
    setupPnpm: pm === 'pnpm',
    setupBun: pm === 'bun' ? BUN_FROM_NPM : undefined,
    nodeCache: pm === 'bun' ? undefined : pm,
    postgresImage: `postgres:${POSTGRES_MAJOR}`,
    database: `${view.project.dbName}_ci`,
    install: view.pm.frozenInstall,
    typecheck: script(pm, 'typecheck'),
    lint: script(pm, 'lint'),
    migrateLatest: script(pm, 'migrate:latest'),
    migrateRollbackAll: script(pm, 'migrate:rollback', '--all'),
    test: script(pm, 'test'),
    verify: script(pm, 'milestone', 'verify'),
    report: script(pm, 'milestone', 'report --format md', { silent: true }),
  };
}

/** The CI workflow: the project's own gates on every push and pull request, against a PostgreSQL service. */
export const ci: Feature = {
  name: 'ci',
  async files(context) {
    return templateFolder(context, 'ci', { data: { ci: workflowView(context.view) } });
  },
};

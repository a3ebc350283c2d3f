import path from 'node:path';
import { DEPENDENCIES, DEV_DEPENDENCIES, NODE_VERSION, PACKAGE_MANAGER_VERSIONS } from '@create-backend-portfolio/core';
import { MIGRATE_COMMAND } from '../container/index.js';
import { contentFile, type Feature, templateFolder } from '../kit.js';
import type { ProjectView } from '../view/project.js';

/** The application skeleton: server, config, logging, errors, health, test harness, tooling. */
export const base: Feature = {
  name: 'base',
  async files(context) {
    const { view, destination } = context;
    return [
      ...(await templateFolder(context, 'base')),
      contentFile(path.join(destination, 'package.json'), `${JSON.stringify(packageJson(view), null, 2)}\n`),
      contentFile(path.join(destination, '.nvmrc'), `${NODE_VERSION}\n`),
      ...(view.pm.name === 'pnpm' ? [contentFile(path.join(destination, 'pnpm-workspace.yaml'), pnpmWorkspace)] : []),
    ];
  },
};

// Install scripts of these only fetch or check native binaries that their optional dependencies already
// provide; @scarf/scarf (pulled in by swagger-ui-dist) would only send install analytics.
const pnpmWorkspace = `allowBuilds:
  '@parcel/watcher': false
  '@scarf/scarf': false
  '@swc/core': false
  esbuild: false
  unrs-resolver: false
`;

export function packageJson(view: ProjectView): Record<string, unknown> {
  const pm = view.pm.name;
  return {
    name: view.project.name,
    version: '0.1.0',
    private: true,
    description: view.domain.tagline,
    type: 'module',
    engines: { node: `>=${NODE_VERSION}` },
    packageManager: `${pm}@${PACKAGE_MANAGER_VERSIONS[pm]}`,
    scripts: {
      // The embedded database is one process at a time: migrate first, then serve.
      dev: 'tsx src/db/cli.ts migrate:latest && tsx watch src/server.ts',
      build: 'tsc -p tsconfig.build.json',
      start: 'node dist/server.js',
      test: 'jest',
      // The rules `pnpm gen resource` leaves for you to build, which `test` skips until you move them in.
      'test:todo': 'jest --testMatch "**/*.todo.test.ts" --testPathIgnorePatterns /node_modules/ --passWithNoTests',
      typecheck: 'tsc --noEmit',
      lint: 'eslint .',
      // The deployed form: compiled JavaScript after `build`, as the image's one-off migrate command runs it.
      migrate: MIGRATE_COMMAND.join(' '),
      'migrate:latest': 'tsx src/db/cli.ts migrate:latest',
      'migrate:rollback': 'tsx src/db/cli.ts migrate:rollback',
      'migrate:down': 'tsx src/db/cli.ts migrate:down',
      seed: 'tsx src/db/cli.ts seed',
      milestone: 'tsx milestones/cli.ts',
      incident: 'tsx incidents/cli.ts',
      gen: 'tsx gen/cli.ts',
    },
    dependencies: { ...DEPENDENCIES },
    devDependencies: { ...DEV_DEPENDENCIES },
  };
}

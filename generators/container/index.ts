import { NODE_IMAGE_VARIANT, NODE_VERSION, POSTGRES_MAJOR } from '@create-backend-portfolio/core';
import { type Feature, templateFolder } from '../kit.js';
import { BUN_FROM_NPM, type PackageManager, type ProjectView } from '../view/project.js';

/** How the image builds with one package manager: what to copy first, how to install, where its cache lives. */
export interface ImageView {
  readonly nodeVersion: string;
  readonly variant: string;
  /** A RUN that puts the package manager on the image, if the base image lacks it. */
  readonly setup: string | undefined;
  /** The manifests the install needs, copied before the source so the install layer survives code changes. */
  readonly manifests: string;
  readonly install: string;
  readonly installProduction: string;
  readonly build: string;
  /** BuildKit cache mount for the package manager's download cache. */
  readonly cacheMount: string;
  readonly postgresImage: string;
  readonly postgresMajor: string;
  /** Where a deploy target pulls the image from: a placeholder to replace with your registry. */
  readonly imageRef: string;
  /** The one-off command that applies migrations from the compiled code. */
  readonly migrate: readonly string[];
  /** A name usable as a host, app or Kubernetes object name: lowercase letters, digits and dashes. */
  readonly slug: string;
}

const LOCKFILES: Readonly<Record<PackageManager, string>> = {
  npm: 'package-lock.json',
  pnpm: 'pnpm-lock.yaml',
  yarn: 'yarn.lock',
  bun: 'bun.lock',
};

/** The migration command every deploy target runs before the new version takes traffic. */
export const MIGRATE_COMMAND = ['node', 'dist/db/cli.js', 'migrate:latest'] as const;

const mount = (id: string, target: string) => `--mount=type=cache,id=${id},target=${target}`;

const STEPS: Readonly<Record<PackageManager, Pick<ImageView, 'setup' | 'install' | 'installProduction' | 'build' | 'cacheMount'>>> = {
  npm: { setup: undefined, install: 'npm ci', installProduction: 'npm ci --omit=dev', build: 'npm run build', cacheMount: mount('npm', '/root/.npm') },
  // corepack ships with Node 20 and fetches the exact version that package.json's `packageManager` names.
  pnpm: {
    setup: 'corepack enable',
    install: 'pnpm install --frozen-lockfile',
    installProduction: 'pnpm install --frozen-lockfile --prod',
    build: 'pnpm build',
    cacheMount: mount('pnpm-store', '/root/.local/share/pnpm/store'),
  },
  yarn: {
    setup: 'corepack enable',
    install: 'yarn install --frozen-lockfile',
    installProduction: 'yarn install --frozen-lockfile --production',
    build: 'yarn build',
    cacheMount: mount('yarn', '/usr/local/share/.cache/yarn'),
  },
  // The Node image has no bun.
  bun: {
    setup: BUN_FROM_NPM,
    install: 'bun install --frozen-lockfile',
    installProduction: 'bun install --frozen-lockfile --production',
    build: 'bun run build',
    cacheMount: mount('bun', '/root/.bun/install/cache'),
  },
};

export function imageView(view: ProjectView): ImageView {
  const pm = view.pm.name;
  const slug = view.project.dbName.replace(/_+/g, '-').replace(/^-|-$/g, '');
  const manifests = ['package.json', LOCKFILES[pm], ...(pm === 'pnpm' ? ['pnpm-workspace.yaml'] : [])];
  return {
    nodeVersion: NODE_VERSION,
    variant: NODE_IMAGE_VARIANT,
    manifests: manifests.join(' '),
    ...STEPS[pm],
    postgresImage: `postgres:${POSTGRES_MAJOR}`,
    postgresMajor: POSTGRES_MAJOR,
    migrate: MIGRATE_COMMAND,
    slug,
    imageRef: `ghcr.io/your-account/${slug}:0.1.0`,
  };
}

/** The image and the local production-like stack: Dockerfile, .dockerignore and compose.yaml. */
export const container: Feature = {
  name: 'container',
  async files(context) {
    return templateFolder(context, 'container', { data: { image: imageView(context.view) } });
  },
};

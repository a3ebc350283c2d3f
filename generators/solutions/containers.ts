import type { ProjectView } from '../view/project.js';
import { type MilestoneSolution, mutate } from './kit.js';

/** Where `gen adr "Container image"` writes in a project with no other record yet; the deploy case study links it. */
export const CONTAINER_RECORD = 'docs/adr/0001-container-image.md';

/** The record as `gen adr "Container image"` starts it (docs/adr/0000-template.md), filled in. */
function decisionRecord(view: ProjectView): string {
  return `# 0001. Container image

## Status

Accepted

Date: 2025-01-15

## Context

The ${view.project.name} service ships as a container image: compose runs it locally and on the host, and reports it healthy or not
by its health check. The image has to be small enough to move quickly on every deploy and rollback, must not carry local secrets or
development tools, and must stop cleanly when the platform sends SIGTERM.

## Decision

### Base image

The image starts from the official Node 20 image on Debian bookworm, in its slim variant, pinned to an exact patch release. Slim keeps
the image small without switching the C library: Alpine's musl is smaller still, but it has broken native modules for other teams and it
changes performance in ways that are hard to trace. The version is named once, in an ARG, and matches \`.nvmrc\`, so CI and the image
run the same Node.

### Stages

The \`deps\` stage copies only the package manifests and the lockfile, then installs every dependency with a frozen lockfile; a code change
does not invalidate that layer. The \`build\` stage starts from \`deps\`, copies the TypeScript sources and compiles them to \`dist\`. The
\`runtime\` stage starts again from the slim image, installs production dependencies only from the same lockfile, copies \`dist\` from the
build stage, and runs as the unprivileged \`node\` user with the files left owned by root.

### Health check

The HEALTHCHECK runs node itself, because the slim image has no curl, and requests \`/healthz\` with a four-second timeout. It proves
that the process is alive and its event loop answers HTTP. It deliberately does not prove that the database is reachable: that is
\`/readyz\`, which the platform uses for routing, since restarting a healthy container never fixes an unreachable database.

### Image size

Measured with \`docker image ls\` after \`docker build -t ${view.project.name} .\`: 182 MB for the final image, against 1.1 GB for a
single-stage build on the full Node image. The build context, measured with a throwaway \`COPY . /ctx\` build, is 0.4 MB.

## Consequences

Debugging inside the running container is harder: there is no curl and no root shell, so investigations start from the logs and
\`docker compose exec\` as the \`node\` user. In exchange a compromised process cannot rewrite its own code, and a deploy moves a fifth
of the bytes a single-stage image would. A new native dependency would make us revisit the slim base image.
`;
}

/**
 * Containers: the scaffold's Dockerfile, .dockerignore and compose.yaml already follow the policy, so the
 * learner's part is the decision record that explains them, with the sizes measured.
 */
const solution: MilestoneSolution = {
  async files(view) {
    return [{ relative: CONTAINER_RECORD, content: decisionRecord(view) }];
  },
  mistakes: [
    {
      name: 'a shell-form CMD through npm, so npm is process 1 and SIGTERM never reaches node',
      fails: ['containers.dockerfile-policy', 'containers.build-replay'],
      async edit(_view, read) {
        return [{ relative: 'Dockerfile', content: mutate(await read('Dockerfile'), /^CMD \["node", "dist\/server\.js"\]$/m, 'CMD npm start', this.name) }];
      },
    },
    {
      name: 'no USER in the runtime stage, so the app runs as root',
      fails: ['containers.dockerfile-policy'],
      async edit(_view, read) {
        return [{ relative: 'Dockerfile', content: mutate(await read('Dockerfile'), /^USER node\n/m, '', this.name) }];
      },
    },
    {
      name: 'a .dockerignore that lists .env but not .env.*, so .env.production reaches the build context',
      fails: ['containers.build-context'],
      async edit(_view, read) {
        return [{ relative: '.dockerignore', content: mutate(await read('.dockerignore'), /^\.env\.\*\n/m, '', this.name) }];
      },
    },
    {
      name: 'a decision record whose Stages section tells the two-stage story and never mentions the deps stage the Dockerfile declares',
      fails: ['containers.decision-record'],
      async edit(_view, read) {
        const twoStages =
          '### Stages\n\nThe build stage installs every dependency with a frozen lockfile and compiles the TypeScript sources to `dist`. The ' +
          'runtime stage starts again from the slim image, installs production dependencies only from the same lockfile, copies `dist` from ' +
          'the build stage, and runs as the unprivileged `node` user with the files left owned by root.\n\n';
        return [{ relative: CONTAINER_RECORD, content: mutate(await read(CONTAINER_RECORD), /^### Stages\n[\s\S]*?(?=^### )/m, twoStages, this.name) }];
      },
    },
  ],
};

export default solution;

import type { ProjectView } from '../view/project.js';
import { type MilestoneSolution, mutate } from './kit.js';

function decisionRecord(view: ProjectView): string {
  return `# Containers: how the ${view.project.name} image is built, and why

## Base image

The image starts from the official Node 20 image on Debian bookworm, in its slim variant, pinned to an exact patch release. Slim keeps
the image small without switching the C library: Alpine's musl is smaller still, but it has broken native modules for other teams and it
changes performance in ways that are hard to trace. The version is named once, in an ARG, and matches \`.nvmrc\`, so CI and the image
run the same Node.

## Stages

The \`deps\` stage copies only the package manifests and the lockfile, then installs every dependency with a frozen lockfile; a code change
does not invalidate that layer. The \`build\` stage starts from \`deps\`, copies the TypeScript sources and compiles them to \`dist\`. The
\`runtime\` stage starts again from the slim image, installs production dependencies only from the same lockfile, copies \`dist\` from the
build stage, and runs as the unprivileged \`node\` user with the files left owned by root.

## Health check

The HEALTHCHECK runs node itself, because the slim image has no curl, and requests \`/healthz\` with a four-second timeout. It proves
that the process is alive and its event loop answers HTTP. It deliberately does not prove that the database is reachable: that is
\`/readyz\`, which the platform uses for routing, since restarting a healthy container never fixes an unreachable database.

## Image size

Measured with \`docker image ls\` after \`docker build -t ${view.project.name} .\`: 182 MB for the final image, against 1.1 GB for a
single-stage build on the full Node image. The build context, measured with a throwaway \`COPY . /ctx\` build, is 0.4 MB.
`;
}

/**
 * Containers: the scaffold's Dockerfile, .dockerignore and compose.yaml already follow the policy, so the
 * learner's part is the decision record that explains them, with the sizes measured.
 */
const solution: MilestoneSolution = {
  async files(view) {
    return [{ relative: 'docs/decisions/containers.md', content: decisionRecord(view) }];
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
  ],
};

export default solution;

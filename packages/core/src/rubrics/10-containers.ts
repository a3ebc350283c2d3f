import { primaryTable } from '../milestones/text.js';
import { mistake, type RubricDefinition, sign } from './types.js';

export const containers: RubricDefinition = ({ domain }) => {
  const primary = primaryTable(domain);

  return {
    milestone: 'containers',
    shows: 'The learner ships an image they can explain line by line: small, non-root, signal-aware, and free of local secrets.',
    evidence: [
      '`Dockerfile`, `.dockerignore` and `compose.yaml`, read as a diff against the scaffold.',
      'The container decision record in `docs/adr/` (the one whose title mentions containers): one paragraph per stage, image size and build context size.',
      'The `containers` rows of the milestone report, which name each broken policy.',
    ],
    levels: {
      strong: [
        sign('The decision record gives the image and context sizes before and after, and a reason for each stage and each non-obvious line.', 'containers.decision-record'),
        sign(
          'The final stage runs as `node`, starts with exec-form `CMD ["node", ...]`, leaves the app files owned by root, and has a `HEALTHCHECK` on `/healthz` written with node itself.',
          'containers.dockerfile-policy',
        ),
        sign(
          `Migrations run in a one-off compose service the app waits for (\`service_completed_successfully\`), so two replicas never migrate \`${primary.name}\` at once.`,
          'containers.compose',
          'containers.build-replay',
        ),
        sign('The learner broke each policy once on purpose and quotes the check message that named it.'),
      ],
      adequate: [
        sign('Every containers criterion passes.', 'containers.dockerfile-policy', 'containers.build-context', 'containers.build-replay', 'containers.compose', 'containers.decision-record'),
        sign('Correct files, but the decision record restates the instructions instead of giving reasons.'),
        sign('The Node version is repeated in several `FROM` lines rather than one `ARG`.'),
      ],
      weak: [
        sign('A shell-form `CMD` or `npm start`, so SIGTERM does not reach node and every deploy drops requests.', 'containers.dockerfile-policy', 'containers.build-replay'),
        sign('`.env` or `.data/` in the build context, or a password as a literal in `compose.yaml`.', 'containers.build-context', 'containers.compose'),
        sign('The app runs migrations on start, or starts before PostgreSQL is healthy.', 'containers.compose'),
      ],
    },
    reference: {
      approach: [
        'Two stages from one pinned Node 20 slim tag: build (frozen install, compile) and runtime (production install, `dist` only, `USER node`).',
        '`.dockerignore` excluding `.env*` except `.env.example`, `.git`, `node_modules`, `dist`, `coverage` and `.data`.',
        'Compose with a healthy PostgreSQL, a migrate service that exits, and the app depending on both.',
      ],
      mistakes: [
        mistake('Signals lost behind a shell', 'The `CMD` is a string or goes through npm; SIGTERM never reaches node and the process is killed after the grace period.', 'containers.dockerfile-policy'),
        mistake('Secrets in the context', '`.dockerignore` is missing `.env`, so the learner\'s local secrets end up in an image layer.', 'containers.build-context'),
        mistake(
          'Health check on readiness',
          'The `HEALTHCHECK` calls `/readyz`; a database outage restarts healthy containers in a loop.',
          'containers.dockerfile-policy',
        ),
      ],
    },
  };
};

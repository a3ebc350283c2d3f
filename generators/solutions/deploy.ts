import { dependencyEnvPrefix, primaryTable } from '@create-backend-portfolio/core';
import type { ProjectView } from '../view/project.js';
import { CONTAINER_RECORD } from './containers.js';
import { type MilestoneSolution, mutate } from './kit.js';

/** The commands that run migrations and start the app on each deploy target, as the scaffold configures them. */
const RELEASE: Record<string, { release: string; rollback: string; logs: string }> = {
  compose: {
    release: '`docker compose run --rm migrate` runs before `docker compose up -d app`; compose starts the app only after the migrate service exits 0.',
    rollback: 'Check out the previous tag on the host and run `docker compose up -d --build app`; the schema stays, since every migration is additive first.',
    logs: '`docker compose logs -f app`, and `docker compose logs app | grep <request id>` for every line of one request.',
  },
  fly: {
    release: '`release_command` in `fly.toml` runs the compiled migrations on a temporary machine; a failure stops the deploy before traffic moves.',
    rollback: '`fly releases` lists the images; `fly deploy --image <previous image>` puts the last good one back without touching the schema.',
    logs: '`fly logs`, and `fly logs | grep <request id>` for every line of one request.',
  },
  render: {
    release: '`preDeployCommand` in `render.yaml` runs the compiled migrations after the build and before the new instance takes traffic.',
    rollback: 'In the dashboard, Events, pick the last good deploy and choose Rollback; the schema stays, since every migration is additive first.',
    logs: 'The Logs tab of the service, searched for the request id; the same search works in the log stream of the CLI.',
  },
  kubernetes: {
    release: 'The migration Job in `k8s/migrate-job.yaml` is applied and awaited with `kubectl wait --for=condition=complete` before the Deployment rolls out.',
    rollback: '`kubectl rollout undo deployment/<name>` returns to the previous ReplicaSet; `kubectl rollout status` shows when it is done.',
    logs: '`kubectl logs -l app=<name> -f`, and the same piped into `grep <request id>` for every line of one request.',
  },
};

function operations(view: ProjectView): string {
  const target = RELEASE[view.answers.deploy] ?? RELEASE.compose!;
  const dependencyUrl = `${dependencyEnvPrefix(view.domain)}_URL`;
  return `# Operations: ${view.project.name}

The runbook: short enough to follow during an incident, with commands to copy.

## Secrets

Names only; the values live in the platform's secret store and nowhere in this repository.

| name | where it lives | how to rotate |
|---|---|---|
| \`DATABASE_URL\` | the platform's secret store | create a new database user, update the secret, redeploy, then drop the old user |
| \`${dependencyUrl}\` | the platform's secret store | update the secret and redeploy; the client reads it at start-up |

## Release

${target.release} Every migration is compatible with the release before it: columns are added first and removed in a later release.

## Rollback

${target.rollback} Rehearsed once with a release that had a broken setting: readiness failed, the rollback took about two minutes.

## Logs

${target.logs} Every log line carries the request id that the \`X-Request-Id\` response header returns.

## Smoke check

Run \`pnpm milestone check deploy --url https://${view.project.name}.fly.dev\` after every deploy, before announcing it; it checks health, readiness, a create-read-delete round trip and the security headers.
`;
}

function caseStudy(view: ProjectView): string {
  const primary = primaryTable(view.domain).name;
  return `## Case study

### Problem

${view.domain.name} needs a small API that other teams can build on without reading its code: every write is validated, every error is a problem document with a request id, and the busiest list stays fast as the \`${primary}\` table grows. The hard part is not the happy path but what happens when two requests want the last unit at once, when the external dependency is slow, and when a deploy goes wrong at the worst moment.

### Design decisions

The schema enforces the rules the API promises (foreign keys, unique keys and check constraints), so a bug in a handler cannot store a row the contract forbids. Contended writes take a row lock inside one transaction instead of checking and then inserting. Migrations run as their own release step, described in [the runbook](docs/operations.md), and the container choices are recorded in [the container decision record](${CONTAINER_RECORD}).

### Trade-offs

Constraints in the database make some errors arrive later than validation would, so the error handler maps their codes back to clear answers; that costs a little code for each constraint. The row lock serializes buyers of the same item, which caps throughput on one hot row but keeps the counts exact. A managed platform costs more per hour than a virtual machine, and in exchange nobody patches the operating system at night.

### What broke and how I found it

The first deploy answered 503 on readiness while health was fine. The request id from a failing probe led to a log line showing a connection refused on the database port: the platform's private network name was missing from the database URL. Fixing the secret and redeploying took four minutes; the rollback rehearsal afterwards took two minutes from the first failed probe to the old release serving again.

### Numbers

- Hot list median latency: 4 ms, 99th percentile 19 ms (autocannon, 20 connections, 30 s, against the deployed service).
- Race test: 20 concurrent requests for the last unit, exactly 1 succeeded in 50 runs (0% oversold).
- Image size: 182 MB; CI duration: 3.5 min.

The service runs at [its public URL](https://${view.project.name}.fly.dev).

`;
}

/**
 * Deploy: the runbook in `docs/operations.md` and the README's case study, filled in. The scaffold's app
 * already answers the smoke run correctly (helmet's headers, problem documents, request ids), so the
 * learner's work this milestone is operating it and writing it down.
 */
const solution: MilestoneSolution = {
  async files(view, _templatesDir, read) {
    const readme = await read('README.md');
    const filled = mutate(readme, /## Case study\n[\s\S]*?(?=### What I would do next)/, `${caseStudy(view)}### What I would do next`, 'the case study');
    return [
      { relative: 'docs/operations.md', content: operations(view) },
      { relative: 'README.md', content: filled },
    ];
  },
  mistakes: [
    {
      name: 'an error body that carries the parser\'s stack trace, file paths included',
      fails: ['deploy.security-headers'],
      async edit(_view, read) {
        const relative = 'src/http/error-handler.ts';
        const leaky = "return HttpError.badRequest(`The request body is not valid JSON: ${error instanceof Error ? error.stack : ''}`);";
        return [{ relative, content: mutate(await read(relative), "return HttpError.badRequest('The request body is not valid JSON.');", leaky, this.name) }];
      },
    },
    {
      name: 'helmet left out, so no response says nosniff',
      fails: ['deploy.security-headers'],
      async edit(_view, read) {
        const relative = 'src/app.ts';
        return [{ relative, content: mutate(await read(relative), /^ *app\.use\(helmet\(\)\);\n/m, '', this.name).replace(/^import helmet from 'helmet';\n/m, '') }];
      },
    },
  ],
};

export default solution;

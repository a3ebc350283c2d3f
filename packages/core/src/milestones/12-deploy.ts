import type { MilestoneDefinition } from '../model.js';
import {
  article,
  capitalize,
  codeList,
  columnRulesText,
  dependencyEnvPrefix,
  exampleBodyWith,
  foreignKeys,
  primaryTable,
  route,
  runScript,
  uniqueKeys,
  wordList,
  words,
} from './text.js';

export const deploy: MilestoneDefinition = ({ domain, pm }) => {
  const primary = primaryTable(domain);
  const smokeCheck = `\`${runScript(pm, 'milestone', 'check deploy --url https://<your host>')}\``;
  const list = route(primary);
  const dependencyUrl = `${dependencyEnvPrefix(domain)}_URL`;
  const fkNames = foreignKeys(primary).map((c) => c.name);
  const uniqueParts = uniqueKeys(primary)
    .map((key) => ({ key, own: key.filter((n) => !fkNames.includes(n)) }))
    .filter((k) => k.own.length > 0);
  const uniqueNames = [...new Set(uniqueParts.flatMap((k) => k.own))];
  const singles = uniqueParts.filter((k) => k.key.length === 1).map((k) => k.own[0]!);
  const perKey = [
    ...(singles.length > 0
      ? [`${codeList(singles)} ${singles.length > 1 ? 'each ' : ''}set to a value no earlier run has used`]
      : []),
    ...uniqueParts
      .filter((k) => k.key.length > 1)
      .map(({ key, own }) => `${codeList(own)} chosen so that the combination of ${codeList(key)} is new for this run`),
  ];
  const rules = columnRulesText(primary, uniqueNames);
  const borrow =
    fkNames.length > 0
      ? `sends \`GET ${list}?limit=1\` and copies ${codeList(fkNames)} from the row it returns (so the deployed database needs at least ` +
        `one ${words(primary.singular)}: seed it or create one); `
      : '';
  const randomized =
    perKey.length > 0
      ? `, with ${wordList(perKey)}${rules ? `, while every value still passes the column's rules (${rules})` : ''}, so it cannot collide with existing rows`
      : '';

  return {
    id: 'deploy',
    number: 12,
    slug: 'deploy',
    title: 'Ship it, run it, tell the story',
    goal:
      `Put the ${domain.name} service on the internet and operate it like a team would: secrets in the platform, migrations as a ` +
      'release step, a rehearsed rollback, logs you can search by request id, and a smoke check that passes against your URL. Then write ' +
      'the case study in the README that turns the project into evidence.',
    whyItMatters:
      'Everything so far could still be a tutorial. A service with a public URL that you have deployed, broken, rolled back and fixed is ' +
      'different: it exercises the parts local development hides, such as TLS, proxies, secrets, cold starts and a schema change on a ' +
      'database that already holds data. Shipping and then watching what happens is a routine part of the job, not a special event. And ' +
      'hiring managers click links: a service that answers, next to an honest account of what went wrong and what you measured, says more ' +
      'about you than the list of tools on your resume.',
    tasks: [
      'Deploy with the target the scaffold generated, following `docs/deploy.md` (compose on a small VM, Fly.io, Render or Kubernetes), ' +
        'with PostgreSQL where that guide puts it: next to the app in compose, or a managed or dedicated server, reached over TLS whenever ' +
        'it sits on another network. Start `docs/operations.md` now and fill it in as you go, not afterwards.',
      `Put every secret in the platform's secret store and nowhere else: \`DATABASE_URL\` (with compose, \`POSTGRES_PASSWORD\`, from which compose builds it), \`${dependencyUrl}\` and anything auth needs. ` +
        'That means `fly secrets set`, Render environment variables that are not synced from the blueprint, a Kubernetes Secret created ' +
        'outside the repository, or an `env_file` on the compose host. In the Secrets section, list each name, where it lives and how to ' +
        'rotate it, never the value.',
      'Run migrations as a release step that finishes before new code takes traffic: the compose migrate service, `release_command` in ' +
        '`fly.toml`, `preDeployCommand` in `render.yaml`, or a Kubernetes Job applied before the rollout. Keep every migration compatible ' +
        'with the release before it (add first, remove in a later release) so rolling back the app never requires rolling back the schema.',
      'Write the rollback plan in the Rollback section with the exact command for your target (for example `kubectl rollout undo`, or ' +
        'redeploying the previous image on Fly, Render or compose), then rehearse it: ship a release with a broken setting, watch readiness ' +
        'fail, roll back, and note how long each step took.',
      'In the Logs section, write how to see the live logs on your platform and how to find every line of one request by its ' +
        '`X-Request-Id`. Do it once for a real request and paste the command you used.',
      `Run ${smokeCheck} until it passes, and add the same command to the Smoke check section ` +
        `as the first thing to run after every deploy.`,
      'Finish the "Case study" section of `README.md`, which has been waiting since the scaffold: Problem, Design decisions, Trade-offs, ' +
        'What broke and how I found it, and Numbers. ' +
        'Measure the numbers yourself (for example the hot list\'s median and 99th percentile latency under autocannon, an HTTP load generator you run with `npx autocannon`, the race test at 20 ' +
        'concurrent requests, image size, CI duration, cold start) and say how you measured each one.',
    ],
    acceptance: [
      {
        id: 'deploy.smoke-health',
        statement: 'The deployed service is up, reachable over HTTPS, and connected to its database.',
        sends:
          `With \`--url\` (${smokeCheck}): one warm-up \`GET /healthz\`, then 5 \`GET /healthz\` and ` +
          '5 `GET /readyz`, each with a 10-second timeout. Without `--url` the smoke criteria fail and say how to run them.',
        expects:
          'The URL uses https; plain http is accepted only on loopback (`localhost`, `127.0.0.1`, `[::1]`), so you can try the check on ' +
          'your own machine or a compose host. Every response after the warm-up is 200 within 3,000 ms measured by the check, so the ' +
          'running release reaches its database.',
      },
      {
        id: 'deploy.smoke-round-trip',
        statement: `${capitalize(article(words(primary.singular)))} can be created, read back and deleted on the live service.`,
        sends:
          `With \`--url\`: ${borrow}if \`POST ${list}\` without credentials is 401, registers and logs in a fresh ` +
          `\`smoke-<random>@example.com\` user first; then \`POST ${list}\` with a body shaped like \`${exampleBodyWith(primary, uniqueNames)}\`${randomized}; ` +
          `then \`GET ${list}/<new id>\`, \`DELETE ${list}/<new id>\`, and the same GET again.`,
        expects:
          `The POST is 201 with the new ${words(primary.singular)} and its \`id\`. The GET is 200 and every field the check sent reads back equal. ` +
          'The DELETE is 204 and the last GET is 404 application/problem+json. Every response carries an `X-Request-Id` header.',
      },
      {
        id: 'deploy.security-headers',
        statement: 'Responses carry basic security headers and error bodies reveal nothing internal.',
        sends:
          `With \`--url\`: inspects the headers of every smoke response, plus \`GET /does-not-exist-<random>\` and \`POST ${list}\` with the ` +
          'malformed JSON body `{"broken":`.',
        expects:
          'Every response has `x-content-type-options: nosniff` and no `x-powered-by` header; over https, `strict-transport-security` is ' +
          'present with a max-age of at least 15768000 (six months). The unknown path is 404 and the malformed body 400 (or 401 if writes ' +
          'require credentials first), both application/problem+json, and no response body contains a stack trace, a file path or SQL.',
      },
      {
        id: 'deploy.operations',
        statement: 'Secrets, release, rollback and logs are written down, and the release runs migrations on its own.',
        sends:
          '`docs/operations.md`, the deploy configuration for your target (`compose.yaml`, `fly.toml`, `render.yaml` or the Kubernetes ' +
          'manifests), `src/config.ts`, and the list of files git tracks.',
        expects:
          '`docs/operations.md` has the sections Secrets, Release, Rollback, Logs and Smoke check, each with at least 10 words. Secrets ' +
          `names \`DATABASE_URL\` and \`${dependencyUrl}\`, and contains no values (no \`NAME=value\` and no URL with a password). The deploy ` +
          'configuration runs migrations in a separate release step (migrate service, `release_command`, `preDeployCommand`, or a Job) and ' +
          'the app\'s start command does not. Git tracks no `.env` file other than `.env.example`, and no tracked file contains a ' +
          'PostgreSQL URL whose password is anything but the local placeholder `postgres`, a `$` variable or an upper-case placeholder ' +
          'such as `PASSWORD`. (Outside a git ' +
          'repository, every file except `node_modules`, `dist`, `coverage`, `.data` and local `.env` files counts as tracked.)',
      },
      {
        id: 'deploy.case-study',
        statement: 'The README tells the story of the project with decisions, failures and numbers.',
        sends: 'Reads the "Case study" section of `README.md` and every repository file it links to.',
        expects:
          'The section has the subsections Problem, Design decisions, Trade-offs, What broke and how I found it, and Numbers. ' +
          'Each subsection except Numbers has at least 60 words. Numbers has at least 3 ' +
          'measurements with a unit (ms, s, req/s, %, MB). The section links to the deployed service (an `https://` URL) and to at least 2 ' +
          'files in the repository (for example a postmortem in `docs/incidents/` and a decision record in `docs/adr/`), and every ' +
          'linked file exists.',
      },
    ],
    stretch: [
      'Deploy from CI: after the checks pass on `main`, deploy, run the smoke check against the new release, and roll back automatically if it fails.',
      'Set up an external uptime check on `/readyz` that alerts you, and record how long it took to notice the rollback rehearsal.',
      'Restore last night\'s database backup into a scratch instance and time it. A backup that has never been restored is a guess.',
      'Try a zero-downtime column rename on the live service with the expand and contract steps, running a load generator throughout, and report any failed requests.',
    ],
    review: {
      correctness: [
        'No secret is in the image, the repository, the CI logs or the application logs; the app fails to start, loudly, without them.',
        'Migrations run once per release, before new code serves traffic, and every one is compatible with the previous release.',
        'Each health check the platform runs points at the right endpoint: `/readyz` to decide whether to send traffic, `/healthz` to ' +
          'decide whether the process is alive. With compose, an unhealthy container is only reported, not restarted, and the notes say ' +
          'so. Shutdown drains requests within the grace period.',
      ],
      edgeCases: [
        'The app behind the platform\'s proxy: `TRUST_PROXY_HOPS` is set so client addresses and rate limits use the real caller, not the proxy.',
        'A migration that fails halfway through a release: the old version keeps serving and the runbook says what to do next.',
        'If the platform stops idle machines (Fly with auto-stop, Render\'s free plan), the first request after a pause is slow: know by how much, and whether you accept it.',
      ],
      maintainability: [
        'The runbook is short enough to follow during an incident, with commands to copy rather than paragraphs to interpret.',
        'Deploy configuration lives in the repository, so a change to it is reviewed like code.',
        'The case study states numbers with how they were measured, so a reader can judge them and you can reproduce them.',
      ],
    },
    talkingPoints: [
      'Migrations run as a separate release step, and each one is compatible with the previous version of the app. That makes a rollback a redeploy of the old image rather than a schema surgery, at the cost of spreading some changes over two releases.',
      'Secrets live in the platform, not in the repository or the image. The trade-off against a dedicated secrets manager is rotation and audit: fine for one service, not enough for twenty.',
      'I rehearsed the rollback before I needed it and timed it. Knowing a rollback takes two minutes changes how boldly you can ship.',
      'The smoke check after each deploy covers what tests cannot: TLS, the proxy, the real database, the real secrets. It is deliberately small, so it runs in seconds and can gate a release.',
      'I picked this platform for the size of the project. Kubernetes would give more control and far more to operate; for one service and one database, a setup one person can run lets me spend the time on the application.',
    ],
    estimateHours: 10,
    dependsOn: ['containers', 'ci-cd'],
  };
};

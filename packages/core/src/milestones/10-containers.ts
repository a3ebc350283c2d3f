import type { MilestoneDefinition } from '../model.js';
import { primaryTable, runScript } from './text.js';

export const containers: MilestoneDefinition = ({ domain, pm }) => {
  const primary = primaryTable(domain);

  return {
    id: 'containers',
    number: 10,
    slug: 'containers',
    title: 'A container you can defend',
    goal:
      `Own the container setup the scaffold wrote for the ${domain.name} service, well enough to defend every line: a multi-stage Dockerfile that ships only compiled code and production ` +
      'dependencies, runs as a non-root user, starts node in exec form so SIGTERM reaches it, and declares a HEALTHCHECK; a ' +
      '`.dockerignore` that keeps `.env` and other local files out of the build; and a `compose.yaml` where PostgreSQL is healthy and ' +
      'migrations have run before the app starts.',
    whyItMatters:
      'The image is what actually runs in production, so its mistakes are production mistakes. A `.env` copied into an early layer stays ' +
      'readable in the image history even after a later step deletes it. A shell-form CMD swallows SIGTERM, so every deploy kills ' +
      'in-flight requests after the grace period instead of draining them. A root user turns a small bug into a container escape ' +
      'waiting to happen, and a 1 GB image makes every deploy and every rollback slower. Most backend teams ship containers, and a ' +
      'reviewer can tell in a minute whether the Dockerfile was written by someone who understands it.',
    tasks: [
      `Read the generated \`Dockerfile\` line by line, then record the container decisions with \`${runScript(pm, 'gen', 'adr "Container image"')}\`, which writes ` +
        'the next numbered record in `docs/adr/` from its template (keep "container" in the title: that is how the check finds it). ' +
        'Give the record four sections, as headings of any level (under its Decision heading, say): Base image (which one ' +
        'and why), Stages (what each of the three stages holds and why: `deps` installs every dependency from the lockfile ' +
        'without changing it, `build` starts from `deps` and compiles the TypeScript, and `runtime` starts again from a pinned slim Node ' +
        'image, installs production dependencies only and copies `dist` from `build`), Health check (what the HEALTHCHECK proves and what it does not), and Image size (the final image size ' +
        'and the build context size you measured, in MB).',
      'User: the runtime stage already switches to the unprivileged `node` user the official images provide, and copies the ' +
        'application in as root. Find both lines, start the stack, and from `docker compose exec app sh` run `id` and try to create a ' +
        'file under `/app`. Write down what stops you, and why an app that cannot rewrite its own code limits what an attacker who takes over the process can do.',
      `Signals: the \`CMD\` is exec form, so node is process 1 and receives SIGTERM itself. Explain what would change with a shell-form ` +
        `\`CMD\` or with \`${runScript(pm, 'start')}\` in front of node: which process gets the signal, and what happens when the stop ` +
        'timeout runs out. Then run `docker compose stop app` and confirm in `docker compose logs app` and `docker compose ps -a` that the ' +
        'app shut down on its own with exit code 0. Process 1 gets no default signal handlers, so the handler in `src/lifecycle.ts` is what ' +
        'makes it stop.',
      'Health: read the `HEALTHCHECK`. It calls `/healthz` with node\'s own `fetch` because slim images have no curl. Watch the ' +
        'container go from `starting` to `healthy` in `docker compose ps`, and be ready to say why it checks `/healthz` and not ' +
        '`/readyz`: restarting a container does not bring back an unreachable database.',
      'Build context: `.dockerignore` already keeps `.env` and `.env.*` (but not `.env.example`), `.git`, `node_modules`, `dist`, ' +
        '`coverage` and the embedded database directory `.data` away from the Docker daemon. Measure the context `docker build` sends ' +
        'with the file and with it moved aside, and keep both numbers for the Image size section.',
      'Compose: in `compose.yaml`, find where PostgreSQL\'s major version is pinned, what the named volume and the `pg_isready` ' +
        'healthcheck are for, and how the one-off `migrate` service gates the app (`service_healthy`, then `service_completed_successfully`). ' +
        'Explain why migrations run from compiled JavaScript: the TypeScript loader the knex CLI would need is a dev dependency, so the ' +
        'runtime image does not have it.',
      `Break it on purpose, one policy at a time (shell-form CMD, no USER, \`.env\` not ignored), and watch ` +
        `\`${runScript(pm, 'milestone', 'check containers')}\` name each failure before you put it back.`,
    ],
    acceptance: [
      {
        id: 'containers.dockerfile-policy',
        statement: 'The Dockerfile is multi-stage, pinned, non-root, exec-form and health-checked, with no secrets in it.',
        sends: 'Validates `Dockerfile` with dockerfile-utils, then applies the policy checks to its instructions, stage by stage.',
        expects:
          'dockerfile-utils reports no problems. At least two `FROM` stages; every `FROM` names a version tag or a digest (never `latest` or no tag), and the ' +
          'final one is Node 20 or newer. The final stage sets a `USER` other than `root` or `0` before its `CMD`; the `CMD` (or ' +
          '`ENTRYPOINT`) is a JSON array that starts `node` directly, not a package manager or a shell; a `HEALTHCHECK` requests `/healthz`; ' +
          '`EXPOSE` matches the default `PORT` of 3000. There is no `ADD` from a URL, no `COPY . .` in the final stage, and no `ENV` or ' +
          '`ARG` whose name contains SECRET, TOKEN, PASSWORD or KEY or whose value is a connection string with a password.',
      },
      {
        id: 'containers.build-context',
        statement: 'Local secrets and build leftovers never reach the build context.',
        sends:
          'Lists the project\'s files, adds `.env`, `.env.production`, `.data/pglite/probe`, `coverage/probe`, `dist/probe`, `.git/HEAD` and ' +
          '`node_modules/probe` to the list as if they existed (nothing is written), and applies `.dockerignore` to it the way Docker ' +
          'does: `*`, `?` and `**` patterns, `!` exceptions, the last matching line wins, and an excluded directory excludes what is in it.',
        expects:
          '`.dockerignore` exists. The context contains none of `.env`, `.env.production`, `.git/`, `node_modules/`, `dist/`, `.data/` or ' +
          '`coverage/`; it does contain `package.json`, the package manager\'s lockfile and `src/`, and `.env.example` if the project has one. The context ' +
          'is under 5 MB.',
      },
      {
        id: 'containers.build-replay',
        statement: 'The build steps produce a runtime that starts, reports healthy, runs migrations as a separate step, and stops cleanly.',
        sends:
          'Replays the Dockerfile without a Docker engine and without the network. In an empty directory standing for the build stages\' ' +
          '`WORKDIR`, it copies what their `COPY` lines name from the build context and runs their other `RUN` lines in order. Dependency ' +
          'installs are not run, so nothing is downloaded: the project\'s installed `node_modules` is linked in their place, and lines that ' +
          'only set up the package manager or OS packages are skipped. It assembles the final stage in a second empty directory from its ' +
          '`COPY` lines (`--from` a build stage included) and links `node_modules` the same way. There it runs the migrate service\'s ' +
          'command from `compose.yaml` against a fresh database (a new one on the PostgreSQL server the check run was given, or a new ' +
          'embedded one), starts the `CMD` with ' +
          '`NODE_ENV=production`, a free `PORT` and `DATABASE_URL` set, runs the `HEALTHCHECK` command while the app is up, sends SIGTERM, ' +
          'and runs the `HEALTHCHECK` command again.',
        expects:
          'Every replayed step exits 0. The final stage installs production dependencies only (`--prod`, `--omit=dev` or `--production`), ' +
          'and the final directory has no `.ts` files outside `node_modules`. The migration command exits 0 and ' +
          `\`${primary.name}\` exists afterwards. \`GET /healthz\` is 200 within 20 seconds of start and \`GET /readyz\` is 200. The ` +
          '`HEALTHCHECK` command exits 0 while the app runs and non-zero after it stops. After SIGTERM the process exits with code 0 within ' +
          '15 seconds.',
      },
      {
        id: 'containers.compose',
        statement: 'Compose starts PostgreSQL, then migrations, then the app, in that order and only when each step succeeded.',
        sends: 'Parses `compose.yaml` and inspects its services.',
        expects:
          'A PostgreSQL service on a pinned major version, with a `healthcheck` that runs `pg_isready` and a named volume for its data. A ' +
          'one-off migrate service that runs the migrations and depends on PostgreSQL with `condition: service_healthy`. The app service ' +
          'depends on PostgreSQL with `condition: service_healthy` and on the migrate service with `condition: ' +
          'service_completed_successfully`, and its own command does not run migrations. A published PostgreSQL port, if any, is bound to ' +
          '127.0.0.1. No password appears as a literal in the app\'s `environment`: it comes from variable interpolation or an `env_file`.',
      },
      {
        id: 'containers.decision-record',
        statement: 'The container decisions are written down in your own words, with the sizes you measured.',
        sends:
          'Reads the decision records in `docs/adr/`: files named `NNNN-<title>.md` other than the template `0000-template.md`, such as ' +
          'the one `gen adr "Container image"` writes, whose file name or first heading contains "container" or "docker" in any case.',
        expects:
          'There is at least one such record, and one of them has the sections Base image, Stages, Health check and Image size (as Markdown ' +
          'headings of any level). Base image, Stages and Health ' +
          'check have at least 40 words each; Stages names every stage the Dockerfile declares with `AS`; Image size gives at least two ' +
          'sizes in MB (or GB or kB). No section is a placeholder: none contains TODO, TBD, "lorem ipsum" or text in angle brackets like ' +
          '`<describe>`.',
      },
    ],
    stretch: [
      'Build the runtime stage on a distroless Node image and list what you lost (a shell for debugging) and what you gained (fewer packages to patch).',
      `The install steps already use a BuildKit cache mount for ${pm.name}'s downloads: time a rebuild after adding one dependency with the ` +
        'mount and without it, and decide whether it earns its line.',
      'Run the app in compose with `read_only: true`, a tmpfs for the one directory it writes to, and all Linux capabilities dropped.',
      'Generate an SBOM for the image and scan it for known vulnerabilities; decide which findings block a release and which get a ticket.',
    ],
    review: {
      correctness: [
        'Dependency manifests are copied and installed before the source, so a code change does not invalidate the install layer.',
        'The runtime stage installs with the same lockfile as the build stage, with production dependencies only.',
        'Node is process 1 or runs under an init that forwards signals; SIGTERM leads to a drain and exit code 0, not a kill after the grace period.',
      ],
      edgeCases: [
        'The healthcheck during start-up: the start period is long enough that a slow first boot is not marked unhealthy and restarted in a loop.',
        'Migrations that fail: the app never starts against a half-migrated schema, and the failure is visible in `docker compose ps`.',
        'Two app replicas starting together do not both try to migrate, because migrations are not part of the app\'s start command.',
      ],
      maintainability: [
        'The Node version is stated in one place per file (an `ARG` reused by every `FROM`) and matches the version CI uses.',
        'Each non-obvious line has a short comment with the reason, not a restatement of the instruction.',
        'Image size and build time are recorded in the decision record, so a regression is noticed.',
      ],
    },
    talkingPoints: [
      'The multi-stage build keeps compilers and test tools out of the runtime image. It costs a slightly longer Dockerfile; it buys a smaller image, faster deploys and fewer packages to patch.',
      'I use exec form so node receives SIGTERM directly and drains in-flight requests. With a shell or npm in front, the signal can get lost and every deploy drops requests when the platform loses patience.',
      'The container HEALTHCHECK hits `/healthz`, not `/readyz`. A health check that fails when the database is down makes the orchestrator restart healthy processes, which adds load at the worst moment and fixes nothing.',
      'Migrations run as a one-off step before the app starts, not inside app start-up. Running them on boot is simpler, but with several replicas they race each other, and a failed migration would crash-loop every instance.',
      'I chose a slim Debian-based image over Alpine. Alpine is smaller, but its musl libc occasionally breaks native modules and changes performance in ways that are hard to debug.',
    ],
    estimateHours: 6,
    dependsOn: ['schema-design'],
  };
};

import type { MilestoneDefinition } from '../model.js';
import { PACKAGE_MANAGER_VERSIONS } from '../versions.js';
import { codeList, runScript } from './text.js';

export const ciCd: MilestoneDefinition = ({ domain, pm }) => {
  const tables = codeList(domain.tables.map((t) => t.name));
  const milestone = (args: string) => `\`${runScript(pm, 'milestone', args)}\``;

  return {
    id: 'ci-cd',
    number: 11,
    slug: 'ci-cd',
    title: 'A pipeline that says no',
    goal:
      'Make `.github/workflows/ci.yml` the gate every change passes: typecheck, lint, a migration round trip (latest, rollback, latest) ' +
      `against a PostgreSQL service container, the tests, and ${milestone('verify')} reporting to the job summary, with every action ` +
      'pinned to a commit and dependencies installed from a frozen lockfile.',
    whyItMatters:
      'On a team, nobody merges on trust. The pipeline is the shared, written-down definition of "this works", and reviewers look at ' +
      'its result before they read a line of the diff. A good pipeline is fast enough that people wait for it, strict enough that a red ' +
      `build means something, and reproducible, so that what passed is what ships. It also guards things humans forget: a migration ` +
      `on ${domain.name} data whose rollback was never run, a lockfile that drifted from package.json, or a third-party action whose tag ` +
      'was quietly moved to different code. Changes you push will go through a pipeline like this every day, and someone has to own it.',
    tasks: [
      'Read the generated workflow and make it yours: it runs on `pull_request` and on `push` to `main`; the top-level `permissions` ' +
        'block grants only `contents: read`; a `concurrency` group keyed on the workflow and ref cancels superseded runs; each job has ' +
        'a `timeout-minutes` so a hung test cannot burn an hour.',
      'Pin every third-party action to a full 40-character commit SHA, with the version as a trailing comment, and add ' +
        '`.github/dependabot.yml` for the `github-actions` ecosystem so pins get update pull requests. Pin Node 20 and the exact version ' +
        `of ${pm.name}, and install with \`${pm.frozenInstall}\` so a lockfile that disagrees with package.json fails the build.`,
      'Order the steps cheapest first so failures arrive early: typecheck (`tsc --noEmit`), lint, then the database work. Add a ' +
        '`postgres` service container on a pinned major version with health options that run `pg_isready`, and point `DATABASE_URL` at it.',
      'Run the migrations as a round trip: latest, rollback of every batch, latest again. A `down` that does nothing passes a plain ' +
        '`migrate:latest` and only fails here, when the second latest tries to create a table that is still there.',
      `Run the tests, then ${milestone('verify')}, which fails the job when a check file was edited. Give the report step, which ` +
        `appends ${milestone('report --format md')} to the file named by the \`GITHUB_STEP_SUMMARY\` environment variable, an \`if\` ` +
        'condition that still runs it after a failed step, so a mentor sees progress even on a red build. The generated `!cancelled()` ' +
        'does that: GitHub recommends it over `always()`, which also runs after someone cancelled the run. Without any status function ' +
        'GitHub adds `success() &&` to the condition, and the step is skipped on exactly the builds that need it.',
      'Lint the workflow locally with actionlint before pushing, then prove the gates: push a branch with a type error, one with a failing ' +
        'test, and one with an empty `down`, and check that each fails at the step meant to catch it. Protect `main` so the workflow must ' +
        'pass before merging.',
    ],
    acceptance: [
      {
        id: 'ci-cd.workflow-lint',
        statement: 'The workflow is valid, runs on the right events, and has least-privilege permissions, cancellation and timeouts.',
        sends: 'Runs actionlint on every file in `.github/workflows/`, then parses `ci.yml`.',
        expects:
          'actionlint reports no problems. `ci.yml` runs on `pull_request` and on `push` to `main`. The top-level `permissions` is ' +
          '`contents: read` and no job grants write access to anything but what it uses (the check job grants none). A `concurrency` ' +
          'group with `cancel-in-progress: true` is set. Every job has `timeout-minutes` of 30 or less and runs on `ubuntu-latest` or a ' +
          'versioned Ubuntu label.',
      },
      {
        id: 'ci-cd.pinned-supply-chain',
        statement: 'What CI runs is fixed: actions by commit, dependencies by lockfile, toolchain by version.',
        sends: 'Reads every `uses:` line and every setup and install step in `ci.yml`, plus `package.json`.',
        expects:
          'Every `uses:` of an action outside this repository ends in `@` followed by a 40-character hexadecimal commit SHA; local ' +
          '`./` actions are exempt. Project dependencies are installed from the lockfile without changing it ' +
          `(\`${pm.frozenInstall}\`), never with a plain \`${pm.name} install\` that may rewrite it. The package manager version is ` +
          'exact (in `packageManager` or its setup step), a tool installed with `npm install --global` names an exact version ' +
          `(\`bun@${PACKAGE_MANAGER_VERSIONS.bun}\`), and the Node version is 20 or read from a version file, ` +
          'never `latest`, `lts/*` or `node`.',
      },
      {
        id: 'ci-cd.migration-roundtrip',
        statement: 'CI typechecks, lints, round-trips the migrations on real PostgreSQL, tests and verifies, in that order.',
        sends:
          'Finds the job with a PostgreSQL service container and replays its `run` steps in order on this machine, with the job\'s `env` ' +
          'and `DATABASE_URL` pointing at a fresh database that stands in for the service (a new one on the PostgreSQL server the check ' +
          `run was given, or a new embedded one); the tests step gets that server, as \`${runScript(pm, 'test')}\` does. Not replayed: the dependency install ` +
          '(the installed `node_modules` is used, so nothing is downloaded) and the milestone steps, which `ci-cd.job-summary` replays. ' +
          'A replayed step whose `run` uses a GitHub Actions expression fails, since the check cannot evaluate it.',
        expects:
          'The service uses a pinned PostgreSQL major version and health options that run `pg_isready`. The steps include, in this order: ' +
          'a typecheck, lint, migrate latest, migrate rollback of all batches, migrate latest, the tests, and `milestone verify`. ' +
          'Every replayed step exits 0. Right after the rollback step the database has no tables besides `knex_migrations` and ' +
          `\`knex_migrations_lock\`; after the second latest ${tables} all exist.`,
      },
      {
        id: 'ci-cd.gates-fail',
        statement: 'Each gate catches the fault it exists for.',
        sends:
          'Makes a scratch copy of the project (sharing its installed `node_modules`) and plants one fault at a time: a type error in ' +
          '`src/`, a lint violation in `src/`, a new migration that creates a table and whose `down` does nothing, and a failing test. ' +
          'After each it replays the step meant to catch it: the typecheck step, the lint step, the three migration steps on a fresh ' +
          'database, and the tests step (unless that step is the plain `jest` test script, whose exit code is jest\'s). It also reads ' +
          'the job and its gate steps for `continue-on-error`.',
        expects:
          'The typecheck step exits non-zero with the type error, the lint step with the lint violation and the tests step with the ' +
          'failing test; with the migration, migrate latest and the rollback exit 0 and the second migrate latest exits non-zero. ' +
          'Neither the job nor a gate step sets `continue-on-error`. Run on the project itself, the same steps pass ' +
          '(`ci-cd.migration-roundtrip`), so each failure is the planted fault\'s.',
      },
      {
        id: 'ci-cd.job-summary',
        statement: 'The milestone steps report to the job summary even after a failure, and verify fails the job on a tampered check.',
        sends:
          'Reads the workflow\'s milestone steps, then replays the `milestone verify` step twice: on the project as it is, and on a scratch ' +
          'copy where one file in `milestones/checks/` has an extra line.',
        expects:
          'A step appends `milestone report --format md` to the file named by `$GITHUB_STEP_SUMMARY`, and its `if` condition runs it both ' +
          'when every earlier step passed and when one failed, judged by GitHub\'s rules for the status functions `success()`, ' +
          '`failure()`, `cancelled()` and `always()` combined with `!`, `&&`, `||` and parentheses: `!cancelled()`, `always()` and ' +
          '`success() || failure()` pass; no `if`, `success()`, `failure()` alone (no report on a green build) and a condition that ' +
          'calls no status function (GitHub adds `success() &&`) fail, and so does one whose outcome also depends on anything else, such ' +
          'as the event or the branch. The verify step exits 0 on the project ' +
          'and non-zero on the copy, and its output names the edited file.',
      },
    ],
    stretch: [
      'Build the Docker image in CI and push it to GitHub Container Registry tagged with the commit SHA, using the job token with ' +
        '`packages: write` granted to that job only.',
      `Measure what the dependency cache saves: run the workflow once with a cold cache and once warm, record the install step's ` +
        `duration both times, and say whether caching ${pm.name}'s downloads is worth its cache key.`,
      'Add a scheduled nightly run that installs without the cache and runs the full milestone suite, so slow drift (a base image, a ' +
        'registry outage) is found before a release needs the pipeline.',
      'Split the workflow into parallel jobs (static checks, database tests) and compare wall-clock time and runner minutes with the single job.',
    ],
    review: {
      correctness: [
        'Tests run against the PostgreSQL service through `DATABASE_URL`, the same driver and engine as production, not the embedded database.',
        'The migration round trip runs against an empty database, so it proves the migrations build the schema from nothing.',
        'A failed criterion fails the job; the summary is information, not the gate.',
      ],
      edgeCases: [
        'Pull requests from forks get no secrets: the workflow needs none to pass, and steps that would need one are skipped, not failed.',
        'The service container is slow to start: the health options make the job wait, instead of a sleep that is sometimes too short.',
        'Two pushes in quick succession: the older run is canceled and cannot report a stale result after the newer one.',
      ],
      maintainability: [
        'Every command in the workflow is a `package.json` script, so a developer can run the same steps locally.',
        'Pinned SHAs carry a version comment, and Dependabot keeps them current.',
        'Step names say what is checked ("Migrations: latest, rollback, latest"), so a red step needs no log reading to understand.',
      ],
    },
    talkingPoints: [
      'I order the pipeline from cheapest to most expensive. A type error fails in seconds instead of after the database tests, which keeps people willing to wait for CI instead of working around it.',
      'Actions are pinned to commit SHAs. A tag can be moved to different code by whoever controls the action, and the workflow has access to the repository. The cost is update friction, which Dependabot takes care of.',
      'CI tests against a real PostgreSQL service rather than the embedded one. It adds a few seconds of start-up, and in exchange the tests exercise the same engine, driver and locking behavior as production.',
      'Migrations are rolled back and reapplied on every change. In production I would usually roll forward with a fix, but a tested `down` is the safety net I want available during an incident, and an untested one is not a net.',
    ],
    estimateHours: 6,
    dependsOn: ['testing'],
  };
};

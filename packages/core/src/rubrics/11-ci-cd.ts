import { codeList, runScript } from '../milestones/text.js';
import { mistake, type RubricDefinition, sign } from './types.js';

export const ciCd: RubricDefinition = ({ domain, pm }) => ({
  milestone: 'ci-cd',
  shows: 'The learner owns the gate every change passes: fast, strict, reproducible, and honest about what it checked.',
  evidence: [
    '`.github/workflows/ci.yml` and `.github/dependabot.yml`.',
    'The three deliberately broken branches (type error, failing test, empty `down`) and where each run failed.',
    'The job summary of a real run, with its Markdown table of criteria.',
  ],
  levels: {
    strong: [
      sign('Every third-party action is pinned to a 40-character commit SHA with the version in a trailing comment, and Dependabot watches them.', 'ci-cd.pinned-supply-chain'),
      sign(
        `The migration round trip (latest, rollback all, latest) runs against a PostgreSQL service container and leaves ${codeList(domain.tables.map((t) => t.name))} in place.`,
        'ci-cd.migration-roundtrip',
      ),
      sign('The learner links the three red runs from the planted faults, each failing at the step meant for it.', 'ci-cd.gates-fail'),
      sign('The report step runs after a failed step too (`!cancelled()`), writes its table to `GITHUB_STEP_SUMMARY`, and the verify step still fails the job when a check file was edited.', 'ci-cd.job-summary'),
    ],
    adequate: [
      sign('Every ci-cd criterion passes.', 'ci-cd.workflow-lint', 'ci-cd.pinned-supply-chain', 'ci-cd.migration-roundtrip', 'ci-cd.gates-fail', 'ci-cd.job-summary'),
      sign('The workflow is correct, but steps are not ordered cheapest first, so a type error waits for the database.'),
      sign('`main` is not yet protected, so the gate can be skipped.'),
    ],
    weak: [
      sign(`Actions referenced by tag (\`@v4\`) or branch, or a plain \`${pm.name} install\` that can quietly change the lockfile.`, 'ci-cd.pinned-supply-chain'),
      sign('Only `migrate:latest` runs, so an empty `down` is never noticed.', 'ci-cd.migration-roundtrip', 'ci-cd.gates-fail'),
      sign('Broad `permissions` (write-all or none set), or no `timeout-minutes`.', 'ci-cd.workflow-lint'),
    ],
  },
  reference: {
    approach: [
      'One workflow on `pull_request` and `push` to `main`, `contents: read`, a concurrency group that cancels superseded runs, and a timeout per job.',
      `Steps: checkout, pinned Node 20 and ${pm.name}, frozen install, typecheck, lint, migration round trip, tests, \`${runScript(pm, 'milestone', 'verify')}\` with the summary.`,
      'A Dependabot file for the `github-actions` ecosystem so pinned SHAs get updates.',
    ],
    mistakes: [
      mistake('Tags instead of commits', '`uses: actions/checkout@v4`: whoever controls the tag controls what runs with the repository token.', 'ci-cd.pinned-supply-chain'),
      mistake('A summary that hides failure', 'The verify step ends with `|| true` to always write the summary, so a failing criterion no longer fails the job.', 'ci-cd.job-summary'),
      mistake('No rollback in CI', 'The migration step is `migrate:latest` once; the planted empty `down` passes.', 'ci-cd.migration-roundtrip', 'ci-cd.gates-fail'),
    ],
  },
});

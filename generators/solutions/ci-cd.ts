import { GITHUB_ACTIONS } from '@create-backend-portfolio/core';
import { type MilestoneSolution, mutate } from './kit.js';

const WORKFLOW = '.github/workflows/ci.yml';

/**
 * The commits the pinned action tags point at, checked against the actions' published tags. A tag in
 * versions.ts without an entry here makes the solution throw, so a version bump cannot leave a stale pin.
 */
const COMMITS: Readonly<Record<string, string>> = {
  'actions/checkout@v4.2.2': '11bd71901bbe5b1630ceea73d27597364c9af683',
  'actions/setup-node@v4.4.0': '49933ea5288caeca8642d1e84afbd3f7d6820020',
  'pnpm/action-setup@v4.1.0': 'a7487c7e89a18df4991f7f222e4898a00d66ddda',
};

const DEPENDABOT = `# Keeps the commit-pinned actions current: one pull request a week with the new SHA and its tag.
version: 2
updates:
  - package-ecosystem: github-actions
    directory: /
    schedule:
      interval: weekly
`;

/**
 * CI/CD: every action pinned to a full commit SHA with its tag in a comment, Dependabot to move the pins,
 * and the progress report written to the job summary even after a failed step: the generated `!cancelled()`
 * already does that (GitHub recommends it over `always()`, which also runs after a cancel), so it stays.
 */
const solution: MilestoneSolution = {
  async files(_view, _templatesDir, read) {
    let workflow = await read(WORKFLOW);
    for (const action of Object.values(GITHUB_ACTIONS).filter((tag) => workflow.includes(`uses: ${tag}\n`))) {
      const commit = COMMITS[action];
      if (commit === undefined) throw new Error(`no commit known for ${action}: add it to generators/solutions/ci-cd.ts`);
      const [name, tag] = action.split('@');
      workflow = mutate(workflow, `uses: ${action}\n`, `uses: ${name}@${commit} # ${tag}\n`, `pin ${action}`);
    }
    return [
      { relative: WORKFLOW, content: workflow },
      { relative: '.github/dependabot.yml', content: DEPENDABOT },
    ];
  },
  mistakes: [
    {
      name: 'the tests step ends in `|| true`, so a failing test still passes CI',
      fails: ['ci-cd.gates-fail'],
      async edit(_view, read) {
        return [{ relative: WORKFLOW, content: mutate(await read(WORKFLOW), /^( +- name: Tests\n +run: .+)$/m, '$1 || true', this.name) }];
      },
    },
    {
      name: 'checkout pinned to a movable major tag again',
      fails: ['ci-cd.pinned-supply-chain'],
      async edit(_view, read) {
        return [{ relative: WORKFLOW, content: mutate(await read(WORKFLOW), /uses: actions\/checkout@[0-9a-f]{40} # v[\d.]+/, 'uses: actions/checkout@v4', this.name) }];
      },
    },
    {
      name: 'permissions: write-all, so every step can push to the repository',
      fails: ['ci-cd.workflow-lint'],
      async edit(_view, read) {
        return [{ relative: WORKFLOW, content: mutate(await read(WORKFLOW), /^permissions:\n {2}contents: read\n/m, 'permissions: write-all\n', this.name) }];
      },
    },
    {
      name: 'continue-on-error on the lint step, so lint findings only warn',
      fails: ['ci-cd.gates-fail'],
      async edit(_view, read) {
        return [{ relative: WORKFLOW, content: mutate(await read(WORKFLOW), /^( +)(- name: Lint\n)/m, '$1$2$1  continue-on-error: true\n', this.name) }];
      },
    },
    {
      name: 'the report step without its `if`, so GitHub\'s implicit `success()` skips it on a red build, the one a mentor needs to see',
      fails: ['ci-cd.job-summary'],
      async edit(_view, read) {
        return [{ relative: WORKFLOW, content: mutate(await read(WORKFLOW), /^ +if: \$\{\{ !cancelled\(\) \}\}\n/m, '', this.name) }];
      },
    },
    {
      name: 'the report step under `failure()` alone, so a green build has no report',
      fails: ['ci-cd.job-summary'],
      async edit(_view, read) {
        return [{ relative: WORKFLOW, content: mutate(await read(WORKFLOW), 'if: ${{ !cancelled() }}', 'if: ${{ failure() }}', this.name) }];
      },
    },
  ],
};

export default solution;

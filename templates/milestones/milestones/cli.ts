import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { verify } from './support/manifest.js';
import { loadMilestones, type MilestoneEntry } from './support/milestones.js';
import { type MilestoneResult, runChecks } from './support/results.js';

const USAGE = `usage: milestone <command>
  status [--json]                 one row per milestone: passed, failing or not started
  check <id|all> [--url URL]      run a milestone's checks; exit 0 only when they pass
                                  (--url: your deployed service, for the deploy smoke run)
  report --format md|json         progress for a mentor, per test
  verify                          prove the check files are as generated
  issues [--out DIR] [--json]     one GitHub issue per milestone, for \`gh issue create\``;

class UsageError extends Error {}

const root = path.resolve(import.meta.dirname, '..');
const file = loadMilestones(root);
const ids = file.milestones.map((milestone) => milestone.id);

function option(args: readonly string[], name: string): string | undefined {
  const index = args.indexOf(name);
  if (index < 0) return undefined;
  const value = args[index + 1];
  if (value === undefined || value.startsWith('--')) throw new UsageError(`${name} needs a value`);
  return value;
}

const LABEL: Record<MilestoneResult['status'], string> = { passed: 'passed', failing: 'FAILING', 'not started': 'not started', 'no check yet': 'no check yet' };

function statusTable(results: readonly MilestoneResult[]): string {
  return results
    .map((result) => `${result.milestone.number}  ${result.milestone.id.padEnd(16)} ${LABEL[result.status].padEnd(12)} ${result.reason ?? ''}`.trimEnd())
    .join('\n');
}

function reportMarkdown(results: readonly MilestoneResult[]): string {
  const passed = results.filter((result) => result.status === 'passed').length;
  const lines = [
    `# Milestone report: ${file.project.name}`,
    '',
    `Background: ${file.project.background}. Domain: ${file.project.domain}. ${passed} of ${results.length} milestones passed.`,
    '',
    '| # | milestone | status | tests passed |',
    '|---|---|---|---|',
    ...results.map((result) => {
      const ok = result.tests.filter((test) => test.status === 'passed').length;
      return `| ${result.milestone.number} | [${result.milestone.title}](${result.milestone.doc}) | ${result.status} | ${result.tests.length === 0 ? '-' : `${ok}/${result.tests.length}`} |`;
    }),
  ];
  for (const result of results.filter((entry) => entry.tests.some((test) => test.status === 'failed'))) {
    lines.push('', `## ${result.milestone.number}. ${result.milestone.title}`, '');
    for (const test of result.tests) lines.push(`- ${test.status === 'passed' ? 'passed' : 'FAILED'} \`${test.criterion}\`${test.message ? `: ${test.message}` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

function issue(milestone: MilestoneEntry) {
  const body = [
    milestone.goal,
    '',
    `Read: \`${milestone.doc}\`. Estimate: ${milestone.hours} hours (${milestone.emphasisLabel}).`,
    '',
    '## Tasks',
    ...milestone.tasks.map((task) => `- [ ] ${task}`),
    '',
    '## Acceptance criteria',
    ...milestone.criteria.map((criterion) => `- [ ] \`${criterion.id}\`: ${criterion.statement}`),
    '',
    milestone.check === null
      ? 'Reviewed by your mentor against the checklist in the doc.'
      : `Done when \`milestone check ${milestone.id}\` passes and your mentor has reviewed the pull request.`,
  ].join('\n');
  return { title: `Milestone ${milestone.number}: ${milestone.title}`, body: `${body}\n`, labels: ['milestone', milestone.id, milestone.emphasis] };
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The deployed service's base URL, without a trailing slash: https, or plain http on loopback only. */
function deployUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--url ${value} is not a URL; give the service's address, for example https://my-service.fly.dev`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
    throw new UsageError(`--url ${value}: use https://; plain http is accepted only on loopback (localhost, 127.0.0.1), where there is no network to protect`);
  }
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    throw new UsageError(`--url ${value}: give only the base address, without credentials, a query or a fragment`);
  }
  return url.href.replace(/\/+$/, '');
}

/** The options each command takes, and whether each takes a value. */
const OPTIONS: Record<string, Record<string, boolean>> = {
  status: { '--json': false },
  check: { '--url': true },
  report: { '--format': true },
  verify: {},
  issues: { '--out': true, '--json': false },
};

/** Refuses an option the command does not take (`status --jsn`), rather than quietly ignoring it. */
function checkOptions(command: string, rest: readonly string[]): void {
  const known = OPTIONS[command] ?? {};
  rest.forEach((arg, index) => {
    if (!arg.startsWith('--') || (index > 0 && known[rest[index - 1]!] === true)) return;
    if (!(arg in known)) {
      const takes = Object.keys(known);
      throw new UsageError(`${command} does not take ${arg}; ${takes.length === 0 ? 'it takes no options' : `its options: ${takes.join(', ')}`}`);
    }
  });
}

/** Creates the folder for the issue bodies, or says in one line why it cannot. */
function issuesFolder(out: string): void {
  try {
    mkdirSync(out, { recursive: true });
  } catch (error) {
    throw new UsageError(`--out ${out}: cannot make that folder (${(error as NodeJS.ErrnoException).code ?? String(error)}); give a folder you can write to`);
  }
}

function main(args: readonly string[]): number {
  const [command, ...rest] = args;
  if (command !== undefined && command in OPTIONS) checkOptions(command, rest);
  switch (command) {
    case 'status': {
      const results = runChecks(root, file, ids, { stream: false });
      console.log(rest.includes('--json')
        ? JSON.stringify(results.map((result) => ({ id: result.milestone.id, status: result.status, reason: result.reason })), null, 2)
        : statusTable(results));
      return 0;
    }
    case 'check': {
      const url = option(rest, '--url');
      const target = rest.find((arg, index) => !arg.startsWith('--') && rest[index - 1] !== '--url');
      if (target === undefined || (target !== 'all' && !ids.includes(target))) {
        throw new UsageError(`check needs a milestone id or "all"; one of: ${ids.join(', ')}`);
      }
      if (url !== undefined && target !== 'deploy' && target !== 'all') throw new UsageError('--url is for `check deploy` or `check all`');
      // The deploy check reads the URL from here; without --url its smoke criteria say how to give one.
      if (url === undefined) delete process.env.MILESTONE_DEPLOY_URL;
      else process.env.MILESTONE_DEPLOY_URL = deployUrl(url);
      const results = runChecks(root, file, target === 'all' ? ids : [target], { stream: true });
      console.log(`\n${statusTable(results)}`);
      return results.every((result) => result.status === 'passed' || (target === 'all' && result.status === 'no check yet')) ? 0 : 1;
    }
    case 'report': {
      const format = option(rest, '--format') ?? 'md';
      if (format !== 'md' && format !== 'json') throw new UsageError('--format is md or json');
      const results = runChecks(root, file, ids, { stream: false });
      console.log(format === 'json' ? JSON.stringify({ project: file.project, tests: results.flatMap((result) => result.tests) }, null, 2) : reportMarkdown(results));
      return 0;
    }
    case 'verify': {
      const { drift, digest } = verify(root);
      const problems = [
        ...drift.edited.map((name) => `edited:  milestones/${name}`),
        ...drift.added.map((name) => `added:   milestones/${name}`),
        ...drift.removed.map((name) => `removed: milestones/${name}`),
      ];
      if (problems.length > 0) {
        console.error(`The milestone checks differ from what was generated:\n  ${problems.join('\n  ')}\nRestore them with git (git checkout -- milestones/) before running checks.`);
        return 1;
      }
      console.log(`The milestone checks are as generated (manifest sha256 ${digest}).`);
      return 0;
    }
    case 'issues': {
      if (rest.includes('--json')) {
        console.log(JSON.stringify(file.milestones.map(issue), null, 2));
        return 0;
      }
      const out = path.resolve(option(rest, '--out') ?? 'milestone-issues');
      issuesFolder(out);
      const issues = file.milestones.map((milestone) => ({ milestone, ...issue(milestone) }));
      // gh refuses an issue whose label the repository lacks, and a new repository has none of these.
      // --force makes each line safe to run again: it updates a label that exists.
      for (const label of [...new Set(issues.flatMap((entry) => entry.labels))]) console.log(`gh label create ${JSON.stringify(label)} --force`);
      for (const { milestone, title, body, labels } of issues) {
        const bodyFile = path.join(out, `${milestone.number}-${milestone.id}.md`);
        writeFileSync(bodyFile, body);
        const flags = labels.map((label) => `--label ${JSON.stringify(label)}`).join(' ');
        console.log(`gh issue create --title ${JSON.stringify(title)} --body-file ${JSON.stringify(path.relative(process.cwd(), bodyFile))} ${flags}`);
      }
      return 0;
    }
    default:
      throw new UsageError(command === undefined ? 'a command is needed' : `unknown command "${command}"`);
  }
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  console.error(`${error.message}\n\n${USAGE}`);
  process.exitCode = 2;
}

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { DOMAINS } from '@create-backend-portfolio/core';
import { type ProjectAnswers, renderProject } from '../index.js';
import { testAnswers } from './answers.js';

const templatesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../templates');

const answers = (overrides: Partial<ProjectAnswers> = {}): ProjectAnswers => testAnswers({ mentor: true, ...overrides });

interface MilestoneEntry {
  readonly id: string;
  readonly doc: string;
  readonly criteria: readonly { readonly id: string }[];
  readonly check: string | null;
}

/** The headings every mentor file has, in this order. */
const HEADINGS = ['## Before you read the pull request', '## Rubric', '### Strong', '### Adequate', '### Weak', '## What the check establishes', '## The reference approach', '## Common mistakes to look for'];

const isMentorFile = (file: string) => file.startsWith('docs/mentor/');

describe('mentor mode', () => {
  let root: string;
  let n = 0;
  const render = async (given: ProjectAnswers) => {
    const destination = path.join(root, `p-${(n += 1)}`);
    return { destination, files: await renderProject(given, { destination, templatesDir }) };
  };
  const read = (destination: string, file: string) => readFile(path.join(destination, file), 'utf8');

  before(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'cbp-mentor-'));
  });

  after(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('without --mentor writes no docs/mentor/, and the plan tells mentors the flag exists', async () => {
    const { destination, files } = await render(answers({ mentor: false }));
    assert.deepEqual(files.filter(isMentorFile), []);
    assert.ok(!existsSync(path.join(destination, 'docs/mentor')));
    const plan = await read(destination, 'docs/milestones/README.md');
    assert.match(plan, /scaffolded with `--mentor` also gets `docs\/mentor\/`/);
    assert.doesNotMatch(plan, /\(\.\.\/mentor\/README\.md\)/);
  });

  it('with --mentor adds docs/mentor/ (an index and one file per milestone doc) and changes nothing else but the plan and the recorded answers', async () => {
    const without = await render(answers({ mentor: false }));
    const withMentor = await render(answers({ mentor: true }));
    const milestoneDocs = without.files.filter((file) => /^docs\/milestones\/\d\d-.+\.md$/.test(file)).map((file) => path.basename(file));
    assert.equal(milestoneDocs.length, 12);
    assert.deepEqual(
      withMentor.files.filter(isMentorFile).sort(),
      ['docs/mentor/README.md', ...milestoneDocs.map((name) => `docs/mentor/${name}`)].sort(),
    );
    assert.deepEqual(withMentor.files.filter((file) => !isMentorFile(file)).sort(), [...without.files].sort());
    const changed: string[] = [];
    for (const file of without.files) {
      if ((await read(without.destination, file)) !== (await read(withMentor.destination, file))) changed.push(file);
    }
    assert.deepEqual(changed.sort(), ['docs/milestones/README.md', 'milestones/manifest.json', 'milestones/milestones.json']);
    const plan = await read(withMentor.destination, 'docs/milestones/README.md');
    assert.match(plan, /\[`docs\/mentor\/`\]\(\.\.\/mentor\/README\.md\) has a rubric per milestone/);
    assert.doesNotMatch(plan, /--mentor/);
  });

  it('renders a complete rubric for every milestone in every domain, citing each criterion, with links that resolve', async () => {
    for (const domain of DOMAINS) {
      for (const packageManager of ['pnpm', 'npm'] as const) {
        const given = answers({ domain: domain.id, packageManager, background: packageManager === 'npm' ? 'it-sysadmin' : 'qa' });
        const { destination, files } = await render(given);
        const { milestones } = JSON.parse(await read(destination, 'milestones/milestones.json')) as { milestones: MilestoneEntry[] };
        const where = (file: string) => `${domain.id}/${packageManager}: ${file}`;
        for (const file of files.filter(isMentorFile)) {
          const text = await read(destination, file);
          assert.doesNotMatch(text, /\{\{|\}\}|\bundefined\b|\bnull\b|\bNaN\b|\[object Object\]|\]\(\)|\(\)$|^\s*(-|\d+\.)\s*$/m, `${where(file)} has a gap`);
          for (const [, target] of text.matchAll(/\]\(([^)#]+)\)/g)) {
            assert.ok(existsSync(path.resolve(destination, path.dirname(file), target!)), `${where(file)} links to missing ${target}`);
          }
        }
        const index = await read(destination, 'docs/mentor/README.md');
        // npm would read `--format` as its own option without `--`.
        const command = packageManager === 'npm' ? 'npm run milestone --' : 'pnpm milestone';
        for (const sub of ['verify', 'report --format md', 'issues --out milestone-issues']) assert.ok(index.includes(`\`${command} ${sub}\``), where(sub));
        for (const milestone of milestones) {
          const file = `docs/mentor/${path.basename(milestone.doc)}`;
          assert.ok(index.includes(`(${path.basename(milestone.doc)})`), `${where(file)} is not in the index`);
          const text = await read(destination, file);
          let at = -1;
          for (const heading of HEADINGS) {
            const next = text.indexOf(`\n${heading}\n`);
            assert.ok(next > at, `${where(file)}: "${heading}" missing or out of order`);
            at = next;
          }
          for (const criterion of milestone.criteria) assert.ok(text.includes(`| \`${criterion.id}\` |`), `${where(file)} leaves out ${criterion.id}`);
          if (milestone.check === null) assert.match(text, /has no automated check in this project yet/, where(file));
          else assert.ok(text.includes(`\`${command} check ${milestone.id}\``), `${where(file)} should say how to run its check`);
        }
      }
    }
  });

  it('milestone issues writes a body per milestone and prints the label commands before the issues that need them', async () => {
    const { destination } = await render(answers());
    const { milestones } = JSON.parse(await read(destination, 'milestones/milestones.json')) as { milestones: MilestoneEntry[] };
    // The generated command imports only Node's own modules, so this repository's tsx can run it unbuilt.
    const result = await promisify(execFile)(process.execPath, ['--import', import.meta.resolve('tsx'), 'milestones/cli.ts', 'issues', '--out', 'out'], { cwd: destination });
    const lines = result.stdout.trimEnd().split('\n');
    const created = lines.flatMap((line) => /^gh label create "([^"]+)" --force$/.exec(line)?.[1] ?? []);
    const issues = lines.filter((line) => line.startsWith('gh issue create '));
    assert.equal(created.length + issues.length, lines.length, result.stdout);
    assert.equal(issues.length, milestones.length);
    assert.equal((await readdir(path.join(destination, 'out'))).length, milestones.length);
    const lastLabel = lines.findLastIndex((line) => line.startsWith('gh label create '));
    assert.ok(lastLabel < lines.findIndex((line) => line.startsWith('gh issue create ')), 'labels come first');
    const used = new Set(issues.flatMap((line) => [...line.matchAll(/--label "([^"]+)"/g)].map((match) => match[1]!)));
    assert.deepEqual([...created].sort(), [...used].sort());
    assert.equal(new Set(created).size, created.length, 'each label once');
  });

  it('milestone refuses an option its command does not take, and an --out it cannot write to, in one line and exit 2', async () => {
    const { destination } = await render(answers());
    await writeFile(path.join(destination, 'a-file'), '');
    const run = (args: string[]) =>
      promisify(execFile)(process.execPath, ['--import', import.meta.resolve('tsx'), 'milestones/cli.ts', ...args], { cwd: destination }).then(
        () => ({ code: 0, stderr: '' }),
        (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
      );
    const cases: [string[], RegExp][] = [
      [['status', '--jsn'], /^status does not take --jsn; its options: --json$/m],
      [['report', '--fromat', 'json'], /^report does not take --fromat; its options: --format$/m],
      [['verify', '--all'], /^verify does not take --all; it takes no options$/m],
      [['issues', '--out', 'a-file/bodies'], /^--out .*a-file\/bodies: cannot make that folder \(ENOTDIR\)/m],
    ];
    for (const [args, message] of cases) {
      const result = await run(args);
      assert.equal(result.code, 2, `${args.join(' ')}: ${result.stderr}`);
      assert.match(result.stderr, message);
      assert.doesNotMatch(result.stderr, /\n\s+at /, `${args.join(' ')} prints no stack trace`);
    }
  });
});

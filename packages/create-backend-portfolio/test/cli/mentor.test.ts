import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parseCreateArgs } from '../../src/args.js';
import { runCli, suiteDir } from '../support/cli.js';

/** `--mentor`: a flag, not a prompt, that adds docs/mentor/ to the scaffold. */
describe('--mentor', () => {
  const cwd = suiteDir('mentor');

  it('is off unless given, and takes no value', () => {
    const off = parseCreateArgs(['api']);
    assert.ok(off.ok);
    assert.equal(off.args.mentor, false);
    const on = parseCreateArgs(['api', '--mentor']);
    assert.ok(on.ok);
    assert.equal(on.args.mentor, true);
    assert.equal(on.args.target, 'api');
  });

  it('is listed in --help, with an example that uses it', async () => {
    const help = await runCli(['--help'], { cwd: cwd() });
    assert.equal(help.exitCode, 0, help.all);
    assert.match(help.stdout, /^\s+--mentor\s+\S.*docs\/mentor\//m);
    assert.match(help.stdout, /^Examples:(\n\s+.+)*\n\s+\S.* --mentor\b/m);
  });

  it('writes docs/mentor/ when given and only then, and records the choice in the project', async () => {
    const common = ['--background', 'qa', '--domain', 'incident-tracker', '--pm', 'pnpm', '--yes', '--no-install', '--no-git'];
    const withMentor = await runCli(['with-mentor', ...common, '--mentor'], { cwd: cwd(), timeout: 120_000 });
    assert.equal(withMentor.exitCode, 0, withMentor.all);
    assert.match(withMentor.stdout, /Mentor notes, .* are in docs\/mentor\/README\.md\./);
    const project = path.join(cwd(), 'with-mentor');
    // The index plus one file per milestone doc, named like it.
    const milestoneDocs = (await readdir(path.join(project, 'docs/milestones'))).filter((name) => name !== 'README.md');
    assert.deepEqual((await readdir(path.join(project, 'docs/mentor'))).sort(), ['README.md', ...milestoneDocs].sort());
    const recorded = JSON.parse(await readFile(path.join(project, 'milestones/milestones.json'), 'utf8')) as { answers: { mentor: boolean } };
    assert.equal(recorded.answers.mentor, true);

    const without = await runCli(['without-mentor', ...common], { cwd: cwd(), timeout: 120_000 });
    assert.equal(without.exitCode, 0, without.all);
    assert.doesNotMatch(without.stdout, /docs\/mentor/);
    assert.ok(existsSync(path.join(cwd(), 'without-mentor/docs/milestones/README.md')));
    assert.ok(!existsSync(path.join(cwd(), 'without-mentor/docs/mentor')), 'no docs/mentor/ without the flag');
  });
});

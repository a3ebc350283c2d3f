import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { QUESTIONS } from '@create-backend-portfolio/core';
import { parseCreateArgs, type CreateArgs } from '../src/args.js';
import { resolvePlan } from '../src/commands/plan.js';
import { type Asker, planOptionsFrom, resolveCreate, UsageError } from '../src/commands/resolve.js';

const TODAY = '2026-11-20';
const CWD = '/home/learner/code';

function args(argv: string[]): CreateArgs {
  const result = parseCreateArgs(argv);
  if (!result.ok) throw new Error(result.error);
  return result.args;
}

/** An asker that fails the test if the command asks anything. */
const mustNotAsk: Asker = {
  text: () => Promise.reject(new Error('asked for text')),
  select: () => Promise.reject(new Error('asked to select')),
};

describe('resolveCreate', () => {
  it('without a terminal, takes and reports the defaults', async () => {
    const resolved = await resolveCreate(args([]), { interactive: false, userAgent: undefined, ask: mustNotAsk, today: TODAY, cwd: CWD });
    assert.equal(resolved.target, 'backend-portfolio');
    assert.equal(resolved.answers.packageManager, 'npm');
    assert.deepEqual(resolved.defaultsUsed, [
      'folder: backend-portfolio',
      'background: self-taught',
      `domain: ${resolved.answers.domain}`,
      'package manager: npm',
      'deploy: compose',
      'hours per week: 8',
      `start: ${TODAY}`,
    ]);
    assert.equal(resolved.answers.startDate, TODAY);
    assert.equal(resolved.answers.deploy, 'compose');
  });

  it('never prompts for a value given as a flag, even at a terminal', async () => {
    const resolved = await resolveCreate(args(['api', '--background', 'qa', '--domain', 'ticketing', '--pm', 'yarn', '--deploy', 'kubernetes', '--hours-per-week', '12.5', '--start', '2027-01-04', '--mentor']), {
      interactive: true,
      userAgent: 'pnpm/12.4.2',
      ask: mustNotAsk,
      today: TODAY, cwd: CWD,
    });
    assert.deepEqual(resolved.answers, {
      projectName: 'api',
      background: 'qa',
      domain: 'ticketing',
      packageManager: 'yarn',
      deploy: 'kubernetes',
      hoursPerWeek: 12.5,
      startDate: '2027-01-04',
      mentor: true,
    });
    assert.deepEqual(resolved.defaultsUsed, []);
  });

  it('offers the fit assessment after the background is picked, and records the answers when taken', async () => {
    const questions: string[] = [];
    const ask: Asker = {
      text: async (_message, initial) => initial,
      select: async (message, choices, initial) => {
        if (message.startsWith('Where are')) return 'frontend' as typeof initial;
        if (message.startsWith('Take the fit assessment')) return 'yes' as typeof initial;
        if (/^\(\d+\/\d+\) /.test(message)) {
          questions.push(message);
          assert.deepEqual(choices.map((choice) => choice.value), ['no', 'partly', 'yes']);
          return (message.includes('index') ? 'yes' : 'no') as typeof initial;
        }
        return initial;
      },
    };
    const resolved = await resolveCreate(args([]), { interactive: true, userAgent: undefined, ask, today: TODAY, cwd: CWD });
    assert.equal(questions.length, QUESTIONS.length);
    assert.match(questions[0]!, /^\(1\/15\) Have you built an HTTP endpoint/);
    assert.equal(resolved.answers.assessment?.background, 'frontend');
    assert.equal(resolved.answers.assessment?.answers['index-for-slow-query'], 'yes');
    assert.equal(resolved.answers.assessment?.answers['deployed-to-users'], 'no');
  });

  it('asks for what is missing at a terminal, with the background’s suggested domains first', async () => {
    const asked: string[] = [];
    const ask: Asker = {
      text: async (message, initial, validate) => {
        asked.push(message);
        if (message.startsWith('How many hours')) {
          assert.match(validate('0') ?? '', /^Hours a week must be a number of hours from 1 to 60/);
          assert.equal(validate('6'), undefined);
          return '6';
        }
        return initial;
      },
      select: async (message, choices, initial) => {
        asked.push(message);
        if (message.startsWith('What should')) assert.match(choices[0]!.hint ?? '', /^suggested/);
        if (message.startsWith('Where will you deploy')) {
          assert.deepEqual(choices.map((choice) => choice.value), ['compose', 'fly', 'render', 'kubernetes']);
          assert.equal(initial, 'compose');
          return 'render' as typeof initial;
        }
        return message.startsWith('Where are') ? ('frontend' as typeof initial) : initial;
      },
    };
    const resolved = await resolveCreate(args([]), { interactive: true, userAgent: 'pnpm/12.4.2 npm/?', ask, today: TODAY, cwd: CWD });
    // Folder, background, the optional assessment (declined), domain, deploy target, hours.
    assert.equal(asked.length, 6);
    assert.match(asked[2]!, /^Take the fit assessment now\?/);
    assert.equal(resolved.answers.assessment, undefined);
    assert.equal(resolved.answers.background, 'frontend');
    assert.equal(resolved.answers.deploy, 'render');
    assert.equal(resolved.answers.hoursPerWeek, 6);
    assert.deepEqual(resolved.defaultsUsed, [`start: ${TODAY}`]);
    assert.equal(resolved.answers.packageManager, 'pnpm');
  });

  it('refuses an unknown background or domain, listing the valid ids', async () => {
    await assert.rejects(resolveCreate(args(['--background', 'designer']), { interactive: false, userAgent: undefined, ask: mustNotAsk, today: TODAY, cwd: CWD }), (error: Error) => {
      assert.ok(error instanceof UsageError);
      assert.match(error.message, /Unknown background "designer"\. Choose one of: cs-grad, self-taught, frontend, fullstack, data-engineer, devops-sre, qa, it-sysadmin\./);
      return true;
    });
    await assert.rejects(
      resolveCreate(args(['--domain', 'chess']), { interactive: false, userAgent: undefined, ask: mustNotAsk, today: TODAY, cwd: CWD }),
      /Unknown domain "chess"\. Choose one of: ticketing/,
    );
    await assert.rejects(resolveCreate(args(['--pm', 'pip']), { interactive: false, userAgent: undefined, ask: mustNotAsk, today: TODAY, cwd: CWD }), /Unknown package manager "pip"/);
    await assert.rejects(
      resolveCreate(args(['--deploy', 'heroku']), { interactive: true, userAgent: undefined, ask: mustNotAsk, today: TODAY, cwd: CWD }),
      (error: Error) => error instanceof UsageError && /^Unknown deploy target "heroku"\. Choose one of: compose, fly, render, kubernetes\.$/.test(error.message),
    );
  });
});

describe('plan options from flags', () => {
  it('names the flag, the valid range and what was typed', () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ hoursPerWeek: '0' }, /^--hours-per-week must be a number of hours from 1 to 60, such as 8; got "0"\.$/],
      [{ hoursPerWeek: '8h' }, /^--hours-per-week .*; got "8h"\.$/],
      [{ hoursPerWeek: '1e1' }, /^--hours-per-week .*; got "1e1"\.$/],
      [{ hoursPerWeek: '61' }, /^--hours-per-week .*; got "61"\.$/],
      [{ start: '2026-02-30' }, /^--start must be a real calendar date written YYYY-MM-DD, such as 2026-03-02; got "2026-02-30"\.$/],
      [{ start: 'tomorrow' }, /^--start .*; got "tomorrow"\.$/],
    ];
    for (const [given, message] of cases) {
      assert.throws(
        () => planOptionsFrom({ hoursPerWeek: undefined, start: undefined, ...given }, TODAY),
        (error: unknown) => error instanceof UsageError && message.test(error.message),
        JSON.stringify(given),
      );
    }
  });

  it('defaults to 8 hours from today, and says so through the fallback', () => {
    const said: string[] = [];
    const options = planOptionsFrom({ hoursPerWeek: undefined, start: undefined }, TODAY, (what, value) => {
      said.push(what);
      return value;
    });
    assert.deepEqual(options, { hoursPerWeek: 8, startDate: TODAY });
    assert.deepEqual(said, ['hours per week', 'start']);
  });

  it('refuses a bad value for the scaffold before asking anything', async () => {
    await assert.rejects(
      resolveCreate(args(['--hours-per-week', '100']), { interactive: true, userAgent: undefined, ask: mustNotAsk, today: TODAY, cwd: CWD }),
      /--hours-per-week must be a number of hours from 1 to 60/,
    );
  });
});

describe('resolvePlan', () => {
  const planArgs = (more: Partial<Parameters<typeof resolvePlan>[0]>) => ({
    background: undefined, domain: undefined, hoursPerWeek: undefined, start: undefined, assessment: undefined, format: undefined, help: false, ...more,
  });

  it('takes the background’s first suggested domain, Markdown, 8 hours and today by default', () => {
    const resolved = resolvePlan(planArgs({ background: 'frontend' }), TODAY);
    assert.equal(resolved.background.id, 'frontend');
    assert.equal(resolved.domain.id, 'ticketing');
    assert.equal(resolved.format, 'md');
    assert.deepEqual(resolved.options, { hoursPerWeek: 8, startDate: TODAY });
  });

  it('requires a background and refuses unknown ids and formats, listing the choices', () => {
    assert.throws(() => resolvePlan(planArgs({}), TODAY), /^UsageError: plan needs --background <id>\. Choose one of: cs-grad, self-taught/);
    assert.throws(() => resolvePlan(planArgs({ background: 'designer' }), TODAY), /Unknown background "designer"\. Choose one of: cs-grad/);
    assert.throws(() => resolvePlan(planArgs({ background: 'qa', domain: 'chess' }), TODAY), /Unknown domain "chess"\. Choose one of: ticketing/);
    assert.throws(() => resolvePlan(planArgs({ background: 'qa', format: 'yaml' }), TODAY), /Unknown format "yaml"\. Choose one of: md, json\./);
  });
});

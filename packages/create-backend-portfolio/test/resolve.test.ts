import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCreateArgs, type CreateArgs } from '../src/args.js';
import { type Asker, resolveCreate, UsageError } from '../src/commands/resolve.js';

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
    const resolved = await resolveCreate(args([]), { interactive: false, userAgent: undefined, ask: mustNotAsk });
    assert.equal(resolved.target, 'backend-portfolio');
    assert.equal(resolved.answers.packageManager, 'npm');
    assert.deepEqual(resolved.defaultsUsed, ['folder: backend-portfolio', 'background: self-taught', `domain: ${resolved.answers.domain}`, 'package manager: npm']);
  });

  it('never prompts for a value given as a flag, even at a terminal', async () => {
    const resolved = await resolveCreate(args(['api', '--background', 'qa', '--domain', 'ticketing', '--pm', 'yarn']), {
      interactive: true,
      userAgent: 'pnpm/12.4.2',
      ask: mustNotAsk,
    });
    assert.deepEqual(resolved.answers, { projectName: 'api', background: 'qa', domain: 'ticketing', packageManager: 'yarn' });
    assert.deepEqual(resolved.defaultsUsed, []);
  });

  it('asks for what is missing at a terminal, with the background’s suggested domains first', async () => {
    const asked: string[] = [];
    const ask: Asker = {
      text: async (message, initial) => {
        asked.push(message);
        return initial;
      },
      select: async (message, choices, initial) => {
        asked.push(message);
        if (message.startsWith('What should')) assert.match(choices[0]!.hint ?? '', /^suggested/);
        return message.startsWith('Where are') ? ('frontend' as typeof initial) : initial;
      },
    };
    const resolved = await resolveCreate(args([]), { interactive: true, userAgent: 'pnpm/12.4.2 npm/?', ask });
    assert.equal(asked.length, 3);
    assert.equal(resolved.answers.background, 'frontend');
    assert.equal(resolved.answers.packageManager, 'pnpm');
  });

  it('refuses an unknown background or domain, listing the valid ids', async () => {
    await assert.rejects(resolveCreate(args(['--background', 'designer']), { interactive: false, userAgent: undefined, ask: mustNotAsk }), (error: Error) => {
      assert.ok(error instanceof UsageError);
      assert.match(error.message, /Unknown background "designer"\. Choose one of: cs-grad, self-taught, frontend, fullstack, data-engineer, devops-sre, qa, it-sysadmin\./);
      return true;
    });
    await assert.rejects(
      resolveCreate(args(['--domain', 'chess']), { interactive: false, userAgent: undefined, ask: mustNotAsk }),
      /Unknown domain "chess"\. Choose one of: ticketing/,
    );
    await assert.rejects(resolveCreate(args(['--pm', 'pip']), { interactive: false, userAgent: undefined, ask: mustNotAsk }), /Unknown package manager "pip"/);
  });
});

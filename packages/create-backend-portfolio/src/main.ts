import { RenderError } from '@create-backend-portfolio/generators';
import { CannotReplace } from './actions/journal.js';
import { TargetNotEmpty } from './actions/scaffold.js';
import { TargetUnusable } from './actions/target-dir.js';
import { assessCommand } from './commands/assess.js';
import { createCommand, type Runtime } from './commands/create.js';
import { listCommand } from './commands/list.js';
import { planCommand } from './commands/plan.js';
import { UsageError } from './commands/resolve.js';
import { Cancelled } from './prompts.js';
import { ui } from './ui.js';

/** Exit codes: 0 done, 1 something failed, 2 the command line was wrong (nothing was done). */
export const EXIT_USAGE = 2;

/**
 * The first argument picks the command: `plan`, `list`, `assess`, or anything else scaffolds. Errors a person can
 * act on are printed as one message; anything else is a bug and keeps its stack.
 */
export async function main(argv: readonly string[], runtime: Runtime): Promise<number> {
  const [first, ...rest] = argv;
  try {
    if (first === 'plan') return await planCommand(rest, runtime);
    if (first === 'list') return await listCommand(rest);
    if (first === 'assess') return await assessCommand(rest, runtime);
    return await createCommand(argv, runtime);
  } catch (error) {
    if (error instanceof UsageError) {
      ui.error(error.message);
      return EXIT_USAGE;
    }
    if (error instanceof TargetNotEmpty || error instanceof TargetUnusable || error instanceof CannotReplace || error instanceof Cancelled || error instanceof RenderError) {
      ui.error(error.message);
      return 1;
    }
    throw error;
  }
}

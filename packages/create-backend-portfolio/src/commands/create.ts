import { parseCreateArgs } from '../args.js';
import { readAssessment } from '../actions/assessment-file.js';
import { scaffold } from '../actions/scaffold.js';
import { helpText } from '../help.js';
import { clackAsker } from '../prompts.js';
import { ui } from '../ui.js';
import { resolveCreate, UsageError } from './resolve.js';

export interface Runtime {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly stdinIsTTY: boolean;
  readonly templatesDir: string;
  readonly version: string;
  /** Today's date where the person is, `YYYY-MM-DD`: the default start of a plan. */
  readonly today: string;
}

/** The scaffold command: declares and resolves options, then hands over to the scaffold action. */
export async function createCommand(argv: readonly string[], runtime: Runtime): Promise<number> {
  const parsed = parseCreateArgs(argv);
  if (!parsed.ok) throw new UsageError(parsed.error);
  const { args } = parsed;
  if (args.help) {
    ui.info(helpText());
    return 0;
  }
  if (args.version) {
    ui.info(runtime.version);
    return 0;
  }
  // CI sets CI=true; a prompt there would hang the job.
  const interactive = runtime.stdinIsTTY && !args.yes && runtime.env.CI === undefined;
  const assessment = args.assessment === undefined ? undefined : await readAssessment(args.assessment, runtime.cwd, '--assessment');
  const resolved = await resolveCreate(args, { interactive, userAgent: runtime.env.npm_config_user_agent, ask: clackAsker, today: runtime.today, cwd: runtime.cwd, assessment });
  if (resolved.defaultsUsed.length > 0) {
    ui.info(`Using defaults for what was not given: ${resolved.defaultsUsed.join(', ')}.`);
  }
  return scaffold(resolved, { cwd: runtime.cwd, templatesDir: runtime.templatesDir });
}

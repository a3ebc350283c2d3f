import { assess, BACKGROUND_IDS, type BackgroundId, getBackground } from '@create-backend-portfolio/core';
import { parseAssessArgs } from '../args.js';
import { readAssessment } from '../actions/assessment-file.js';
import { printFitReport } from '../actions/assess.js';
import { assessHelpText } from '../help.js';
import { clackAsker } from '../prompts.js';
import { ui } from '../ui.js';
import type { Runtime } from './create.js';
import { askAssessment } from './questionnaire.js';
import { backgroundFrom, DEFAULT_BACKGROUND, UsageError } from './resolve.js';

export const ASSESS_FORMATS = ['md', 'json'] as const;

/** `assess`: the fit questionnaire, asked or read from a file, printed as a gap report. */
export async function assessCommand(argv: readonly string[], runtime: Runtime): Promise<number> {
  const parsed = parseAssessArgs(argv);
  if (!parsed.ok) throw new UsageError(parsed.error);
  const { args } = parsed;
  if (args.help) {
    ui.info(assessHelpText());
    return 0;
  }
  const format = args.format ?? 'md';
  if (!(ASSESS_FORMATS as readonly string[]).includes(format)) throw new UsageError(`Unknown format "${format}". Choose one of: ${ASSESS_FORMATS.join(', ')}.`);
  if (args.background !== undefined) backgroundFrom(args.background);

  const interactive = runtime.stdinIsTTY && runtime.env.CI === undefined;
  const fromFile = args.answers === undefined ? undefined : await readAssessment(args.answers, runtime.cwd, '--answers');
  if (fromFile === undefined && !interactive) {
    throw new UsageError('assess asks its questions at a terminal. Without one, give the answers in a file: --answers answers.json (its format is docs/assessment.schema.json).');
  }
  let backgroundId = (args.background as BackgroundId | undefined) ?? fromFile?.background;
  if (backgroundId === undefined && interactive) {
    backgroundId = await clackAsker.select('Where are you coming from?', BACKGROUND_IDS.map((id) => ({ value: id, label: getBackground(id).name })), DEFAULT_BACKGROUND);
  }
  if (backgroundId === undefined) {
    backgroundId = DEFAULT_BACKGROUND;
    ui.warn(`No background given: the report compares your answers with a ${getBackground(backgroundId).name.toLowerCase()}'s usual plan. Pass --background to change it.`);
  }
  const assessment = fromFile ?? (await askAssessment(clackAsker, backgroundId));
  const background = getBackground(backgroundId);
  const report = assess({ ...assessment, background: backgroundId }, background);
  await printFitReport(report, background, { format: format as (typeof ASSESS_FORMATS)[number], today: runtime.today, templatesDir: runtime.templatesDir });
  return 0;
}

import { type Assessment, assess, BACKGROUND_IDS, type Background, type Domain, defaultDomain, type PlanOptions } from '@create-backend-portfolio/core';
import { type PlanArgs, parsePlanArgs } from '../args.js';
import { readAssessment } from '../actions/assessment-file.js';
import { printPlan } from '../actions/plan.js';
import { planHelpText } from '../help.js';
import { ui } from '../ui.js';
import type { Runtime } from './create.js';
import { backgroundFrom, domainFrom, planOptionsFrom, UsageError } from './resolve.js';

export const PLAN_FORMATS = ['md', 'json'] as const;
export type PlanFormat = (typeof PLAN_FORMATS)[number];

export interface ResolvedPlan {
  readonly background: Background;
  readonly domain: Domain;
  readonly options: PlanOptions;
  readonly format: PlanFormat;
}

/**
 * Pure given `today` and the assessment read from `--assessment`: flags to a complete plan request, or a
 * UsageError naming the valid choices. Never prompts.
 */
export function resolvePlan(args: PlanArgs, today: string, assessment?: Assessment): ResolvedPlan {
  if (args.background === undefined) {
    throw new UsageError(`plan needs --background <id>. Choose one of: ${BACKGROUND_IDS.join(', ')}.`);
  }
  const background = backgroundFrom(args.background);
  const domain = args.domain === undefined ? defaultDomain(background) : domainFrom(args.domain);
  const format = args.format ?? 'md';
  if (!(PLAN_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`Unknown format "${format}". Choose one of: ${PLAN_FORMATS.join(', ')}.`);
  }
  const options = planOptionsFrom(args, today);
  const tuning = assessment === undefined ? undefined : assess(assessment, background).tuning;
  return { background, domain, options: tuning === undefined ? options : { ...options, tuning }, format: format as PlanFormat };
}

/** `plan`: prints a milestone plan without scaffolding. */
export async function planCommand(argv: readonly string[], runtime: Runtime): Promise<number> {
  const parsed = parsePlanArgs(argv);
  if (!parsed.ok) throw new UsageError(parsed.error);
  if (parsed.args.help) {
    ui.info(planHelpText());
    return 0;
  }
  const { assessment } = parsed.args;
  await printPlan(resolvePlan(parsed.args, runtime.today, assessment === undefined ? undefined : await readAssessment(assessment, runtime.cwd, '--assessment')), runtime.templatesDir);
  return 0;
}

import {
  type Assessment,
  type Background,
  BACKGROUND_IDS,
  type BackgroundId,
  checkPlanOptions,
  DOMAIN_IDS,
  type Domain,
  defaultDomain,
  domainsFor,
  findDomain,
  getBackground,
  isBackgroundId,
  PlanInputError,
  type PlanOptions,
} from '@create-backend-portfolio/core';
import {
  DEFAULT_DEPLOY_TARGET,
  DEPLOY_TARGET_IDS,
  DEPLOY_TARGETS,
  type DeployTargetId,
  isDeployTarget,
  type PackageManager,
  type ProjectAnswers,
} from '@create-backend-portfolio/generators';
import type { CreateArgs } from '../args.js';
import { isPackageManager, packageManagerFromUserAgent } from '../package-manager.js';
import { checkTarget } from '../project-name.js';
import { askAssessment } from './questionnaire.js';

export const DEFAULT_TARGET = 'backend-portfolio';
export const DEFAULT_BACKGROUND: BackgroundId = 'self-taught';
export const DEFAULT_HOURS_PER_WEEK = 8;

export interface Choice<T extends string> {
  readonly value: T;
  readonly label: string;
  readonly hint?: string;
}

/** How the command asks for a missing value. The real one prompts; tests pass a script. */
export interface Asker {
  text(message: string, initial: string, validate: (value: string) => string | undefined): Promise<string>;
  select<T extends string>(message: string, choices: readonly Choice<T>[], initial: T): Promise<T>;
}

export interface ResolvedCreate {
  readonly target: string;
  readonly answers: ProjectAnswers;
  readonly install: boolean;
  readonly git: boolean;
  /** Write into a folder that is not empty, replacing the files the project also has. */
  readonly overwrite: boolean;
  /** Print what would be written, and write nothing. */
  readonly dryRun: boolean;
  /** One line per value that was defaulted without asking, to be shown to the person. */
  readonly defaultsUsed: readonly string[];
}

/** Input the person can fix by changing the command line. Printed as one line; the process exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The background for an id, or a UsageError that lists the valid ids. */
export function backgroundFrom(id: string): Background {
  if (!isBackgroundId(id)) throw new UsageError(`Unknown background "${id}". Choose one of: ${BACKGROUND_IDS.join(', ')}.`);
  return getBackground(id);
}

/** The domain for an id, or a UsageError that lists the valid ids. */
export function domainFrom(id: string): Domain {
  const domain = findDomain(id);
  if (domain === undefined) throw new UsageError(`Unknown domain "${id}". Choose one of: ${DOMAIN_IDS.join(', ')}.`);
  return domain;
}

const PLAN_FLAG: Readonly<Record<PlanInputError['field'], string>> = { hoursPerWeek: '--hours-per-week', startDate: '--start' };

/** Hours as typed: digits, optionally with a decimal part. Anything else (`8h`, `1e1`, `0x8`) is not a number here. */
function hoursFrom(text: string): number {
  return /^\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
}

/**
 * `--hours-per-week` and `--start` as plan options, each defaulted when absent (the start to `today`,
 * which the caller reads from the clock). Core checks them; a bad value becomes a UsageError naming the flag.
 */
export function planOptionsFrom(
  args: { readonly hoursPerWeek: string | undefined; readonly start: string | undefined },
  today: string,
  fallback: <T>(what: string, value: T) => T = (_what, value) => value,
): PlanOptions {
  const options = {
    hoursPerWeek: args.hoursPerWeek === undefined ? fallback('hours per week', DEFAULT_HOURS_PER_WEEK) : hoursFrom(args.hoursPerWeek),
    startDate: args.start ?? fallback('start', today),
  };
  try {
    checkPlanOptions(options);
  } catch (error) {
    if (!(error instanceof PlanInputError)) throw error;
    const given = error.field === 'hoursPerWeek' ? args.hoursPerWeek : args.start;
    throw new UsageError(`${PLAN_FLAG[error.field]} ${error.requirement}; got "${given}".`);
  }
  return options;
}

/**
 * Turns flags into complete answers: a flag wins, then a prompt when one may be shown, then the
 * default, which is reported. Bad values are refused before anything is asked or written.
 */
export async function resolveCreate(
  args: CreateArgs,
  {
    interactive,
    userAgent,
    ask,
    today,
    cwd,
    assessment: fromFile,
  }: { interactive: boolean; userAgent: string | undefined; ask: Asker; today: string; cwd: string; assessment?: Assessment },
): Promise<ResolvedCreate> {
  if (args.background !== undefined) backgroundFrom(args.background);
  if (args.domain !== undefined) domainFrom(args.domain);
  if (args.pm !== undefined && !isPackageManager(args.pm)) {
    throw new UsageError(`Unknown package manager "${args.pm}". Choose one of: npm, pnpm, yarn, bun.`);
  }
  if (args.deploy !== undefined && !isDeployTarget(args.deploy)) {
    throw new UsageError(`Unknown deploy target "${args.deploy}". Choose one of: ${DEPLOY_TARGET_IDS.join(', ')}.`);
  }
  if (args.target !== undefined) {
    const check = checkTarget(args.target, cwd);
    if (!check.ok) throw new UsageError(check.reason);
  }
  // Checked now, so a bad value is refused before anything is asked.
  planOptionsFrom(args, today);

  const defaultsUsed: string[] = [];
  const fallback = <T>(what: string, value: T, shown: string = String(value)): T => {
    defaultsUsed.push(`${what}: ${shown}`);
    return value;
  };

  const target =
    args.target ??
    (interactive
      ? await ask.text('Where should the project go?', DEFAULT_TARGET, (value) => {
          const check = checkTarget(value, cwd);
          return check.ok ? undefined : check.reason;
        })
      : fallback('folder', DEFAULT_TARGET));
  const name = checkTarget(target, cwd);
  if (!name.ok) throw new UsageError(name.reason);

  const backgroundId: BackgroundId =
    (args.background as BackgroundId | undefined) ??
    fromFile?.background ??
    (interactive
      ? await ask.select(
          'Where are you coming from?',
          BACKGROUND_IDS.map((id) => ({ value: id, label: getBackground(id).name })),
          DEFAULT_BACKGROUND,
        )
      : fallback('background', DEFAULT_BACKGROUND));
  const background = getBackground(backgroundId);

  // The assessment is offered right after a background picked at the prompt, never pushed: it is optional, a
  // command line that names the background is not interrupted, and without a terminal it comes only from --assessment.
  const takeIt =
    fromFile === undefined &&
    interactive &&
    args.background === undefined &&
    (await ask.select(
      'Take the fit assessment now? About fifteen questions on what you have done; it sharpens the plan.',
      [
        { value: 'no', label: 'Not now', hint: 'the plan follows your background; docs/fit-report.md says how to take it later' },
        { value: 'yes', label: 'Yes' },
      ],
      'no',
    )) === 'yes';
  const assessment = takeIt ? await askAssessment(ask, backgroundId) : fromFile;

  const domain =
    args.domain ??
    (interactive
      ? await ask.select(
          'What should the project be about?',
          domainsFor(background).map((d) => ({
            value: d.id,
            label: d.name,
            hint: background.suggestedDomains.includes(d.id) ? `suggested: ${d.tagline}` : d.tagline,
          })),
          defaultDomain(background).id,
        )
      : fallback('domain', defaultDomain(background).id));

  const detected = packageManagerFromUserAgent(userAgent);
  const packageManager: PackageManager =
    (args.pm as PackageManager | undefined) ?? detected ?? fallback('package manager', 'npm' as const);

  const deploy: DeployTargetId =
    (args.deploy as DeployTargetId | undefined) ??
    (interactive
      ? await ask.select(
          'Where will you deploy it?',
          DEPLOY_TARGETS.map((target) => ({ value: target.id, label: target.label, hint: target.hint })),
          DEFAULT_DEPLOY_TARGET,
        )
      : fallback('deploy', DEFAULT_DEPLOY_TARGET));

  const hoursPerWeek =
    args.hoursPerWeek ??
    (interactive
      ? await ask.text('How many hours a week can you give it? The milestone plan is dated from this.', String(DEFAULT_HOURS_PER_WEEK), (value) => {
          try {
            planOptionsFrom({ hoursPerWeek: value, start: undefined }, today);
            return undefined;
          } catch (error) {
            return error instanceof UsageError ? error.message.replace(/^--hours-per-week/, 'Hours a week') : String(error);
          }
        })
      : undefined);
  const { hoursPerWeek: hours, startDate } = planOptionsFrom({ hoursPerWeek, start: args.start }, today, fallback);

  return {
    target,
    answers: {
      projectName: name.packageName,
      background: backgroundId,
      domain,
      packageManager,
      deploy,
      hoursPerWeek: hours,
      startDate,
      mentor: args.mentor,
      ...(assessment === undefined ? {} : { assessment: { ...assessment, background: backgroundId } }),
    },
    install: args.install,
    git: args.git,
    overwrite: args.overwrite,
    dryRun: args.dryRun,
    defaultsUsed,
  };
}

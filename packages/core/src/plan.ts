/**
 * A person's plan: their background's milestones in the order they should do them, each with its
 * emphasis, the advice written for that background, an estimate and dates. Pure: the start date is
 * an input, parsed in UTC, so the same inputs always give the same plan whatever the clock or time zone.
 */
import type { PlanTuning } from './assess/report.js';
import { milestonesFor } from './milestones/index.js';
import { type Background, type ConceptBridge, type Domain, type Emphasis, type Milestone, type MilestoneId, type PackageManagerCommands, PNPM_COMMANDS } from './model.js';

export interface PlanOptions {
  /** Hours of study a week, from MIN_HOURS_PER_WEEK to MAX_HOURS_PER_WEEK. */
  readonly hoursPerWeek: number;
  /** The first day of the plan, as `YYYY-MM-DD`. */
  readonly startDate: string;
  /** What a fit assessment changes: it wins over the background's emphasis, and its weak milestones come first. */
  readonly tuning?: PlanTuning;
  /** How the project's package manager spells the commands in milestone text; pnpm's when absent. */
  readonly packageManager?: PackageManagerCommands;
}

export interface PlannedMilestone {
  /** 1-based place in this person's order, which can differ from `milestone.number`. */
  readonly position: number;
  readonly milestone: Milestone;
  readonly emphasis: Emphasis;
  /** The background's advice for this milestone, if it has any. */
  readonly note: string | undefined;
  /** What the person already knows that maps onto this milestone. */
  readonly bridges: readonly ConceptBridge[];
  /** Whether the emphasis comes from the person's fit assessment rather than their background. */
  readonly fromAssessment: boolean;
  /** Tasks the fit assessment added for a gap it found. */
  readonly extraTasks: readonly string[];
  /** `milestone.estimateHours` scaled by the emphasis; see EMPHASIS_FACTOR. */
  readonly hours: number;
  /** First and last day of work on it, `YYYY-MM-DD`, both inclusive. */
  readonly start: string;
  readonly end: string;
}

export interface Plan {
  readonly background: Background;
  readonly domain: Domain;
  readonly hoursPerWeek: number;
  readonly startDate: string;
  readonly endDate: string;
  readonly totalHours: number;
  /** Whether a fit assessment tuned this plan. */
  readonly assessed: boolean;
  readonly milestones: readonly PlannedMilestone[];
}

export const MIN_HOURS_PER_WEEK = 1;
export const MAX_HOURS_PER_WEEK = 60;

/**
 * How emphasis scales a milestone's base estimate. A deep milestone is a gap for this person:
 * half as long again, for the extra reading and a stretch goal. A fast-track one is likely known:
 * half the time, enough to verify it against this codebase and explain it. Hours round up to whole hours.
 */
export const EMPHASIS_FACTOR: Readonly<Record<Emphasis, number>> = { deep: 1.5, standard: 1, 'fast-track': 0.5 };

export class PlanInputError extends Error {
  override name = 'PlanInputError';
  constructor(
    readonly field: 'hoursPerWeek' | 'startDate',
    /** What a valid value looks like, phrased to follow the option's name. */
    readonly requirement: string,
    readonly received: string,
  ) {
    super(`${field} ${requirement}; got ${received}.`);
  }
}

/** Throws a PlanInputError unless both options are usable. */
export function checkPlanOptions({ hoursPerWeek, startDate }: PlanOptions): void {
  if (typeof hoursPerWeek !== 'number' || !Number.isFinite(hoursPerWeek) || hoursPerWeek < MIN_HOURS_PER_WEEK || hoursPerWeek > MAX_HOURS_PER_WEEK) {
    throw new PlanInputError(
      'hoursPerWeek',
      `must be a number of hours from ${MIN_HOURS_PER_WEEK} to ${MAX_HOURS_PER_WEEK}, such as 8`,
      JSON.stringify(hoursPerWeek) ?? String(hoursPerWeek),
    );
  }
  parseDay(startDate);
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for a `YYYY-MM-DD` date that exists in the calendar. */
function parseDay(text: string): number {
  const match = typeof text === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(text) : null;
  if (match !== null) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const ms = Date.UTC(year, month - 1, day);
    const date = new Date(ms);
    // Date.UTC rolls 2026-02-30 over to March; a real date survives the round trip.
    if (date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day) {
      return ms / DAY_MS;
    }
  }
  throw new PlanInputError('startDate', 'must be a real calendar date written YYYY-MM-DD, such as 2026-03-02', JSON.stringify(text) ?? String(text));
}

function formatDay(days: number): string {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The default order, with the background's pull-forward milestones reached as early as their
 * dependencies allow: a pulled milestone and everything it depends on go before the rest, and
 * within each group the default order holds. Every milestone still follows what it depends on.
 */
export function orderMilestones(milestones: readonly Milestone[], pullForward: readonly MilestoneId[]): readonly Milestone[] {
  const byId = new Map(milestones.map((milestone) => [milestone.id, milestone]));
  const pulled = new Set<MilestoneId>();
  const pull = (id: MilestoneId): void => {
    if (pulled.has(id)) return;
    pulled.add(id);
    for (const dependency of byId.get(id)?.dependsOn ?? []) pull(dependency);
  };
  pullForward.forEach(pull);

  const placed = new Set<MilestoneId>();
  const order: Milestone[] = [];
  while (order.length < milestones.length) {
    const ready = milestones.filter((m) => !placed.has(m.id) && m.dependsOn.every((dependency) => placed.has(dependency)));
    const next = ready.find((m) => pulled.has(m.id)) ?? ready[0];
    if (next === undefined) throw new Error(`milestone dependencies form a cycle among: ${milestones.filter((m) => !placed.has(m.id)).map((m) => m.id).join(', ')}`);
    placed.add(next.id);
    order.push(next);
  }
  return order;
}

/** Whole hours for a milestone at an emphasis, never less than one. */
export function plannedHours(estimateHours: number, emphasis: Emphasis): number {
  return Math.max(1, Math.ceil(estimateHours * EMPHASIS_FACTOR[emphasis]));
}

/**
 * The plan for one person. Study time is spread evenly over the calendar (hoursPerWeek / 7 a day,
 * weekends included) and milestones follow each other without gaps, so one can end on the day
 * the next begins.
 */
export function buildPlan(background: Background, domain: Domain, options: PlanOptions): Plan {
  checkPlanOptions(options);
  const { hoursPerWeek, startDate } = options;
  const firstDay = parseDay(startDate);
  // Rounded to a millionth of a day so that float noise cannot push a boundary into the next day.
  const dayOf = (hours: number) => Math.round(((hours * 7) / hoursPerWeek) * 1e6) / 1e6;

  let hoursBefore = 0;
  const tuning = options.tuning;
  const pullForward = [...(tuning?.pullForward ?? []), ...background.pullForward];
  const planned = orderMilestones(milestonesFor({ background, domain, pm: options.packageManager ?? PNPM_COMMANDS }), pullForward).map((milestone, index) => {
    const assessed = tuning?.emphasis[milestone.id];
    const emphasis = assessed ?? background.emphasis[milestone.id] ?? 'standard';
    const hours = plannedHours(milestone.estimateHours, emphasis);
    const start = firstDay + Math.floor(dayOf(hoursBefore));
    hoursBefore += hours;
    const end = firstDay + Math.ceil(dayOf(hoursBefore)) - 1;
    return {
      position: index + 1,
      milestone,
      emphasis,
      fromAssessment: assessed !== undefined,
      extraTasks: tuning?.extraTasks[milestone.id] ?? [],
      note: background.notes[milestone.id],
      bridges: background.bridges.filter((bridge) => bridge.milestone === milestone.id),
      hours,
      start: formatDay(start),
      end: formatDay(end),
    };
  });

  return {
    background,
    domain,
    hoursPerWeek,
    startDate,
    endDate: planned[planned.length - 1]?.end ?? startDate,
    totalHours: hoursBefore,
    assessed: tuning !== undefined,
    milestones: planned,
  };
}

/**
 * The plan as the docs templates and `plan --format json` see it. Pure: a core Plan in, plain data
 * out, with every optional part present (as null or an empty list) so strict templates can check it.
 */
import { article, type Background, type Emphasis, EMPHASIS_FACTOR, type Plan, type PlannedMilestone } from '@create-backend-portfolio/core';

/** Where the milestone docs live in a generated project. */
export const MILESTONES_DIR = 'docs/milestones';

/** `01-orientation.md`: numbered by the person's own order, so the folder lists them in the order to do them. */
export function milestoneFileName(position: number, slug: string): string {
  return `${String(position).padStart(2, '0')}-${slug}.md`;
}

/** "a frontend engineer", "an IT / sysadmin", "a DevOps / SRE": capitalised words lose their capital, acronyms keep theirs. */
export function personName(background: Pick<Background, 'name'>): string {
  return article(background.name.replace(/\b[A-Z][a-z][a-z-]*\b/g, (word) => word.toLowerCase()));
}

const EMPHASIS: Readonly<Record<Emphasis, { label: string; advice: string }>> = {
  deep: {
    label: 'Go deep',
    advice:
      'This is one of your gaps, so the plan gives it half as long again as the base estimate. Use that time: do every task without ' +
      'shortcuts, pick at least one stretch goal, and ask your mentor to review it closely.',
  },
  standard: {
    label: 'Standard',
    advice: 'Your background neither skips nor doubles this one: the plan gives it the base estimate.',
  },
  'fast-track': {
    label: 'Fast track',
    advice:
      'You likely know this already, so the plan gives it half the base estimate. Do not skip it: verify what you know against this ' +
      'codebase, make every acceptance test pass, and be able to explain each one out loud, because that is what an interviewer will probe.',
  },
};

export interface MilestoneLink {
  readonly number: string;
  readonly title: string;
  readonly file: string;
}

export interface MilestoneDocView extends MilestoneLink {
  readonly id: string;
  /** File name without `.md`, for the `__milestone__` template path. */
  readonly stem: string;
  readonly position: number;
  readonly emphasis: Emphasis;
  readonly emphasisLabel: string;
  readonly emphasisAdvice: string;
  readonly hours: number;
  readonly baseHours: number;
  /** "×1.5 because you go deep here" or null at standard pace. */
  readonly scaling: string | null;
  readonly weeks: string;
  readonly start: string;
  readonly end: string;
  readonly goal: string;
  readonly whyItMatters: string;
  readonly note: string | null;
  readonly bridges: readonly { readonly known: string; readonly backend: string; readonly explanation: string }[];
  readonly tasks: readonly string[];
  readonly howToLook: readonly string[];
  /** Tasks the person's fit assessment added for a gap it found. */
  readonly extraTasks: readonly string[];
  /** Whether the emphasis comes from the fit assessment rather than the background. */
  readonly fromAssessment: boolean;
  readonly acceptance: readonly { readonly id: string; readonly statement: string; readonly sends: string; readonly expects: string }[];
  readonly stretch: readonly string[];
  readonly review: { readonly correctness: readonly string[]; readonly edgeCases: readonly string[]; readonly maintainability: readonly string[] };
  readonly talkingPoints: readonly string[];
  readonly dependsOn: readonly MilestoneLink[];
  readonly previous: MilestoneLink | null;
  readonly next: MilestoneLink | null;
}

export interface PlanView {
  readonly background: { readonly id: string; readonly name: string; readonly person: string };
  readonly domain: { readonly id: string; readonly name: string };
  readonly hoursPerWeek: number;
  /** "8 hours a week", "1 hour a week". */
  readonly pace: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly totalHours: number;
  /** Whether a fit assessment tuned the plan. */
  readonly assessed: boolean;
  readonly weeks: string;
  readonly milestones: readonly MilestoneDocView[];
  /** The milestone the background opens with. */
  readonly first: MilestoneDocView;
}

/** "about 2 weeks", "under a week": how long some hours take at this pace, for people rather than calendars. */
export function weeksText(hours: number, hoursPerWeek: number): string {
  const weeks = hours / hoursPerWeek;
  if (weeks < 1) return 'under a week';
  const rounded = Math.round(weeks * 2) / 2;
  return `about ${rounded} ${rounded === 1 ? 'week' : 'weeks'}`;
}

function scalingReason(emphasis: Emphasis, fromAssessment: boolean): string {
  if (fromAssessment) return emphasis === 'deep' ? 'your fit assessment shows a gap here' : 'your fit assessment shows you have done this';
  return emphasis === 'deep' ? 'you go deep here' : 'you can fast-track it';
}

function link(planned: PlannedMilestone): MilestoneLink {
  return {
    number: String(planned.position).padStart(2, '0'),
    title: planned.milestone.title,
    file: milestoneFileName(planned.position, planned.milestone.slug),
  };
}

export function buildPlanView(plan: Plan): PlanView {
  const links = new Map(plan.milestones.map((planned) => [planned.milestone.id, link(planned)]));
  const milestones = plan.milestones.map((planned, index): MilestoneDocView => {
    const { milestone, emphasis } = planned;
    const own = links.get(milestone.id)!;
    const factor = EMPHASIS_FACTOR[emphasis];
    return {
      ...own,
      id: milestone.id,
      stem: own.file.replace(/\.md$/, ''),
      position: planned.position,
      emphasis,
      emphasisLabel: EMPHASIS[emphasis].label,
      emphasisAdvice: EMPHASIS[emphasis].advice,
      hours: planned.hours,
      baseHours: milestone.estimateHours,
      scaling: factor === 1 ? null : `×${factor} because ${scalingReason(emphasis, planned.fromAssessment)}`,
      weeks: weeksText(planned.hours, plan.hoursPerWeek),
      start: planned.start,
      end: planned.end,
      goal: milestone.goal,
      whyItMatters: milestone.whyItMatters,
      note: planned.note ?? null,
      bridges: planned.bridges.map(({ known, backend, explanation }) => ({ known, backend, explanation })),
      tasks: milestone.tasks,
      howToLook: milestone.howToLook ?? [],
      extraTasks: planned.extraTasks,
      fromAssessment: planned.fromAssessment,
      acceptance: milestone.acceptance.map(({ id, statement, sends, expects }) => ({ id, statement, sends, expects })),
      stretch: milestone.stretch,
      review: milestone.review,
      talkingPoints: milestone.talkingPoints,
      dependsOn: milestone.dependsOn.map((id) => links.get(id)!),
      previous: index > 0 ? link(plan.milestones[index - 1]!) : null,
      next: index + 1 < plan.milestones.length ? link(plan.milestones[index + 1]!) : null,
    };
  });
  const first = milestones.find((m) => m.id === plan.background.firstMilestone) ?? milestones[0];
  if (first === undefined) throw new Error('a plan needs at least one milestone');
  return {
    background: { id: plan.background.id, name: plan.background.name, person: personName(plan.background) },
    domain: { id: plan.domain.id, name: plan.domain.name },
    hoursPerWeek: plan.hoursPerWeek,
    pace: `${plan.hoursPerWeek} ${plan.hoursPerWeek === 1 ? 'hour' : 'hours'} a week`,
    startDate: plan.startDate,
    endDate: plan.endDate,
    totalHours: plan.totalHours,
    assessed: plan.assessed,
    weeks: weeksText(plan.totalHours, plan.hoursPerWeek),
    milestones,
    first,
  };
}

/** What `plan --format json` prints. Its shape is published as docs/plan.schema.json; change both together. */
export function planDocument(plan: Plan) {
  const view = buildPlanView(plan);
  return {
    schemaVersion: 1,
    background: { id: view.background.id, name: view.background.name },
    domain: view.domain,
    hoursPerWeek: plan.hoursPerWeek,
    startDate: plan.startDate,
    endDate: plan.endDate,
    totalHours: plan.totalHours,
    assessed: plan.assessed,
    firstMilestone: view.first.id,
    milestones: view.milestones.map((m) => ({
      position: m.position,
      id: m.id,
      title: m.title,
      file: `${MILESTONES_DIR}/${m.file}`,
      emphasis: m.emphasis,
      baseHours: m.baseHours,
      hours: m.hours,
      start: m.start,
      end: m.end,
      dependsOn: plan.milestones[m.position - 1]!.milestone.dependsOn,
      goal: m.goal,
      note: m.note,
      bridges: m.bridges,
      tasks: m.tasks,
      extraTasks: m.extraTasks,
      acceptance: m.acceptance,
    })),
  };
}

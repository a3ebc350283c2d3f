import type { Background, BackgroundId, Emphasis, MilestoneId } from '../model.js';
import type { Assessment } from './answers.js';
import { type Answer, ANSWER_POINTS, AREAS, type AreaId, type Question, QUESTIONS, REQUIREMENTS, type RequirementId } from './questions.js';

export type Level = 'strong' | 'developing' | 'gap';

export interface AreaResult {
  readonly id: AreaId;
  readonly name: string;
  /** Points over the most possible, 0 to 1, to two decimals. */
  readonly score: number;
  readonly level: Level;
  /** What the answers show the person has done on their own, as statements. */
  readonly shown: readonly string[];
  /** The questions answered "no" or "partly". */
  readonly missing: readonly string[];
}

export interface FocusItem {
  readonly rank: number;
  readonly area: AreaId;
  readonly name: string;
  /** The milestones that close the gap, in the order the questions name them. */
  readonly milestones: readonly MilestoneId[];
}

export interface MarketRow {
  readonly requirement: RequirementId;
  readonly name: string;
  readonly need: string;
  readonly have: Level;
  readonly provedBy: readonly MilestoneId[];
}

/** How the answers change the plan; applied on top of the background's own emphasis and order. */
export interface PlanTuning {
  readonly emphasis: Partial<Record<MilestoneId, Emphasis>>;
  readonly pullForward: readonly MilestoneId[];
  readonly extraTasks: Partial<Record<MilestoneId, readonly string[]>>;
}

export interface FitReport {
  readonly version: 1;
  readonly background: BackgroundId | null;
  readonly answers: Readonly<Record<string, Answer>>;
  readonly areas: readonly AreaResult[];
  /** Areas rated strong, best first: what the person already does that the job needs. */
  readonly strongest: readonly AreaId[];
  /** Areas not yet strong, the most important first. */
  readonly focus: readonly FocusItem[];
  readonly market: readonly MarketRow[];
  readonly tuning: PlanTuning;
}

const round = (value: number) => Math.round(value * 100) / 100;

function level(score: number): Level {
  if (score >= 0.75) return 'strong';
  return score >= 0.4 ? 'developing' : 'gap';
}

function scoreOf(questions: readonly Question[], answers: Readonly<Record<string, Answer>>): number {
  const points = questions.reduce((sum, question) => sum + ANSWER_POINTS[answers[question.id] ?? 'no'], 0);
  return questions.length === 0 ? 0 : round(points / (2 * questions.length));
}

/**
 * How much a gap weighs when ranking: the article's "non-negotiable" areas (building endpoints,
 * databases) before systems thinking, then shipping, then debugging, which the project teaches last.
 */
const AREA_WEIGHT: Readonly<Record<AreaId, number>> = { coding: 5, databases: 4, systems: 3, production: 2, debugging: 1 };

/**
 * Pure and deterministic: answers to a report. A milestone whose questions were all answered "yes"
 * is fast-tracked; one with a "no" and a low score goes deep, gets the questions' extra tasks, and
 * moves as early as its dependencies allow.
 */
export function assess(assessment: Assessment, background?: Background): FitReport {
  const { answers } = assessment;
  const areas: AreaResult[] = AREAS.map((area) => {
    const questions = QUESTIONS.filter((question) => question.area === area.id);
    const score = scoreOf(questions, answers);
    return {
      id: area.id,
      name: area.name,
      score,
      level: level(score),
      shown: questions.filter((question) => answers[question.id] === 'yes').map((question) => question.did),
      missing: questions.filter((question) => answers[question.id] !== 'yes').map((question) => question.id),
    };
  });

  const strongest = areas
    .filter((area) => area.level === 'strong')
    .sort((a, b) => b.score - a.score || AREA_WEIGHT[b.id] - AREA_WEIGHT[a.id])
    .map((area) => area.id);

  const focus = areas
    .filter((area) => area.level !== 'strong')
    .sort((a, b) => a.score - b.score || AREA_WEIGHT[b.id] - AREA_WEIGHT[a.id])
    .map((area, index) => ({
      rank: index + 1,
      area: area.id,
      name: area.name,
      milestones: unique(QUESTIONS.filter((question) => question.area === area.id && answers[question.id] !== 'yes').flatMap((question) => question.milestones)),
    }));

  const market = REQUIREMENTS.map((requirement) => {
    const questions = QUESTIONS.filter((question) => question.requirements.includes(requirement.id));
    return {
      requirement: requirement.id,
      name: requirement.name,
      need: requirement.need,
      have: level(scoreOf(questions, answers)),
      provedBy: unique(questions.flatMap((question) => question.milestones)),
    };
  });

  return {
    version: 1,
    background: assessment.background ?? background?.id ?? null,
    answers,
    areas,
    strongest,
    focus,
    market,
    tuning: tune(answers),
  };
}

function tune(answers: Readonly<Record<string, Answer>>): PlanTuning {
  const milestones = unique(QUESTIONS.flatMap((question) => question.milestones));
  const emphasis: Partial<Record<MilestoneId, Emphasis>> = {};
  const extraTasks: Partial<Record<MilestoneId, string[]>> = {};
  const pullForward: MilestoneId[] = [];
  for (const id of milestones) {
    const questions = QUESTIONS.filter((question) => question.milestones.includes(id));
    const score = scoreOf(questions, answers);
    const noes = questions.filter((question) => answers[question.id] === 'no');
    if (questions.every((question) => answers[question.id] === 'yes')) {
      emphasis[id] = 'fast-track';
    } else if (noes.length > 0 && score < 0.5) {
      emphasis[id] = 'deep';
      pullForward.push(id);
    }
    // Each "no" adds its task to the first milestone that practises it, so a task appears once.
    const tasks = noes.filter((question) => question.milestones[0] === id).map((question) => question.ifNot);
    if (tasks.length > 0) extraTasks[id] = tasks;
  }
  return { emphasis, pullForward, extraTasks };
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

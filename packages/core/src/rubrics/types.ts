/**
 * The shape of a mentor rubric: how to tell a strong, an adequate and a weak submission of one milestone
 * apart by what can be seen, and what the reference solution looks like. Pure data, written per domain.
 */
import type { MilestoneContext, MilestoneId } from '../model.js';

/** One thing a reviewer can observe: in the pull request, the tests, a decision record or the check output. */
export interface RubricSign {
  readonly text: string;
  /** Acceptance criteria of the milestone whose check result bears on this sign; empty when only a person can judge it. */
  readonly criteria: readonly string[];
}

export interface RubricLevels {
  /** Would hold up in a team's code review; the learner can defend each choice. */
  readonly strong: readonly RubricSign[];
  /** Does the job and passes the check; some choices are unexplained or some paths untested. */
  readonly adequate: readonly RubricSign[];
  /** Passes only by luck or by shape, or not at all; ask for another round. */
  readonly weak: readonly RubricSign[];
}

/** A mistake people often make on this milestone, and where it shows. */
export interface CommonMistake {
  readonly name: string;
  /** Where a reviewer sees it: a file, a query, a test, a number in the check output. */
  readonly lookFor: string;
  /** Criteria whose check fails when the mistake is made; empty when the check cannot see it and only review can. */
  readonly caughtBy: readonly string[];
}

export interface Rubric {
  readonly milestone: MilestoneId;
  /** One sentence: what a solid pass shows about the learner's readiness for backend work. */
  readonly shows: string;
  /** Where to look, in order, before deciding on a level. */
  readonly evidence: readonly string[];
  readonly levels: RubricLevels;
  readonly reference: {
    /** What a reviewer should expect the solution to look like. */
    readonly approach: readonly string[];
    readonly mistakes: readonly CommonMistake[];
  };
}

/** A rubric is written once, as a function of the context, like the milestone it reviews. */
export type RubricDefinition = (ctx: MilestoneContext) => Rubric;

/** A sign, tied to the criteria whose check result supports it. */
export function sign(text: string, ...criteria: readonly string[]): RubricSign {
  return { text, criteria };
}

/** A common mistake and the criteria that catch it (none when only review can). */
export function mistake(name: string, lookFor: string, ...caughtBy: readonly string[]): CommonMistake {
  return { name, lookFor, caughtBy };
}

/**
 * What the mentor templates see: each milestone of the plan with its rubric from core, flattened so a
 * strict template needs no logic beyond `#each` and `#if`.
 */
import { type Emphasis, type MilestoneId, type Rubric, type RubricSign, rubricFor } from '@create-backend-portfolio/core';
import type { MilestoneDocView } from '../view/plan.js';
import type { ProjectView } from '../view/project.js';

/** How far to push the learner on one milestone, by the emphasis their background gives it. */
const EXPECTATION: Readonly<Record<Emphasis, string>> = {
  deep:
    'This is one of the gaps the plan exists to close, and it has half as long again as the base estimate. Hold the work to Strong ' +
    'before marking it done; Adequate here is worth another round of review.',
  standard: 'Adequate is enough to mark it done. Point at one Strong sign the learner did not show, as the next thing to practise.',
  'fast-track':
    'The learner likely knows this already and has half the base estimate. Expect Strong; if the work is only Adequate, ask them to ' +
    'explain out loud what is missing before you move on, since that is what an interviewer will probe.',
};

export interface SignView {
  readonly text: string;
  /** The criteria as inline code, "`a` and `b`", or null when only a person can judge the sign. */
  readonly cites: string | null;
}

export interface MentorMilestoneView {
  readonly milestone: MilestoneDocView;
  readonly expectation: string;
  /** Whether the generated project has an automated check for this milestone. */
  readonly check: boolean;
  readonly rubric: {
    readonly shows: string;
    readonly evidence: readonly string[];
    readonly strong: readonly SignView[];
    readonly adequate: readonly SignView[];
    readonly weak: readonly SignView[];
    readonly approach: readonly string[];
    readonly mistakes: readonly { readonly name: string; readonly lookFor: string; readonly caughtBy: string | null }[];
  };
  /** The criteria for the "what the check proves" table, with pipes escaped for a Markdown cell. */
  readonly criteria: readonly { readonly id: string; readonly statement: string }[];
}

export interface MentorView {
  /** How to run the `milestone` script with arguments under the chosen package manager. */
  readonly command: string;
  readonly milestones: readonly MentorMilestoneView[];
}

function cites(ids: readonly string[]): string | null {
  const quoted = ids.map((id) => `\`${id}\``);
  if (quoted.length === 0) return null;
  return quoted.length === 1 ? quoted[0]! : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
}

const signView = (s: RubricSign): SignView => ({ text: s.text, cites: cites(s.criteria) });

function rubricView(rubric: Rubric): MentorMilestoneView['rubric'] {
  return {
    shows: rubric.shows,
    evidence: rubric.evidence,
    strong: rubric.levels.strong.map(signView),
    adequate: rubric.levels.adequate.map(signView),
    weak: rubric.levels.weak.map(signView),
    approach: rubric.reference.approach,
    mistakes: rubric.reference.mistakes.map((m) => ({ name: m.name, lookFor: m.lookFor, caughtBy: cites(m.caughtBy) })),
  };
}

/** `hasCheck` says whether a milestone ships an automated check; the generator answers it from the templates. */
export function mentorView(view: ProjectView, hasCheck: (id: MilestoneId) => boolean): MentorView {
  const context = { background: view.background, domain: view.domain, pm: view.pm };
  return {
    // npm reads `--format` as its own option unless `--` comes first; the other package managers pass it on.
    command: view.pm.name === 'npm' ? 'npm run milestone --' : `${view.pm.run} milestone`,
    milestones: view.plan.milestones.map((milestone) => {
      const id = milestone.id as MilestoneId;
      return {
        milestone,
        expectation: EXPECTATION[milestone.emphasis],
        check: hasCheck(id),
        rubric: rubricView(rubricFor(id, context)),
        criteria: milestone.acceptance.map((c) => ({ id: c.id, statement: c.statement.replace(/\|/g, '\\|') })),
      };
    }),
  };
}

import { ANSWER_LABELS, type Background, type FitReport, type Level, type MilestoneId, QUESTIONS } from '@create-backend-portfolio/core';
import { type MilestoneLink, personName, type PlanView } from './plan.js';

const HAVE: Readonly<Record<Level, string>> = { strong: 'Yes', developing: 'Partly', gap: 'Not yet' };

/** What `docs/fit-report.md` shows: the assessment's report when there is one, else the background's usual profile and how to take it. */
export function buildFitView(report: FitReport | undefined, background: Background, plan: PlanView) {
  const links = new Map(plan.milestones.map((milestone) => [milestone.id as MilestoneId, milestone as MilestoneLink]));
  // In the order of this person's plan, so a list of links reads as the order to do them in.
  const linksFor = (ids: readonly MilestoneId[]) => ids.flatMap((id) => links.get(id) ?? []).sort((a, b) => a.number.localeCompare(b.number));
  const assessCommand = `npx create-backend-portfolio assess --background ${background.id} --format json > fit.json`;
  if (report === undefined) {
    return { assessed: false as const, background: { name: background.name, person: personName(background), strengths: background.strengths, gaps: background.gaps }, assessCommand };
  }
  const statement = new Map(QUESTIONS.map((question) => [question.id, question]));
  const tuned = plan.milestones.filter((milestone) => milestone.fromAssessment);
  return {
    assessed: true as const,
    assessCommand,
    background: { name: background.name, person: personName(background), strengths: background.strengths, gaps: background.gaps },
    strongest: report.strongest.map((id) => {
      const area = report.areas.find((candidate) => candidate.id === id)!;
      return { name: area.name, shown: area.shown };
    }),
    focus: report.focus.map((item) => {
      const area = report.areas.find((candidate) => candidate.id === item.area)!;
      const missing = area.missing.map((id) => ({ did: statement.get(id)!.did, answer: ANSWER_LABELS[report.answers[id]!].toLowerCase() }));
      return { rank: item.rank, name: item.name, missing, milestones: linksFor(item.milestones) };
    }),
    market: report.market.map((row) => ({ name: row.name, need: row.need, have: HAVE[row.have], provedBy: linksFor(row.provedBy) })),
    fastTracked: tuned.filter((milestone) => milestone.emphasis === 'fast-track'),
    deepened: tuned.filter((milestone) => milestone.emphasis === 'deep'),
    answers: QUESTIONS.map((question) => ({ text: question.text, answer: ANSWER_LABELS[report.answers[question.id]!] })),
  };
}

export type FitView = ReturnType<typeof buildFitView>;

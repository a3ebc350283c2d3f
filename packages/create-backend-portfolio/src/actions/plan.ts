import { buildPlan } from '@create-backend-portfolio/core';
import { planDocument, renderPlanMarkdown } from '@create-backend-portfolio/generators';
import type { ResolvedPlan } from '../commands/plan.js';
import { ui } from '../ui.js';

/** Prints the plan: the same Markdown a generated project's docs/milestones/README.md holds, or JSON per docs/plan.schema.json. */
export async function printPlan({ background, domain, options, format }: ResolvedPlan, templatesDir: string): Promise<void> {
  const plan = buildPlan(background, domain, options);
  ui.out(format === 'json' ? `${JSON.stringify(planDocument(plan), null, 2)}\n` : await renderPlanMarkdown(plan, templatesDir));
}

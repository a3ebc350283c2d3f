import { type Background, buildPlan, defaultDomain, type FitReport } from '@create-backend-portfolio/core';
import { renderFitMarkdown } from '@create-backend-portfolio/generators';
import { DEFAULT_HOURS_PER_WEEK } from '../commands/resolve.js';
import { ui } from '../ui.js';

/**
 * Prints the gap report: JSON per docs/fit-report.schema.json (which `--assessment` reads back), or the
 * Markdown a project tuned by it gets as docs/fit-report.md, with the plan the background's first domain would have.
 */
export async function printFitReport(
  report: FitReport,
  background: Background,
  { format, today, templatesDir }: { format: 'md' | 'json'; today: string; templatesDir: string },
): Promise<void> {
  if (format === 'json') {
    ui.out(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  const plan = buildPlan(background, defaultDomain(background), { hoursPerWeek: DEFAULT_HOURS_PER_WEEK, startDate: today, tuning: report.tuning });
  ui.out(await renderFitMarkdown(report, background, plan, templatesDir));
}

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Background, FitReport, Plan } from '@create-backend-portfolio/core';
import Handlebars from 'handlebars';
import type { Render } from '../kit.js';
import { buildFitView } from '../view/fit.js';
import { buildPlanView } from '../view/plan.js';

/**
 * Renders the docs templates. Docs are Markdown, not HTML, so nothing is HTML-escaped: an apostrophe
 * or a `<new id>` stays as written. Strict: a name the view does not have fails the render, instead
 * of leaving a silent gap in a document a person will read.
 */
export function docsRenderer(): Render {
  const handlebars = Handlebars.create();
  const compiled = new Map<string, HandlebarsTemplateDelegate>();
  return async (templateFile, data) => {
    let template = compiled.get(templateFile);
    if (template === undefined) {
      template = handlebars.compile(await readFile(templateFile, 'utf8'), { noEscape: true, strict: true });
      compiled.set(templateFile, template);
    }
    return template(data);
  };
}

/** The milestones README, relative to the templates folder. The docs feature writes it; `plan --format md` prints it. */
export const PLAN_TEMPLATE = 'docs/docs/milestones/README.md.hbs';

/** The plan as Markdown: byte for byte the `docs/milestones/README.md` a project with the same plan gets without `--mentor`. */
export async function renderPlanMarkdown(plan: Plan, templatesDir: string): Promise<string> {
  return docsRenderer()(path.join(templatesDir, PLAN_TEMPLATE), { plan: buildPlanView(plan), mentor: false });
}

/** The fit report, relative to the templates folder. The docs feature writes it; `assess --format md` prints it. */
export const FIT_TEMPLATE = 'docs/docs/fit-report.md.hbs';

/** A fit report as Markdown: byte for byte the `docs/fit-report.md` a project tuned by it gets. */
export async function renderFitMarkdown(report: FitReport, background: Background, plan: Plan, templatesDir: string): Promise<string> {
  const view = buildPlanView(plan);
  return docsRenderer()(path.join(templatesDir, FIT_TEMPLATE), { plan: view, fit: buildFitView(report, background, view) });
}

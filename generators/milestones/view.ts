import { type ProjectView, resourceView } from '../view/project.js';
import { MILESTONES_DIR } from '../view/plan.js';

/** What the check templates need beyond the project view: the table the first endpoint milestone adds. */
export function checksView(view: ProjectView) {
  const table = view.domain.tables.find((candidate) => candidate.name !== view.domain.primaryResource);
  if (table === undefined) throw new Error(`domain ${view.domain.id} needs a second table for the first-endpoint milestone`);
  const secondary = resourceView(view.domain, table.name);
  const fields = ['id', ...table.columns.map((column) => column.name), 'created_at', 'updated_at'];
  return { secondary: { ...secondary, fieldList: fields.map((field) => `'${field}'`).join(', ') } };
}

/** `milestones/milestones.json`: the plan's milestones with their criteria, and which have a check file. */
export function milestonesFile(view: ProjectView, files: ReadonlySet<string>) {
  return {
    project: { name: view.project.name, background: view.background.id, domain: view.domain.id },
    answers: view.answers,
    milestones: view.plan.milestones.map((milestone) => {
      const check = `milestones/checks/${milestone.id}.check.ts`;
      return {
        id: milestone.id,
        number: milestone.number,
        title: milestone.title,
        emphasis: milestone.emphasis,
        emphasisLabel: milestone.emphasisLabel,
        hours: milestone.hours,
        doc: `${MILESTONES_DIR}/${milestone.file}`,
        goal: milestone.goal,
        tasks: milestone.tasks,
        criteria: milestone.acceptance,
        check: files.has(check) ? check : null,
      };
    }),
  };
}

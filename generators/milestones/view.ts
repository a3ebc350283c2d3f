import { allColumnNames, POSTGRES_MAJOR, secondaryTable } from '@create-backend-portfolio/core';
import { quote } from '../view/columns.js';
import { type ProjectView, resourceView } from '../view/project.js';
import { MILESTONES_DIR } from '../view/plan.js';
import { bulkInsert, withAncestors } from './bulk.js';
import { contendedView } from './concurrency.view.js';
import { deployView } from './deploy.view.js';
import { failureView } from './failure-modes.view.js';
import { observabilityView } from './observability.view.js';
import { testingView } from './testing.view.js';
import { schemaDesignView } from './schema-design.view.js';

/** The number of rows the indexes milestone measures at. */
export const HOT_ROWS = 100_000;
/** Rows per parent table of the hot table: enough to spread foreign keys, few enough to insert at once. */
const PARENT_ROWS = 100;

/** The hot list of the indexes milestone: its route as the check sends it, and the SQL that fills its table. */
export function hotView(view: ProjectView) {
  const hot = view.domain.hotList;
  const tables = withAncestors(view.domain, hot.table);
  const path = hot.route.replace(/^[A-Z]+\s+/, '');
  const quoted = (values: readonly string[]) => values.map(quote).join(', ');
  return {
    table: hot.table,
    page: path.includes('limit=') ? path : `${path}${path.includes('?') ? '&' : '?'}limit=20`,
    query: JSON.stringify(hot.query),
    indexList: quoted(hot.index),
    tableList: quoted(tables.map((table) => table.name)),
    fill: tables.map((table) => JSON.stringify(bulkInsert(table, table.name === hot.table ? HOT_ROWS : PARENT_ROWS))),
  };
}

/** What the check templates need beyond the project view: the table the first endpoint milestone adds, and the hot list. */
export function checksView(view: ProjectView) {
  // The same table and fields the first-endpoint milestone's text names, from the same helpers.
  const table = secondaryTable(view.domain);
  const secondary = resourceView(view.domain, table.name);
  return {
    secondary: { ...secondary, fieldList: allColumnNames(table).map(quote).join(', ') },
    hot: hotView(view),
    failure: failureView(view),
    testing: testingView(view),
    observability: observabilityView(view),
    schema: schemaDesignView(view),
    contended: contendedView(view),
    deploy: deployView(view),
    // For the messages that say how to start a real server: the image the project's compose file and CI use.
    postgresImage: `postgres:${POSTGRES_MAJOR}`,
  };
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

import { incidentScenarios, independentColumns, primaryTable } from '@create-backend-portfolio/core';
import { bulkInsert, withAncestors } from '../milestones/bulk.js';
import { type ProjectView, resourceView } from '../view/project.js';
import { faultPatches } from './faults.js';

/** Rows the drill database gets: enough for a page of 100 and for one row per edit race. */
export const DRILL_ROWS = 200;
const PARENT_ROWS = 20;

/**
 * Fault text is stored base64-encoded, so a learner searching the project for the symptom does not
 * land on the answer; the CLI decodes it when it injects the fault.
 */
const encode = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** `incidents/scenarios.json`: everything the generated `incident` command knows about each drill, for this domain. */
export function incidentsFile(view: ProjectView) {
  const table = primaryTable(view.domain);
  const resource = resourceView(view.domain, table.name);
  const faults = faultPatches(resource);
  return {
    resource: { table: table.name, singular: table.singular, path: `/${table.name}` },
    fill: withAncestors(view.domain, table.name).map((each) => bulkInsert(each, each.name === table.name ? DRILL_ROWS : PARENT_ROWS)),
    editable: independentColumns(view.domain).map((column) => ({
      name: column.name,
      type: column.type,
      example: column.example,
      ...(column.maxLength === undefined ? {} : { maxLength: column.maxLength }),
      ...(column.min === undefined ? {} : { min: column.min }),
      ...(column.max === undefined ? {} : { max: column.max }),
      ...(column.enum === undefined ? {} : { enum: column.enum }),
    })),
    scenarios: incidentScenarios(view.domain).map(({ cause: _cause, ...scenario }) => {
      const fault = faults[scenario.id];
      return { ...scenario, fault: { file: fault.file, find: encode(fault.find), replace: encode(fault.replace) } };
    }),
  };
}

import { primaryTable } from '@create-backend-portfolio/core';
import { type ProjectView, resourceView } from '../view/project.js';

/** What the observability check sends its requests to: the primary resource and its fixture. */
export function observabilityView(view: ProjectView) {
  const primary = resourceView(view.domain, primaryTable(view.domain).name);
  return { table: primary.table, Singular: primary.Singular };
}

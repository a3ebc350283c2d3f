import { foreignKeyTarget, primaryTable, secondaryTable, uniqueTarget } from '@create-backend-portfolio/core';
import type { ProjectView } from '../view/project.js';

/**
 * The routes the testing milestone names error paths on, from the same helpers as its text: the primary
 * table, the table the first endpoint added, and the tables whose writes can answer 409 and 422.
 */
export function testingView(view: ProjectView) {
  const { domain } = view;
  const primary = primaryTable(domain).name;
  return {
    primary,
    secondary: secondaryTable(domain).name,
    unique: uniqueTarget(domain)?.table.name ?? primary,
    foreignKey: foreignKeyTarget(domain)?.child.name ?? primary,
  };
}

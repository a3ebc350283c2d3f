import { contendedTable, dependencyEnvPrefix, dependencyRoute, primaryTable } from '@create-backend-portfolio/core';
import { quote } from '../view/columns.js';
import { withAncestors } from './bulk.js';
import { type ProjectView, resourceView } from '../view/project.js';

/** A value as TypeScript source: a string in quotes, a missing one as null. */
function literal(value: string | number | boolean | undefined): string {
  if (value === undefined) return 'null';
  return typeof value === 'string' ? quote(value) : String(value);
}

/**
 * What the failure-modes check needs: the route that calls the dependency, its environment variables,
 * and how a row of the contended table shows the call succeeded (`done`) or not yet (`pending`).
 */
export function failureView(view: ProjectView) {
  const { domain } = view;
  const table = contendedTable(domain);
  const { column, done } = domain.dependency.outcome;
  const outcomeColumn = table.columns.find((candidate) => candidate.name === column);
  if (outcomeColumn === undefined) throw new Error(`domain ${domain.id}: the dependency outcome column ${column} is not a column of ${table.name}`);
  const prefix = dependencyEnvPrefix(domain);
  const primary = primaryTable(domain);
  const Singular = resourceView(domain, table.name).Singular;
  const PrimarySingular = resourceView(domain, primary.name).Singular;
  const written = new Set([...withAncestors(domain, table.name), ...withAncestors(domain, primary.name)].map((written) => written.name));
  return {
    table: table.name,
    // Every table the check inserts into, parents included, in the domain's order.
    tableList: domain.tables.filter((candidate) => written.has(candidate.name)).map((candidate) => quote(candidate.name)).join(', '),
    Singular,
    // The fixtures the check inserts rows with; one name when the primary table is the contended one.
    fixtures: [...new Set([Singular, PrimarySingular])].sort().map((name) => `insert${name}`).join(', '),
    // Written into a template literal of the check, where `id` is the row's id.
    route: dependencyRoute(domain).replace(':id', '${id}'),
    // The same route as the docs write it, for messages in plain strings.
    routePattern: dependencyRoute(domain),
    urlVar: `${prefix}_URL`,
    timeoutVar: `${prefix}_TIMEOUT_MS`,
    cooldownVar: `${prefix}_BREAKER_COOLDOWN_MS`,
    column,
    done: literal(done),
    pending: literal(done === undefined ? undefined : outcomeColumn.default),
    primary: { table: primary.name, Singular: PrimarySingular },
  };
}

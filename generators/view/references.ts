import type { Domain, Table } from '@create-backend-portfolio/core';
import { camelCase, label, pascalCase } from './names.js';

/** A table whose rows keep a row of the resource from being deleted: its foreign key says ON DELETE RESTRICT. */
export interface DependentView {
  /** The dependent table's noun, for sentences: `checkout`, `checkouts`. */
  readonly label: string;
  readonly labelPlural: string;
  /** For fixture names: `insertCheckout`. */
  readonly Singular: string;
  readonly camelSingular: string;
  /** The dependent's foreign key column: `asset_id`. */
  readonly column: string;
}

function table(domain: Domain, name: string): Table {
  const found = domain.tables.find((candidate) => candidate.name === name);
  if (found === undefined) throw new Error(`domain ${domain.id} has no table ${name}`);
  return found;
}

/** The noun of the table a foreign key references, singular, for sentences: `location`. */
export function parentLabel(domain: Domain, parentTable: string): string {
  return label(table(domain, parentTable).singular);
}

/**
 * The tables that stop a delete of the given table's rows. Deleting a row one of them still references must
 * answer 422, whichever SQLSTATE the database reports it with (23503 before PostgreSQL 18, 23001 from 18).
 */
export function dependentsView(domain: Domain, tableName: string): readonly DependentView[] {
  return domain.tables.flatMap((child) =>
    child.columns
      .filter((column) => column.references?.table === tableName && column.references.onDelete === 'restrict')
      .map((column) => ({
        label: label(child.singular),
        labelPlural: label(child.name),
        Singular: pascalCase(child.singular),
        camelSingular: camelCase(child.singular),
        column: column.name,
      })),
  );
}

import { type Domain, tableNamed } from '@create-backend-portfolio/core';
import { label, pascalCase } from './names.js';

/** A table whose rows keep a row of the resource from being deleted: its foreign key says ON DELETE RESTRICT. */
export interface DependentView {
  /** The dependent table's noun, for sentences: `checkouts`. */
  readonly labelPlural: string;
  /** For fixture names: `insertCheckout`. */
  readonly Singular: string;
  /** The dependent's foreign key column: `asset_id`. */
  readonly column: string;
}

/** The noun of the table a foreign key references, singular, for sentences: `location`. */
export function parentLabel(domain: Domain, parentTable: string): string {
  return label(tableNamed(domain, parentTable).singular);
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
        labelPlural: label(child.name),
        Singular: pascalCase(child.singular),
        column: column.name,
      })),
  );
}

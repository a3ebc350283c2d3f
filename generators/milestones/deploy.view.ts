import { dependencyEnvPrefix, foreignKeys, primaryTable, uniqueKeys } from '@create-backend-portfolio/core';
import type { ProjectView } from '../view/project.js';

/**
 * What the deploy check needs: the primary resource's route and a create body built from the column
 * examples, which columns it borrows from an existing row (foreign keys), and how to make each unique
 * column new on every run, so the smoke round trip never collides with rows already on the live service.
 */
export function deployView(view: ProjectView) {
  const primary = primaryTable(view.domain);
  const fkNames = foreignKeys(primary).map((column) => column.name);
  const uniqueNames = [...new Set(uniqueKeys(primary).flat())].filter((name) => !fkNames.includes(name));
  const body = Object.fromEntries(
    primary.columns
      .filter((column) => uniqueNames.includes(column.name) || (column.nullable !== true && column.default === undefined))
      .map((column) => [column.name, column.example]),
  );
  const fresh = primary.columns
    .filter((column) => uniqueNames.includes(column.name))
    .flatMap((column) => {
      if (column.type === 'timestamptz') return [{ name: column.name, kind: 'instant', length: 0 }];
      if (column.type !== 'text') return [];
      const hex = typeof column.example === 'string' && /^[0-9a-f]+$/.test(column.example);
      return [{ name: column.name, kind: hex ? 'hex' : 'text', length: hex ? String(column.example).length : (column.maxLength ?? 64) }];
    });
  return {
    table: primary.name,
    body: JSON.stringify(body),
    borrowed: JSON.stringify(fkNames),
    fresh: JSON.stringify(fresh),
    dependencyUrl: `${dependencyEnvPrefix(view.domain)}_URL`,
  };
}

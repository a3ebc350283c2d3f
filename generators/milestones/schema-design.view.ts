import {
  blankableColumn,
  type Column,
  type Domain,
  foreignKeys,
  foreignKeyTarget,
  primaryRelation,
  primaryTable,
  type Table,
  uniqueKeys,
  uniqueTarget,
  violatingLiteral,
} from '@create-backend-portfolio/core';
import { quote, valueLiteral } from '../view/columns.js';
import { camelCase, pascalCase } from '../view/names.js';
import type { ProjectView } from '../view/project.js';

/** The names `test/support/fixtures.ts` exports for a table. */
const fixture = (table: Table) => ({ values: `${camelCase(table.singular)}Values`, insert: `insert${pascalCase(table.singular)}` });

const list = (names: readonly string[]) => names.map(quote).join(', ');

/**
 * One otherwise valid row per broken rule, as source text: the check calls `row()` and expects the insert to
 * fail with `code`. The values come from the project's fixtures, so every other column is valid.
 */
function ruleCases(domain: Domain): string[] {
  const cases: string[] = [];
  const add = (table: Table, rule: string, code: string, row: string) =>
    cases.push(`{ table: ${quote(table.name)}, rule: ${rule.includes("'") ? JSON.stringify(rule) : quote(rule)}, code: '${code}', row: () => ${row} }`);
  const breaking = (table: Table, column: string, value: string) => `${fixture(table).values}(db, { ${column}: ${value} })`;
  const blank = blankableColumn(domain);

  for (const table of domain.tables) {
    for (const column of table.columns) {
      // The literals are numbers or plain quoted words, which read the same in SQL and in JavaScript.
      for (const value of outOfRange(column)) add(table, `${column.name} = ${value}`, '23514', breaking(table, column.name, value));
    }
    if (blank?.table.name === table.name) add(table, `${blank.column.name} = '   '`, '23514', breaking(table, blank.column.name, "'   '"));
    for (const column of table.columns.filter((c) => c.nullable !== true)) add(table, `${column.name} IS NULL`, '23502', breaking(table, column.name, 'null'));
    for (const column of foreignKeys(table)) add(table, `${column.name} = a random uuid`, '23503', breaking(table, column.name, 'randomUUID()'));
    for (const key of uniqueKeys(table)) {
      const { values, insert } = fixture(table);
      add(table, `a copy of (${key.join(', ')})`, '23505', `copyOf(${insert}(db), ${values}(db), [${list(key)}])`);
    }
  }
  return cases;
}

/** The values just outside an enum or a numeric range, as SQL literals. */
function outOfRange(column: Column): string[] {
  if (column.enum !== undefined) {
    const value = violatingLiteral(column).slice(1, -1).slice(0, column.maxLength ?? Infinity);
    return [`'${value}'`];
  }
  return [column.min === undefined ? [] : [String(column.min - 1)], column.max === undefined ? [] : [String(column.max + 1)]].flat();
}

/**
 * A create body for a table: its required columns and the given key columns, with example values, new
 * parent rows for foreign keys, and a fresh suffix on text columns of unique keys no foreign key scopes.
 */
function body(domain: Domain, table: Table, include: readonly string[]): string[] {
  const scopedByParent = (key: readonly string[]) => key.some((name) => table.columns.find((c) => c.name === name)?.references !== undefined);
  const fresh = new Set(uniqueKeys(table).filter((key) => !scopedByParent(key)).flat());
  return table.columns
    .filter((column) => include.includes(column.name) || (column.nullable !== true && column.default === undefined))
    .map((column) => {
      const parent = domain.tables.find((candidate) => candidate.name === column.references?.table);
      if (parent !== undefined) return `${column.name}: (await ${fixture(parent).insert}(db)).id`;
      if (fresh.has(column.name) && column.type === 'text') {
        return `${column.name}: fresh(${valueLiteral(column.example)}, ${column.maxLength ?? 200})`;
      }
      return `${column.name}: ${valueLiteral(column.example)}`;
    });
}

/** What the schema-design check needs beyond the project view. */
export function schemaDesignView(view: ProjectView) {
  const { domain } = view;
  const primary = primaryTable(domain);
  const rel = primaryRelation(domain);
  const many = rel.child.name !== primary.name;
  const uniq = uniqueTarget(domain);
  const fk = foreignKeyTarget(domain);
  const bodyFor = (table: Table) => `${camelCase(table.name)}Body`;
  const bodies = [...new Map([uniq?.table, fk?.child].filter((t): t is Table => t !== undefined).map((t) => [t.name, t])).values()].map((table) => ({
    name: bodyFor(table),
    table: table.name,
    entries: body(domain, table, uniq?.table.name === table.name ? uniq.columns : []),
  }));
  const cases = ruleCases(domain);
  const uses = [...cases, ...bodies.flatMap((b) => b.entries)].join('\n');
  const fixtures = domain.tables.flatMap((table) => Object.values(fixture(table))).filter((name) => new RegExp(`\\b${name}\\(`).test(uses));
  return {
    /** The scaffold's migration files: a migration that is not one of these is the learner's. */
    migrations: list(view.tables.map((table) => `${table.migrationName}.ts`)),
    tableList: list(domain.tables.map((table) => table.name)),
    imports: [
      ...new Set([
        ...fixtures,
        fixture(primary).insert,
        ...(many ? [fixture(rel.child).insert] : []),
        ...(fk?.child.name === primary.name ? [fixture(fk.child).insert] : []),
      ]),
    ]
      .sort()
      .join(', '),
    nested: {
      table: primary.name,
      many,
      includeKey: many ? rel.child.name : rel.parent.singular,
      parent: rel.parent.name,
      child: rel.child.name,
      column: rel.column.name,
      insertPrimary: fixture(primary).insert,
      insertChild: fixture(rel.child).insert,
    },
    bodies,
    fresh: bodies.some((b) => b.entries.some((entry) => entry.includes(': fresh('))),
    unique: uniq === undefined ? undefined : { table: uniq.table.name, body: bodyFor(uniq.table), keyList: list(uniq.columns) },
    foreignKey:
      fk === undefined
        ? undefined
        : {
            table: fk.child.name,
            column: fk.column.name,
            body: bodyFor(fk.child),
            patch: fk.child.name === primary.name,
            insert: fixture(fk.child).insert,
          },
    cases,
    foreignKeyColumns: domain.tables.flatMap((table) => foreignKeys(table).map((column) => `[${quote(table.name)}, ${quote(column.name)}]`)).join(', '),
  };
}

/**
 * Small pure helpers for milestone text. Everything here reads the domain and returns data or strings;
 * nothing touches the file system, the network or the clock. Add to this file; do not change what is here.
 */
import type { Column, Domain, PackageManagerCommands, Table } from '../model.js';

/** The table with this name. Throws when the domain has no such table, which is a bug in the domain file. */
export function tableNamed(domain: Domain, name: string): Table {
  const found = domain.tables.find((t) => t.name === name);
  if (!found) throw new Error(`Domain ${domain.id} has no table named ${name}`);
  return found;
}

/** The table that gets the full CRUD resource in the scaffold. */
export function primaryTable(domain: Domain): Table {
  return tableNamed(domain, domain.primaryResource);
}

/** The first table, in creation order, that is not the primary resource: where the learner builds their first endpoint. */
export function secondaryTable(domain: Domain): Table {
  const found = domain.tables.find((t) => t.name !== domain.primaryResource);
  if (!found) throw new Error(`Domain ${domain.id} needs at least two tables`);
  return found;
}

/** Collection path for a table: `/venues`. */
export function route(table: Table | string): string {
  return `/${typeof table === 'string' ? table : table.name}`;
}

/** Item path for a table: `/venues/:id`. */
export function itemRoute(table: Table | string): string {
  return `${route(table)}/:id`;
}

/** Drops a leading HTTP method: `GET /events?x=1` becomes `/events?x=1`. */
export function routePath(methodAndPath: string): string {
  return methodAndPath.replace(/^[A-Z]+\s+/, '');
}

/** Appends a query parameter with `?` or `&` as needed. */
export function withQuery(path: string, query: string): string {
  return `${path}${path.includes('?') ? '&' : '?'}${query}`;
}

/** Columns that hold a foreign key. */
export function foreignKeys(table: Table): readonly Column[] {
  return table.columns.filter((c) => c.references !== undefined);
}

export interface Relation {
  /** The table holding the foreign key. */
  readonly child: Table;
  /** The referenced table. */
  readonly parent: Table;
  /** The foreign key column on the child. */
  readonly column: Column;
}

/** The first foreign key of a table, as a relation to its parent, if it has one. */
export function parentOf(domain: Domain, table: Table): Relation | undefined {
  const column = foreignKeys(table)[0];
  if (!column?.references) return undefined;
  return { child: table, parent: tableNamed(domain, column.references.table), column };
}

/** Every relation in which the given table is the parent. */
export function childrenOf(domain: Domain, table: Table): readonly Relation[] {
  const out: Relation[] = [];
  for (const t of domain.tables) {
    for (const c of foreignKeys(t)) {
      if (c.references?.table === table.name) out.push({ child: t, parent: table, column: c });
    }
  }
  return out;
}

/** The first relation in the domain, preferring one where the primary resource is the child, then one where it is the parent. */
export function primaryRelation(domain: Domain): Relation {
  const primary = primaryTable(domain);
  const rel =
    parentOf(domain, primary) ??
    childrenOf(domain, primary)[0] ??
    domain.tables.map((t) => parentOf(domain, t)).find((r) => r !== undefined);
  if (!rel) throw new Error(`Domain ${domain.id} has no foreign keys`);
  return rel;
}

/** Unique keys of a table, single-column ones first, each as a list of column names. */
export function uniqueKeys(table: Table): readonly (readonly string[])[] {
  return [...table.columns.filter((c) => c.unique).map((c) => [c.name]), ...(table.uniques ?? [])];
}

/** The first table with a unique key, preferring the primary resource, with that key. */
export function uniqueTarget(domain: Domain): { readonly table: Table; readonly columns: readonly string[] } | undefined {
  const ordered = [primaryTable(domain), ...domain.tables.filter((t) => t.name !== domain.primaryResource)];
  for (const table of ordered) {
    const key = uniqueKeys(table)[0];
    if (key) return { table, columns: key };
  }
  return undefined;
}

/** The first table with a foreign key, preferring the primary resource. */
export function foreignKeyTarget(domain: Domain): Relation | undefined {
  const ordered = [primaryTable(domain), ...domain.tables.filter((t) => t.name !== domain.primaryResource)];
  for (const table of ordered) {
    const rel = parentOf(domain, table);
    if (rel) return rel;
  }
  return undefined;
}

/** The first column with a numeric bound or an enum, which the database enforces with a CHECK constraint. */
export function checkedColumn(table: Table): Column | undefined {
  return table.columns.find((c) => c.min !== undefined || c.max !== undefined || c.enum !== undefined);
}

/** A value that breaks a checked column's CHECK constraint, as SQL literal text. */
export function violatingLiteral(column: Column): string {
  if (column.enum) return `'not_a_valid_${column.name}'`;
  if (column.min !== undefined) return String(column.min - 1);
  if (column.max !== undefined) return String(column.max + 1);
  return 'NULL';
}

/** Columns a create request must send: not nullable and without a default. */
export function requiredColumns(table: Table): readonly Column[] {
  return table.columns.filter((c) => !c.nullable && c.default === undefined);
}

/** A JSON create body built from the example values of the required columns. */
export function exampleBody(table: Table, overrides: Readonly<Record<string, string | number | boolean>> = {}): string {
  const body: Record<string, string | number | boolean> = {};
  for (const c of requiredColumns(table)) body[c.name] = c.example;
  return JSON.stringify({ ...body, ...overrides });
}

/** Names as inline code, joined for prose: "`a`", "`a` and `b`", "`a`, `b` and `c`". */
export function codeList(names: readonly string[]): string {
  const quoted = names.map((n) => `\`${n}\``);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}

/** Column names of a table, including the three every table gets. */
export function allColumnNames(table: Table): readonly string[] {
  return ['id', ...table.columns.map((c) => c.name), 'created_at', 'updated_at'];
}

/** The table the contended write inserts into. */
export function contendedTable(domain: Domain): Table {
  return tableNamed(domain, domain.contendedWrite.table);
}

/** Where the contended write is sent: under its parent when it has one (`/events/:id/reservations`), otherwise its own collection. */
export function contendedRoute(domain: Domain): string {
  const table = contendedTable(domain);
  const rel = parentOf(domain, table);
  return rel ? `${itemRoute(rel.parent)}/${table.name}` : route(table);
}

/** A JSON body for the contended write: example values of the required columns, minus the parent key the path already carries. */
export function contendedBody(domain: Domain): string {
  const table = contendedTable(domain);
  const parentKey = parentOf(domain, table)?.column.name;
  const body: Record<string, string | number | boolean> = {};
  for (const c of requiredColumns(table)) if (c.name !== parentKey) body[c.name] = c.example;
  return JSON.stringify(body);
}

function nameWords(name: string): string[] {
  return name.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w !== '');
}

const GENERIC_DEPENDENCY_WORDS = new Set(['provider', 'service', 'api', 'gateway', 'server', 'client', 'system', 'platform']);

/** Environment variable prefix for the external dependency: `PAYMENT_PROVIDER` for "payment provider". */
export function dependencyEnvPrefix(domain: Domain): string {
  return nameWords(domain.dependency.name).join('_').toUpperCase();
}

/** File-name form of the dependency: `payment-provider`. */
export function dependencyKebab(domain: Domain): string {
  return nameWords(domain.dependency.name).join('-');
}

/** Short noun for the sub-resource that calls the dependency: `payment` for "payment provider". */
export function dependencySlug(domain: Domain): string {
  const words = nameWords(domain.dependency.name);
  const last = words[words.length - 1];
  if (words.length > 1 && last !== undefined && GENERIC_DEPENDENCY_WORDS.has(last)) words.pop();
  return words.join('-');
}

/** The route whose handler calls the dependency, on one row of the contended table: `/reservations/:id/payment`. */
export function dependencyRoute(domain: Domain): string {
  return `${itemRoute(contendedTable(domain))}/${dependencySlug(domain)}`;
}

/** A word with its indefinite article: "an event", "a venue", "a user". */
export function article(word: string): string {
  const an = /^(hour|honest|honor|[aeio]|u(?!ni|se|sa|su|ti|ri|ro|ku))/i.test(word);
  return `${an ? 'an' : 'a'} ${word}`;
}

/** The same text with its first letter in upper case. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A snake_case identifier as words for prose: `test_run` becomes "test run". Code identifiers keep their own spelling. */
export function words(identifier: string): string {
  return identifier.replace(/_/g, ' ');
}

/** Words joined for prose: "a", "a and b", "a, b and c". */
export function wordList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** What a value must satisfy to be stored in a column, in words: its CHECKs, enum, bounds and length. Empty when anything of its type goes. */
export function columnRules(table: Table, column: Column): readonly string[] {
  const rules: string[] = [];
  const mentions = new RegExp(`\\b${column.name}\\b`);
  for (const check of table.checks ?? []) if (mentions.test(check.sql)) rules.push(`satisfies \`${check.sql}\``);
  if (column.enum) rules.push(`is one of ${codeList(column.enum)}`);
  if (column.min !== undefined && column.max !== undefined) rules.push(`lies between ${column.min} and ${column.max}`);
  else if (column.min !== undefined) rules.push(`is at least ${column.min}`);
  else if (column.max !== undefined) rules.push(`is at most ${column.max}`);
  if (column.maxLength !== undefined) rules.push(`is at most ${column.maxLength} characters long`);
  return rules;
}

/** The rules for several columns of one table, for prose: "`a` satisfies ...; `b` lies between 1 and 50". Empty when none have rules. */
export function columnRulesText(table: Table, names: readonly string[]): string {
  const parts: string[] = [];
  for (const name of names) {
    const column = table.columns.find((c) => c.name === name);
    const rules = column ? columnRules(table, column) : [];
    if (rules.length > 0) parts.push(`\`${name}\` ${wordList(rules)}`);
  }
  return parts.join('; ');
}

/** A JSON create body from the example values of the required columns plus the named ones, even when those are optional. */
export function exampleBodyWith(
  table: Table,
  include: readonly string[],
  overrides: Readonly<Record<string, string | number | boolean>> = {},
): string {
  const body: Record<string, string | number | boolean> = {};
  for (const c of table.columns) if (include.includes(c.name) || (!c.nullable && c.default === undefined)) body[c.name] = c.example;
  return JSON.stringify({ ...body, ...overrides });
}

/**
 * The first required free-text column, primary resource first: validation refuses a blank value there,
 * the generated schema does not, so it is where the schema-design milestone adds a CHECK of the learner's own.
 */
export function blankableColumn(domain: Domain): { readonly table: Table; readonly column: Column } | undefined {
  return [primaryTable(domain), ...domain.tables]
    .flatMap((table) => table.columns.filter((c) => c.type === 'text' && !c.nullable && !c.enum && !c.references).map((column) => ({ table, column })))
    .at(0);
}

/** A package.json script as the project's package manager runs it: `pnpm incident start <id>`, `npm run incident -- start <id>`. */
export function runScript(pm: PackageManagerCommands, script: string, args = ''): string {
  return args === '' ? `${pm.run} ${script}` : `${pm.run} ${script}${pm.scriptArgs} ${args}`;
}

import { type Column, contendedBody, contendedTable, type Domain, parentOf, type Table } from '@create-backend-portfolio/core';
import { quote } from '../view/columns.js';
import { pascalCase } from '../view/names.js';
import type { ProjectView } from '../view/project.js';

/** A value as a TypeScript literal, written the way the rest of the check is: single quotes, spaces inside braces. */
function literal(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return quote(value);
  if (typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  const entries = Object.entries(value).map(([key, item]) => `${/^[A-Za-z_]\w*$/.test(key) ? key : quote(key)}: ${literal(item)}`);
  return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
}

/** The longest `Idempotency-Key` the milestone accepts: the contended table's own key column, or 255. */
export function idempotencyKeyMax(table: Table): number {
  return table.columns.find((column) => column.name === 'idempotency_key')?.maxLength ?? 255;
}

function column(table: Table, name: string): Column {
  const found = table.columns.find((candidate) => candidate.name === name);
  if (found === undefined) throw new Error(`table ${table.name} has no column ${name}`);
  return found;
}

/** `status <> 'cancelled'` as the column and the value that makes it false. Other predicates are not supported yet. */
function notEqualPredicate(sql: string): { column: string; value: string } {
  const match = /^(\w+) <> '([^']*)'$/.exec(sql);
  if (match === null) throw new Error(`unsupported predicate for the concurrency check: ${sql}`);
  return { column: match[1] as string, value: match[2] as string };
}

/** `returned_at IS NULL` as the column that, once set, makes the predicate false. */
function isNullPredicate(sql: string): string {
  const match = /^(\w+) IS NULL$/.exec(sql);
  if (match === null) throw new Error(`unsupported predicate for the concurrency check: ${sql}`);
  return match[1] as string;
}

/** A value that fits the column and differs from its example, for a body that differs in one field. */
function changedValue(table: Table, name: string): string {
  const { example, maxLength } = column(table, name);
  return `other-${String(example)}`.slice(0, maxLength ?? Infinity);
}

/** The contended write of the domain, as the concurrency check needs it. */
export function contendedView(view: ProjectView) {
  const domain: Domain = view.domain;
  const write = domain.contendedWrite;
  const table = contendedTable(domain);
  const rel = parentOf(domain, table);
  if (rel === undefined) throw new Error(`the contended table ${table.name} of ${domain.id} needs a parent for the concurrency check`);
  const parentKey = rel.column.name;
  const body = JSON.parse(contendedBody(domain)) as Record<string, string | number | boolean>;
  const contested = new Set(write.kind === 'counter' ? write.dedupeOn : write.kind === 'single-winner' ? write.collidesOn : []);
  const changeable = Object.keys(body).find((name) => {
    const candidate = column(table, name);
    return candidate.type === 'text' && candidate.enum === undefined && !contested.has(name);
  });
  if (changeable === undefined) throw new Error(`${table.name} needs a free-text column the concurrency check can change`);

  const capacity = write.kind === 'capacity' ? write : undefined;
  if (capacity !== undefined && capacity.limit.table !== rel.parent.name) throw new Error('the capacity limit must sit on the parent row');
  const amount = capacity?.amountColumn === undefined ? 1 : Number(body[capacity.amountColumn]);
  const singleWinner = write.kind === 'single-winner' ? write : undefined;
  const counter = write.kind === 'counter' ? write : undefined;
  if (counter !== undefined && !counter.counter.key.includes(parentKey)) throw new Error('the counter key must include the parent key');
  const distinct = (counter?.dedupeOn ?? []).filter((name) => name !== parentKey).map((name) => {
    const { type, example, maxLength } = column(table, name);
    if (type !== 'text') throw new Error(`the concurrency check varies text columns only, not ${name}`);
    return { name, example: String(example), maxLength: maxLength ?? 255 };
  });

  return {
    capacity: capacity !== undefined,
    singleWinner: singleWinner !== undefined,
    counter: counter !== undefined,
    table: table.name,
    Singular: pascalCase(table.singular),
    parent: { table: rel.parent.name, Singular: pascalCase(rel.parent.singular), key: parentKey },
    body: literal(body),
    change: literal({ field: changeable, value: changedValue(table, changeable) }),
    keyMax: idempotencyKeyMax(table),
    limit: literal(
      capacity === undefined
        ? null
        : {
            column: capacity.limit.column,
            amountColumn: capacity.amountColumn ?? null,
            amount,
            countsWhen: capacity.countsWhen ?? null,
            notCounting: capacity.countsWhen === undefined ? null : notEqualPredicate(capacity.countsWhen),
          },
    ),
    active: literal(
      singleWinner?.activeWhen === undefined
        ? null
        : (() => {
            const name = isNullPredicate(singleWinner.activeWhen);
            return { sql: singleWinner.activeWhen, column: name, value: column(table, name).example };
          })(),
    ),
    tally: literal(counter === undefined ? null : { table: counter.counter.table, column: counter.counter.column, distinct }),
  };
}

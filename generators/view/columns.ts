import type { Column, Table } from '@create-backend-portfolio/core';
import { string } from '../helpers.js';

/** A single-quoted JavaScript string literal. */
export const quote = (value: string) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

const zodEnum = (values: readonly string[]) => `z.enum([${values.map(quote).join(', ')}])`;

function literal(value: string | number | boolean): string {
  return typeof value === 'string' ? quote(value) : String(value);
}

/** One line of a knex `createTable` callback, as a senior engineer would write it. */
export function knexColumn(table: Table, column: Column): string {
  const parts: string[] = [];
  switch (column.type) {
    case 'uuid':
      parts.push(`table.uuid('${column.name}')`);
      break;
    case 'text':
      parts.push(column.maxLength === undefined ? `table.text('${column.name}')` : `table.string('${column.name}', ${column.maxLength})`);
      break;
    case 'integer':
      parts.push(`table.integer('${column.name}')`);
      break;
    case 'bigint':
      parts.push(`table.bigInteger('${column.name}')`);
      break;
    case 'numeric':
      parts.push(`table.decimal('${column.name}', 12, 2)`);
      break;
    case 'boolean':
      parts.push(`table.boolean('${column.name}')`);
      break;
    case 'date':
      parts.push(`table.date('${column.name}')`);
      break;
    case 'timestamptz':
      parts.push(`table.timestamp('${column.name}', { useTz: true })`);
      break;
  }
  parts.push(column.nullable === true ? '.nullable()' : '.notNullable()');
  if (column.default !== undefined) parts.push(`.defaultTo(${literal(column.default)})`);
  if (column.unique === true) parts.push(`.unique({ indexName: '${table.name}_${column.name}_unique' })`);
  if (column.enum !== undefined) {
    parts.push(`.checkIn([${column.enum.map(quote).join(', ')}], '${table.name}_${column.name}_check')`);
  }
  if (column.min !== undefined && column.max !== undefined) {
    parts.push(`.checkBetween([${column.min}, ${column.max}], '${table.name}_${column.name}_range')`);
  }
  if (column.references !== undefined) {
    parts.push(
      `.references('id').inTable('${column.references.table}').onDelete('${column.references.onDelete.toUpperCase()}')`,
      // PostgreSQL does not index foreign keys by itself; joins and cascades need it.
      '.index()',
    );
  }
  return `${parts.join('')};`;
}

/**
 * A table-level CHECK constraint. The predicate goes in double quotes only when it holds SQL literals (single
 * quotes), and a literal `?` is escaped because knex reads it as a binding.
 */
export function knexCheck(check: NonNullable<Table['checks']>[number]): string {
  return `table.check(${string(check.sql.replace(/\?/g, '\\?'))}, [], '${check.name}');`;
}

/** The zod schema for a column's value in a request body. */
export function zodSchema(column: Column): string {
  let schema: string;
  switch (column.type) {
    case 'uuid':
      schema = 'z.uuid()';
      break;
    case 'text':
      schema =
        column.enum !== undefined
          ? zodEnum(column.enum)
          : `z.string().trim().min(1)${column.maxLength === undefined ? '' : `.max(${column.maxLength})`}.refine(noNul, 'must not contain the NUL character')`;
      break;
    case 'integer':
    case 'bigint':
      schema = `z.number().int()${column.min === undefined ? '' : `.min(${column.min})`}${column.max === undefined ? '' : `.max(${column.max})`}`;
      break;
    case 'numeric':
      schema = `z.number()${column.min === undefined ? '' : `.min(${column.min})`}${column.max === undefined ? '' : `.max(${column.max})`}`;
      break;
    case 'boolean':
      schema = 'z.boolean()';
      break;
    case 'date':
      schema = 'z.iso.date()';
      break;
    case 'timestamptz':
      schema = 'z.iso.datetime({ offset: true }).transform((value) => new Date(value))';
      break;
  }
  return column.nullable === true ? `${schema}.nullable()` : schema;
}

/** The zod schema for a column's value in a response body: the stored value as JSON carries it. */
export function responseZod(column: Column): string {
  let schema: string;
  switch (column.type) {
    case 'uuid':
      schema = 'z.uuid()';
      break;
    case 'text':
      schema = column.enum !== undefined ? zodEnum(column.enum) : 'z.string()';
      break;
    case 'integer':
      schema = 'z.number().int()';
      break;
    case 'boolean':
      schema = 'z.boolean()';
      break;
    case 'timestamptz':
      schema = 'z.iso.datetime()';
      break;
    default:
      // date, and bigint/numeric, which pg returns as strings to keep precision
      schema = 'z.string()';
  }
  return column.nullable === true ? `${schema}.nullable()` : schema;
}

/** The TypeScript type of a column's value as `pg` returns it. */
export function tsType(column: Column): string {
  let type: string;
  switch (column.type) {
    case 'integer':
      type = 'number';
      break;
    case 'boolean':
      type = 'boolean';
      break;
    case 'timestamptz':
      type = 'Date';
      break;
    case 'text':
      type = column.enum === undefined ? 'string' : column.enum.map(quote).join(' | ');
      break;
    default:
      // uuid, date, and bigint/numeric (which pg returns as strings to keep precision)
      type = 'string';
  }
  return column.nullable === true ? `${type} | null` : type;
}

/** A JavaScript expression for a column's value in fixtures and seeds. */
export function valueLiteral(value: string | number | boolean | null): string {
  return value === null ? 'null' : literal(value);
}

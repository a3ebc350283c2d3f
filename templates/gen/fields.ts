import { GenError, snakeName } from './names.js';

/** What `--fields` accepts. Each type maps to one column type, one zod schema and one TypeScript type. */
const TYPES = ['text', 'integer', 'boolean'] as const;
type FieldType = (typeof TYPES)[number];

export interface Field {
  readonly name: string;
  readonly type: FieldType;
  /** Written `name:type?`: the column is nullable and may be left out on create. */
  readonly optional: boolean;
}

/** A required name and optional notes: enough for a resource to be listed, sorted, created and changed. */
export const DEFAULT_FIELDS = 'name:text,notes:text?';

// Every table gets these from the migration; a field may not redefine them.
const BUILT_IN = new Set(['id', 'created_at', 'updated_at']);

/** Parses `name:text,notes:text?,quantity:integer,active:boolean`. */
export function parseFields(spec: string): Field[] {
  const fields = spec
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part): Field => {
      const match = /^([^:]+):([a-z]+)(\??)$/.exec(part);
      if (match === null) throw new GenError(`"${part}" is not a field: write name:type, or name:type? for an optional one (types: ${TYPES.join(', ')}).`);
      const [, rawName = '', type = '', optional] = match;
      const name = snakeName(rawName, 'field name', 'name or due_date');
      if (!(TYPES as readonly string[]).includes(type)) throw new GenError(`Field "${name}" has type "${type}"; the types are ${TYPES.join(', ')}.`);
      if (BUILT_IN.has(name)) throw new GenError(`Field "${name}" is added to every table already: leave it out of --fields.`);
      return { name, type: type as FieldType, optional: optional === '?' };
    });
  const names = fields.map((field) => field.name);
  const repeated = names.find((name, index) => names.indexOf(name) !== index);
  if (repeated !== undefined) throw new GenError(`Field "${repeated}" is listed twice in --fields.`);
  if (!fields.some((field) => field.type === 'text' && !field.optional)) {
    // The generated tests sort, change and compare records by it.
    throw new GenError('--fields needs at least one required text field, for example name:text.');
  }
  return fields;
}

/** The first required text field: what lists sort by, what the update test changes, and what the TODO tests compare. */
export function keyField(fields: readonly Field[]): Field {
  return fields.find((field) => field.type === 'text' && !field.optional)!;
}

const nullable = (field: Field, code: string, suffix: string) => (field.optional ? `${code}${suffix}` : code);

export function knexColumn(field: Field): string {
  const builder = { text: 'text', integer: 'integer', boolean: 'boolean' }[field.type];
  return `table.${builder}('${field.name}')${field.optional ? '.nullable()' : '.notNullable()'};`;
}

/** The zod schema for the field in a request body: the same rules the scaffold's own resource uses. */
export function requestZod(field: Field): string {
  const schema = {
    text: "z.string().trim().min(1).refine(noNul, 'must not contain the NUL character')",
    integer: 'z.number().int()',
    boolean: 'z.boolean()',
  }[field.type];
  return nullable(field, schema, '.nullable()');
}

export function responseZod(field: Field): string {
  return nullable(field, { text: 'z.string()', integer: 'z.number().int()', boolean: 'z.boolean()' }[field.type], '.nullable()');
}

export function tsType(field: Field): string {
  return nullable(field, { text: 'string', integer: 'number', boolean: 'boolean' }[field.type], ' | null');
}

/** A valid value for the test fixtures, as code. */
export function exampleValue(field: Field, label: string): string {
  if (field.type === 'integer') return '1';
  if (field.type === 'boolean') return 'true';
  return `'Example ${label} ${field.name.replace(/_/g, ' ')}'`;
}

import pluralize from 'pluralize';

/** A refusal with a message meant for the person at the keyboard: printed as is, never with a stack. */
export class GenError extends Error {
  override readonly name = 'GenError';
}

/** Every spelling of a resource's name that the templates need, from `order_items` or `order-items`. */
export interface ResourceNames {
  /** snake_case plural: the table, the folder, the URL path. */
  readonly table: string;
  readonly label: string;
  readonly labelPlural: string;
  readonly Singular: string;
  readonly Plural: string;
  readonly camelSingular: string;
  readonly camelPlural: string;
}

const WORDS = /^[a-z][a-z0-9]*(?:[_-][a-z0-9]+)*$/;

// Identifiers the generated code declares from the name (`const widget = ...`) must not be reserved words.
const RESERVED = new Set(
  ('break case catch class const continue debugger default delete do else enum export extends false finally for function if ' +
    'implements import in instanceof interface let new null package private protected public return static super switch this ' +
    'throw true try typeof var void while with yield await arguments eval')
    .split(' '),
);

// Paths the app already serves outside `src/routes.ts`, and knex's own bookkeeping tables.
const TAKEN = new Set(['healthz', 'readyz', 'openapi', 'docs', 'knex_migrations', 'knex_migrations_lock']);

const pascal = (words: readonly string[]) => words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join('');
const camel = (words: readonly string[]) => {
  const joined = pascal(words);
  return joined[0]!.toLowerCase() + joined.slice(1);
};

/** Lowercase words joined by `_` (or `-`, which becomes `_`): the only names a table, a folder and a path all accept. */
export function snakeName(input: string, what: string, example: string): string {
  const value = input.trim();
  if (!WORDS.test(value)) {
    throw new GenError(
      `"${value}" is not a valid ${what}: use lowercase words joined by _ or -, starting with a letter (for example ${example}).`,
    );
  }
  return value.replace(/-/g, '_');
}

/** Checks a resource name and spells it every way the templates need. Existing names are checked by the caller. */
export function resourceNames(input: string): ResourceNames {
  if (input.trim() === '') throw new GenError('A resource needs a plural name, for example: gen resource widgets');
  const table = snakeName(input, 'resource name', 'widgets or order_items');
  if (TAKEN.has(table)) throw new GenError(`"${table}" is already used by the app itself: pick another name.`);
  const words = table.split('_');
  const last = words.at(-1)!;
  const singularLast = pluralize.singular(last);
  if (singularLast === last && pluralize.plural(last) === last) {
    throw new GenError(`"${table}" reads the same in singular and plural, so the generated code could not tell one from many: pick another name.`);
  }
  if (!pluralize.isPlural(last) || singularLast === last) {
    throw new GenError(`"${table}" is singular: resources are named in the plural, like their table and their path. Try "${[...words.slice(0, -1), pluralize.plural(last)].join('_')}".`);
  }
  const singular = [...words.slice(0, -1), singularLast];
  for (const identifier of [camel(singular), camel(words)]) {
    if (RESERVED.has(identifier)) {
      throw new GenError(`"${table}" would declare a variable named \`${identifier}\`, which JavaScript reserves: pick another name.`);
    }
  }
  return {
    table,
    label: singular.join(' '),
    labelPlural: words.join(' '),
    Singular: pascal(singular),
    Plural: pascal(words),
    camelSingular: camel(singular),
    camelPlural: camel(words),
  };
}

/** `Use PostgreSQL for everything` → `use-postgresql-for-everything`, for ADR file names. */
export function slug(title: string): string {
  return title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

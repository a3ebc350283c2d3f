import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { ActionType, PromptQuestion } from 'node-plop';
import { DEFAULT_FIELDS, exampleValue, type Field, keyField, knexColumn, parseFields, requestZod, responseZod, tsType } from './fields.js';
import { GenError, resourceNames, type ResourceNames, slug, snakeName } from './names.js';
import {
  ADR_DIR,
  ADR_TEMPLATE,
  adrs,
  MIGRATIONS_DIR,
  milestones,
  migrations,
  nextMigrationPrefix,
  readRequired,
  RESOURCES_DIR,
  resources,
  ROUTES_FILE,
  tables,
} from './project.js';

export type Answers = Record<string, unknown>;

/** One generator: its prompts (which are also its positional arguments, in order) and what it writes. */
export interface GenDefinition {
  readonly description: string;
  readonly usage: string;
  readonly prompts: readonly PromptQuestion[];
  /**
   * Checks the answers against the project and returns the actions that write the files. It throws a
   * GenError before anything is written, so a refusal never leaves half a resource behind.
   */
  plan(answers: Answers, root: string, now: Date): ActionType[];
}

const text = (answers: Answers, key: string) => String(answers[key] ?? '').trim();

// Comments in src/routes.ts that new resources are inserted above. Anchoring on them rather than on code keeps
// the edit exact whatever the file looks like around them.
const IMPORTS_MARKER = /^[ \t]*\/\/ gen:imports\b.*$/m;
const RESOURCES_MARKER = /^[ \t]*\/\/ gen:resources\b.*$/m;

function checkResourceName(root: string, value: string): ResourceNames {
  const names = resourceNames(value);
  if (resources(root).has(names.table)) {
    throw new GenError(`A resource named "${names.table}" already exists (${RESOURCES_DIR}/${names.table} or a path in ${ROUTES_FILE}): pick another name.`);
  }
  if (tables(root).has(names.table)) {
    throw new GenError(`A migration in ${MIGRATIONS_DIR} already creates a table named "${names.table}": pick another name.`);
  }
  return names;
}

/** Template paths name their parts `__table__` and `__migration__`; `.hbs` marks a template. */
function templateFiles(dir: string, relative = ''): string[] {
  const entries = readdirSync(path.join(dir, relative), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  return entries.flatMap((entry) => {
    const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
    return entry.isDirectory() ? templateFiles(dir, child) : [child];
  });
}

/** The data the resource templates read: the same shape the project's own resource was generated from. */
export function resourceData(names: ResourceNames, fields: readonly Field[], root: string) {
  const key = keyField(fields);
  const refs = milestones(root);
  const milestone = (id: string) => {
    const ref = refs[id];
    if (ref === undefined) throw new GenError(`gen/milestones.json has no milestone "${id}"; it is written when the project is created.`);
    return ref;
  };
  return {
    resource: {
      ...names,
      fields: fields.map((field) => ({
        name: field.name,
        zod: requestZod(field),
        responseZod: responseZod(field),
        tsType: tsType(field),
        optionalOnCreate: field.optional,
      })),
      filters: [],
      sortableList: `'${key.name}', 'created_at'`,
      defaultSort: 'created_at',
      requiredFields: fields.filter((field) => !field.optional).map((field) => field.name),
      foreignKey: false,
      hasUnique: false,
      hasFreeText: fields.some((field) => field.type === 'text'),
      patch: { field: key.name, value: `'Example ${names.label} ${key.name.replace(/_/g, ' ')} (updated)'` },
      enumFilter: false,
      fixtures: `${names.table}.fixtures`,
    },
    table: { name: names.table, columnLines: fields.map(knexColumn), uniqueLines: [], checkLines: [] },
    fixtures: [
      {
        table: names.table,
        label: names.label,
        Singular: names.Singular,
        camel: names.camelSingular,
        usesSequence: false,
        parents: [],
        values: fields.map((field) => ({ key: field.name, value: exampleValue(field, names.label) })),
      },
    ],
    anySequence: false,
    key: key.name,
    todo: { schemaDesign: milestone('schema-design'), indexes: milestone('indexes'), auth: milestone('auth') },
  };
}

const resource: GenDefinition = {
  description: 'a CRUD resource: migration, schema, repository, router, OpenAPI, tests and TODO tests',
  usage: `gen resource <plural-name> [--fields "${DEFAULT_FIELDS}"]`,
  prompts: [
    { type: 'input', name: 'name', message: 'Resource name, plural (widgets, order_items):' },
    { type: 'input', name: 'fields', message: 'Fields (name:type, name:type? if optional; text, integer, boolean):', default: DEFAULT_FIELDS },
  ],
  plan(answers, root, now) {
    const names = checkResourceName(root, text(answers, 'name'));
    const fields = parseFields(text(answers, 'fields') || DEFAULT_FIELDS);
    const routes = readRequired(root, ROUTES_FILE, 'new resources are registered there');
    for (const [marker, comment] of [
      [IMPORTS_MARKER, '// gen:imports'],
      [RESOURCES_MARKER, '// gen:resources'],
    ] as const) {
      if (!marker.test(routes)) {
        throw new GenError(`${ROUTES_FILE} has lost its "${comment}" comment, which marks where new resources go. Put it back (see the README, "Generators") and run this again.`);
      }
    }
    const data = resourceData(names, fields, root);
    const templates = path.join(root, 'gen/templates/resource');
    const migration = `${nextMigrationPrefix(root, now)}_create_${names.table}`;
    const adds = templateFiles(templates).map((relative): ActionType => ({
      type: 'add',
      path: path.join(root, relative.replace(/__table__/g, names.table).replace(/__migration__/g, migration).replace(/\.hbs$/, '')),
      templateFile: path.join(templates, relative),
      data,
      abortOnFail: true,
    }));
    const { table, Plural, camelPlural } = names;
    return [
      ...adds,
      {
        type: 'modify',
        path: path.join(root, ROUTES_FILE),
        pattern: IMPORTS_MARKER,
        template: `import { document${Plural} } from './resources/${table}/${table}.openapi.js';\nimport { ${camelPlural}Router } from './resources/${table}/${table}.router.js';\n$&`,
        abortOnFail: true,
      },
      {
        type: 'modify',
        path: path.join(root, ROUTES_FILE),
        pattern: RESOURCES_MARKER,
        template: `  { path: '/${table}', router: ${camelPlural}Router, document: document${Plural} },\n$&`,
        abortOnFail: true,
      },
    ];
  },
};

const migration: GenDefinition = {
  description: 'an empty reversible migration, numbered after the existing ones',
  usage: 'gen migration <snake_case_name>',
  prompts: [{ type: 'input', name: 'name', message: 'Migration name (add_due_date_to_widgets):' }],
  plan(answers, root, now) {
    const value = text(answers, 'name');
    if (value === '') throw new GenError('A migration needs a name, for example: gen migration add_due_date_to_widgets');
    const name = snakeName(value, 'migration name', 'add_due_date_to_widgets');
    const existing = migrations(root).find((file) => file.replace(/^\d+_/, '') === name);
    if (existing !== undefined) throw new GenError(`Migration ${MIGRATIONS_DIR}/${existing} already has the name "${name}": pick another name.`);
    return [
      {
        type: 'add',
        path: path.join(root, MIGRATIONS_DIR, `${nextMigrationPrefix(root, now)}_${name}.ts`),
        templateFile: path.join(root, 'gen/templates/migration.ts.hbs'),
        data: { name },
        abortOnFail: true,
      },
    ];
  },
};

const adr: GenDefinition = {
  description: 'the next numbered architecture decision record, from docs/adr/0000-template.md',
  usage: 'gen adr "<title>"',
  prompts: [{ type: 'input', name: 'title', message: 'Decision, in a few words:' }],
  plan(answers, root, now) {
    const title = text(answers, 'title').replace(/\s+/g, ' ');
    const name = slug(title);
    if (name === '') throw new GenError('An ADR needs a title with at least one letter or digit, for example: gen adr "Use PostgreSQL for everything"');
    const existing = adrs(root);
    const same = existing.find((file) => file.slice(5) === `${name}.md`);
    if (same !== undefined) throw new GenError(`${ADR_DIR}/${same} already records "${title}": supersede it with a new title instead.`);
    const number = String(Math.max(0, ...existing.map((file) => Number(file.slice(0, 4)))) + 1).padStart(4, '0');
    const content = readRequired(root, ADR_TEMPLATE, 'new records are copied from it')
      .replace(/^# .*$/m, `# ${number}. ${title}`)
      .replace(/^Copy this file to .*\n\n/m, '')
      .replace(/^Proposed \|.*$/m, 'Proposed')
      .replace(/^Date: .*$/m, `Date: ${now.toISOString().slice(0, 10)}`);
    // Written as is: the template is yours, and braces in it are text, not handlebars.
    return [{ type: 'add', path: path.join(root, ADR_DIR, `${number}-${name}.md`), template: '{{{content}}}', data: { content }, abortOnFail: true }];
  },
};

export const GENERATORS: Readonly<Record<string, GenDefinition>> = { resource, migration, adr };


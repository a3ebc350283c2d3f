import {
  type Assessment,
  assess,
  type Background,
  type BackgroundId,
  buildPlan,
  type Domain,
  findDomain,
  getBackground,
  PACKAGE_MANAGER_VERSIONS,
  type SeedValue,
  type Table,
} from '@create-backend-portfolio/core';
import type { DeployTargetId } from '../deploy/index.js';
import { knexCheck, knexColumn, responseZod, tsType, valueLiteral, zodSchema } from './columns.js';
import { camelCase, label, pascalCase } from './names.js';
import { buildFitView, type FitView } from './fit.js';
import { buildPlanView, type PlanView } from './plan.js';
import { type DependentView, dependentsView, parentLabel } from './references.js';

export type PackageManager = 'npm' | 'pnpm' | 'yarn' | 'bun';
export const PACKAGE_MANAGERS: readonly PackageManager[] = ['npm', 'pnpm', 'yarn', 'bun'];

/** Everything a person chose. The same answers always produce the same files. */
export interface ProjectAnswers {
  readonly projectName: string;
  readonly background: BackgroundId;
  readonly domain: string;
  readonly packageManager: PackageManager;
  /** Where the project is set up to deploy: which platform files and `docs/deploy.md` it gets. */
  readonly deploy: DeployTargetId;
  /** Study time, which dates the milestone plan. */
  readonly hoursPerWeek: number;
  /** The plan's first day, `YYYY-MM-DD`; the CLI defaults it to today, so nothing below reads the clock. */
  readonly startDate: string;
  /** A fit assessment's answers, which tune the plan and fill docs/fit-report.md. */
  readonly assessment?: Assessment;
  /** Whether to add `docs/mentor/`: a rubric and reference notes per milestone, for whoever reviews the work. */
  readonly mentor?: boolean;
}

export interface TableView {
  readonly name: string;
  readonly singular: string;
  readonly Singular: string;
  readonly migrationName: string;
  readonly columnLines: readonly string[];
  readonly uniqueLines: readonly string[];
  readonly checkLines: readonly string[];
}

export interface FieldView {
  readonly name: string;
  readonly zod: string;
  readonly responseZod: string;
  readonly tsType: string;
  readonly optionalOnCreate: boolean;
}

export interface ResourceView {
  readonly table: string;
  readonly label: string;
  readonly labelPlural: string;
  readonly Singular: string;
  readonly Plural: string;
  readonly camelSingular: string;
  readonly camelPlural: string;
  readonly fields: readonly FieldView[];
  readonly filters: readonly string[];
  readonly sortableList: string;
  readonly defaultSort: string;
  /** What the generated tests need to know to exercise the resource. */
  readonly requiredFields: readonly string[];
  readonly foreignKey: { readonly column: string; readonly label: string } | undefined;
  /** Tables whose rows keep a row of this one from being deleted (ON DELETE RESTRICT). */
  readonly dependents: readonly DependentView[];
  readonly hasUnique: boolean;
  /** Whether any field is free text, which needs the NUL-character check. */
  readonly hasFreeText: boolean;
  readonly patch: { readonly field: string; readonly value: string };
  readonly enumFilter: { readonly name: string; readonly match: string; readonly other: string } | undefined;
  /** The module in `test/support/` with the resource's test fixtures; `pnpm gen resource` writes one per resource. */
  readonly fixtures: string;
}

export interface PackageManagerView {
  readonly name: PackageManager;
  readonly install: string;
  /** Prefix to run a package.json script: `pnpm dev`, `npm run dev`. */
  readonly run: string;
  /** What goes between a script and its own options: npm keeps `--format` for itself unless `--` comes first. */
  readonly scriptArgs: string;
  /** The install CI and the milestone text use: it fails when the lockfile disagrees with package.json. */
  readonly frozenInstall: string;
}

export interface ProjectView {
  readonly answers: ProjectAnswers;
  readonly project: { readonly name: string; readonly dbName: string };
  readonly pm: PackageManagerView;
  readonly background: Background;
  readonly domain: Domain;
  readonly tables: readonly TableView[];
  readonly resource: ResourceView;
  /** Every resource `src/routes.ts` mounts: the primary one at generation, more as the learner adds them. */
  readonly resources: readonly ResourceView[];
  readonly plan: PlanView;
  readonly fit: FitView;
}

/**
 * bun's npm package carries the binary for the platform, so where an image or a CI runner has no bun,
 * npm installs the exact version `packageManager` names: one registry, checked against its integrity hash.
 */
export const BUN_FROM_NPM = `npm install --global bun@${PACKAGE_MANAGER_VERSIONS.bun}`;

const FROZEN_INSTALL: Readonly<Record<PackageManager, string>> = {
  npm: 'npm ci',
  pnpm: 'pnpm install --frozen-lockfile',
  yarn: 'yarn install --frozen-lockfile',
  bun: 'bun install --frozen-lockfile',
};

export function packageManagerView(name: PackageManager): PackageManagerView {
  return {
    name,
    install: name === 'yarn' ? 'yarn' : `${name} install`,
    run: name === 'npm' ? 'npm run' : name === 'bun' ? 'bun run' : name,
    scriptArgs: name === 'npm' ? ' --' : '',
    frozenInstall: FROZEN_INSTALL[name],
  };
}

function tableView(table: Table, index: number): TableView {
  return {
    name: table.name,
    singular: table.singular,
    Singular: pascalCase(table.singular),
    migrationName: `${String(index + 1).padStart(4, '0')}_create_${table.name}`,
    columnLines: table.columns.map((column) => knexColumn(table, column)),
    uniqueLines: (table.uniques ?? []).map(
      (columns) => `table.unique([${columns.map((c) => `'${c}'`).join(', ')}], { indexName: '${table.name}_${columns.join('_')}_unique' });`,
    ),
    checkLines: (table.checks ?? []).map(knexCheck),
  };
}

export function resourceView(domain: Domain, tableName: string): ResourceView {
  const table = domain.tables.find((candidate) => candidate.name === tableName);
  if (table === undefined) throw new Error(`domain ${domain.id} has no table ${tableName}`);
  // The primary resource's filters and sort keys come from the domain; any other table gets its enum and
  // foreign key columns as filters, and its first free-text column as a sort key.
  const primary = table.name === domain.primaryResource;
  const filterable = primary ? domain.filterable : table.columns.filter((c) => c.enum !== undefined || c.references !== undefined).map((c) => c.name);
  const sortable = primary
    ? domain.sortable
    : [...table.columns.filter((c) => c.type === 'text' && c.enum === undefined).slice(0, 1).map((c) => c.name), 'created_at'];
  const foreignKey = table.columns.find((column) => column.references !== undefined);
  return {
    table: table.name,
    label: label(table.singular),
    labelPlural: label(table.name),
    Singular: pascalCase(table.singular),
    Plural: pascalCase(table.name),
    camelSingular: camelCase(table.singular),
    camelPlural: camelCase(table.name),
    fields: table.columns.map((column) => ({
      name: column.name,
      zod: zodSchema(column),
      responseZod: responseZod(column),
      tsType: tsType(column),
      optionalOnCreate: column.default !== undefined || column.nullable === true,
    })),
    filters: filterable,
    requiredFields: table.columns.filter((c) => c.default === undefined && c.nullable !== true).map((c) => c.name),
    foreignKey: foreignKey?.references === undefined ? undefined : { column: foreignKey.name, label: parentLabel(domain, foreignKey.references.table) },
    dependents: dependentsView(domain, table.name),
    hasFreeText: table.columns.some((column) => column.type === 'text' && column.enum === undefined),
    hasUnique: (table.uniques ?? []).length > 0 || table.columns.some((column) => column.unique === true),
    patch: patchable(table),
    enumFilter: enumFilter(table, filterable),
    sortableList: sortable.map((column) => `'${column}'`).join(', '),
    defaultSort: sortable.includes('created_at') ? 'created_at' : (sortable[0] ?? 'created_at'),
    fixtures: 'fixtures',
  };
}

/** A field the tests can change with PATCH without breaking a constraint. */
function patchable(table: Table): { field: string; value: string } {
  const text = table.columns.find((c) => c.type === 'text' && c.enum === undefined && c.unique !== true && c.references === undefined);
  if (text !== undefined) return { field: text.name, value: `'${String(text.example)} (updated)'` };
  const number = table.columns.find((c) => c.type === 'integer' && c.unique !== true);
  if (number !== undefined) return { field: number.name, value: String(number.min ?? 1) };
  throw new Error(`table ${table.name} needs a plain text or integer column for the update test`);
}

function enumFilter(table: Table, filterable: readonly string[]) {
  const column = table.columns.find((c) => filterable.includes(c.name) && (c.enum?.length ?? 0) >= 2);
  const [match, other] = column?.enum ?? [];
  return column === undefined || match === undefined || other === undefined ? undefined : { name: column.name, match, other };
}

/**
 * Seed ids are fixed, so a foreign key can name its parent and every run of the seed
 * upserts the same rows instead of piling up copies.
 */
export function seedId(tableIndex: number, rowIndex: number): string {
  return `${(tableIndex + 1).toString(16).padStart(8, '0')}-0000-4000-8000-${(rowIndex + 1).toString(16).padStart(12, '0')}`;
}

export function seedValue(domain: Domain, value: SeedValue): string {
  if (value !== null && typeof value === 'object') {
    const parent = domain.tables.findIndex((table) => table.name === value.ref);
    if (parent < 0) throw new Error(`seed refers to unknown table ${value.ref}`);
    return `'${seedId(parent, value.index)}'`;
  }
  return valueLiteral(value);
}

export function buildProjectView(answers: ProjectAnswers): ProjectView {
  const domain = findDomain(answers.domain);
  if (domain === undefined) throw new Error(`unknown domain ${answers.domain}`);
  const background = getBackground(answers.background);
  const primary = resourceView(domain, domain.primaryResource);
  const report = answers.assessment === undefined ? undefined : assess(answers.assessment, background);
  const pm = packageManagerView(answers.packageManager);
  const plan = buildPlanView(
    buildPlan(background, domain, { hoursPerWeek: answers.hoursPerWeek, startDate: answers.startDate, tuning: report?.tuning, packageManager: pm }),
  );
  return {
    answers,
    project: { name: answers.projectName, dbName: answers.projectName.replace(/^@[^/]+\//, '').replace(/[^a-z0-9]+/g, '_') },
    pm,
    background,
    domain,
    tables: domain.tables.map(tableView),
    resource: primary,
    resources: [primary],
    plan,
    fit: buildFitView(report, background, plan),
  };
}

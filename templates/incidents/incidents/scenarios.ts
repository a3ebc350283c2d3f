import { readFileSync } from 'node:fs';
import path from 'node:path';

export type SymptomClass = 'errors' | 'latency' | 'inconsistency';
export type Measure = 'errorRate' | 'statementsPerRequest' | 'lostEdits';

export interface Scenario {
  readonly id: string;
  readonly symptom: SymptomClass;
  readonly title: string;
  readonly route: string;
  /** The symptom report, with `{measurement}` placeholders. */
  readonly report: string;
  /** The symptom is present while `measure` is above `above`: `start` reports it, `check` wants it gone. */
  readonly threshold: { readonly measure: Measure; readonly above: number };
  readonly hints: readonly string[];
  /** The fault, base64-encoded: `find` is the scaffold's code in `file`, `replace` the faulty code. */
  readonly fault: { readonly file: string; readonly find: string; readonly replace: string };
}

export interface EditableColumn {
  readonly name: string;
  readonly type: string;
  readonly example: string | number | boolean;
  readonly maxLength?: number;
  readonly min?: number;
  readonly max?: number;
  readonly enum?: readonly string[];
}

export interface DrillData {
  readonly resource: { readonly table: string; readonly singular: string; readonly path: string };
  /** SQL that fills the drill database: the primary table and its parents. */
  readonly fill: readonly string[];
  /** Two columns of the primary table that clients edit independently. */
  readonly editable: readonly EditableColumn[];
  readonly scenarios: readonly Scenario[];
}

/** The project root: this file lives in `incidents/`. */
export const ROOT = path.resolve(import.meta.dirname, '..');

export function loadDrills(): DrillData {
  return JSON.parse(readFileSync(path.join(ROOT, 'incidents', 'scenarios.json'), 'utf8')) as DrillData;
}

export function findScenario(data: DrillData, id: string | undefined): Scenario {
  const scenario = data.scenarios.find((candidate) => candidate.id === id);
  if (scenario === undefined) {
    throw new Error(`${id === undefined ? 'Name a scenario' : `There is no scenario "${id}"`}: one of ${data.scenarios.map((each) => each.id).join(', ')}.`);
  }
  return scenario;
}

export const decode = (text: string) => Buffer.from(text, 'base64').toString('utf8');

/** What a drill run measured; the CLI's `--json` prints it as is. */
export interface Measurements {
  readonly scenario: string;
  readonly seconds: number;
  readonly requests: number;
  /** Percent of requests answered with a 5xx status. */
  readonly errorRate: number;
  /** 95th percentile of response times, in milliseconds. */
  readonly p95: number;
  readonly statementsPerRequest: number;
  readonly edits: number;
  readonly lostEdits: number;
}

export const symptomPresent = (scenario: Scenario, measured: Measurements) => measured[scenario.threshold.measure] > scenario.threshold.above;

/** The report on-call gets: the scenario's text with the measurements filled in. */
export function symptomReport(scenario: Scenario, measured: Measurements): string {
  return scenario.report.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = (measured as unknown as Record<string, unknown>)[key];
    return typeof value === 'number' ? String(value) : whole;
  });
}

import type { Column, Domain, Table } from '../model.js';

/**
 * Incident drills: a realistic fault injected into the learner's own project, a load that makes it
 * visible, and a symptom report such as on-call would get. Pure data, so the generated CLI, the docs
 * and this repo's tests all describe a drill from the same source. The cause is here too, for the
 * docs of this repo and the known fixes; the generated CLI never prints it.
 */

/** How the incident shows itself to whoever is on call. */
export type SymptomClass = 'errors' | 'latency' | 'inconsistency';

export const INCIDENT_IDS = ['detail-errors', 'slow-list', 'lost-edits'] as const;
export type IncidentId = (typeof INCIDENT_IDS)[number];

/** What a drill measures, and the bound that separates "still broken" from "fixed". */
export interface IncidentThreshold {
  /** The measurement the bound applies to, as the drill's `--json` names it. */
  readonly measure: 'errorRate' | 'statementsPerRequest' | 'lostEdits';
  /** The symptom is present while the measurement is above this value. */
  readonly above: number;
}

export interface IncidentScenario {
  readonly id: IncidentId;
  readonly symptom: SymptomClass;
  /** The one line on-call sees in the alert list: what hurts, never why. */
  readonly title: string;
  /** The request the load sends and the report names, `GET /events/:id`. */
  readonly route: string;
  /**
   * The symptom report, with `{name}` placeholders for the drill's measurements: `{errorRate}`,
   * `{p95}`, `{requests}`, `{seconds}`, `{statementsPerRequest}`, `{lostEdits}`, `{edits}`.
   */
  readonly report: string;
  readonly threshold: IncidentThreshold;
  /** Hints from vague to nearly the answer, one per `incident hint`. */
  readonly hints: readonly string[];
  /** The cause, for this repo's docs and fixes only. */
  readonly cause: string;
}

const primary = (domain: Domain): Table => {
  const table = domain.tables.find((candidate) => candidate.name === domain.primaryResource);
  if (table === undefined) throw new Error(`domain ${domain.id} has no primary table ${domain.primaryResource}`);
  return table;
};

/** Columns a CHECK constraint or a unique key ties to others: editing them alone could be refused. */
function tiedColumns(table: Table): Set<string> {
  const tied = new Set<string>((table.uniques ?? []).flat());
  for (const check of table.checks ?? []) for (const column of table.columns) if (check.sql.includes(column.name)) tied.add(column.name);
  return tied;
}

/**
 * Two columns of the primary table that two clients can edit independently, for the lost-edits drill:
 * free text first, then numbers, timestamps and enums; never a key, a unique column or a checked one.
 */
export function independentColumns(domain: Domain): readonly [Column, Column] {
  const table = primary(domain);
  const tied = tiedColumns(table);
  const free = table.columns.filter((column) => column.references === undefined && column.unique !== true && !tied.has(column.name));
  const rank = (column: Column) => {
    if (column.enum !== undefined) return 4;
    return column.type === 'text' ? (column.nullable === true ? 1 : 0) : column.type === 'integer' ? 2 : column.type === 'timestamptz' ? 3 : 9;
  };
  const [first, second] = free.filter((column) => rank(column) < 9).sort((a, b) => rank(a) - rank(b));
  if (first === undefined || second === undefined) throw new Error(`domain ${domain.id}: ${table.name} needs two independently editable columns for the lost-edits drill`);
  return [first, second];
}

/** Every drill, adapted to the domain's primary resource. */
export function incidentScenarios(domain: Domain): readonly IncidentScenario[] {
  const table = primary(domain);
  const path = `/${table.name}`;
  const [first, second] = independentColumns(domain);
  return [
    {
      id: 'detail-errors',
      symptom: 'errors',
      title: `GET ${path}/:id starts failing with 500s a few seconds into normal traffic`,
      route: `GET ${path}/:id`,
      report: `5xx rate {errorRate}% on GET ${path}/:id over {seconds} s ({requests} requests); p95 latency {p95} ms. Some lookups are for ids that do not exist.`,
      threshold: { measure: 'errorRate', above: 1 },
      hints: [
        'Read the error log lines of one failing request (search the log for its request id). What is the error, and is it about your SQL or about getting to the database at all?',
        'The first requests succeed and then nearly everything fails, even requests that worked a moment ago. What runs out, rather than breaks?',
        `Compare the paths through the ${table.singular} lookup: one for an id that exists, one for an id that does not. Does every path give back what it borrowed?`,
        'A transaction holds a pooled connection until it is committed or rolled back. Find the early return that does neither.',
      ],
      cause: `findById opens a transaction and returns early, without commit or rollback, when no ${table.singular} has the id: each miss keeps a pooled connection until the pool is empty and every query times out waiting for one.`,
    },
    {
      id: 'slow-list',
      symptom: 'latency',
      title: `GET ${path} got slow after a refactor; the database is much busier than the traffic explains`,
      route: `GET ${path}?limit=100`,
      report: `p95 latency {p95} ms on GET ${path}?limit=100 over {seconds} s ({requests} requests); the database runs {statementsPerRequest} statements per request.`,
      threshold: { measure: 'statementsPerRequest', above: 5 },
      hints: [
        'Set LOG_LEVEL=debug and request one page: every statement the app runs is logged with the request id. Count them.',
        'How does the number of statements change with ?limit=10 and ?limit=100?',
        `Look at how the ${table.name} list builds its page: how many round trips to the database does one page take?`,
        'One query per row of the page is an N+1 query. Fetch the whole page in one statement.',
      ],
      cause: `the ${table.name} list fetches the page's ids and then each row with its own query: an N+1 query, one statement per row.`,
    },
    {
      id: 'lost-edits',
      symptom: 'inconsistency',
      title: `Users report that edits to ${table.name} sometimes vanish, although the API answered 200`,
      route: `PATCH ${path}/:id`,
      report: `{lostEdits} of {edits} edits to ${table.name} were lost over {seconds} s: PATCH ${path}/:id answered 200, yet a read right after showed the old ${first.name} or ${second.name}.`,
      threshold: { measure: 'lostEdits', above: 0 },
      hints: [
        'Reproduce it: send two PATCH requests at once to the same id, one changing each field, then read the row back. Does it always keep both?',
        'Follow both requests in the log by their request ids: which statements does each run, and in which order do they interleave?',
        `What does the ${table.singular} update write: only the fields the client sent, or the whole row as it was read a moment before?`,
        'Read-modify-write without a lock loses the other writer\'s change. Update only the columns in the request, in one statement (or lock the row).',
      ],
      cause: `update reads the whole ${table.singular}, merges the changes in memory and writes every column back: a concurrent edit of another field is overwritten with the stale value (a lost update).`,
    },
  ];
}

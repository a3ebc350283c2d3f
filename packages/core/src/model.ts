/**
 * The typed model behind everything the CLI prints and every file it writes.
 * Pure data: nothing here touches the file system, the network or the clock.
 */

export const BACKGROUND_IDS = [
  'cs-grad',
  'self-taught',
  'frontend',
  'fullstack',
  'data-engineer',
  'devops-sre',
  'qa',
  'it-sysadmin',
] as const;
export type BackgroundId = (typeof BACKGROUND_IDS)[number];

export const MILESTONE_IDS = [
  'orientation',
  'first-endpoint',
  'schema-design',
  'indexes',
  'testing',
  'auth',
  'concurrency',
  'failure-modes',
  'observability',
  'containers',
  'ci-cd',
  'deploy',
] as const;
export type MilestoneId = (typeof MILESTONE_IDS)[number];

/** How a background should treat a milestone. */
export type Emphasis = 'deep' | 'standard' | 'fast-track';

/** Something the person already knows, mapped to the backend idea it becomes. */
export interface ConceptBridge {
  readonly known: string;
  readonly backend: string;
  /** One or two sentences on how the first helps with the second, and where the analogy breaks. */
  readonly explanation: string;
  /** The milestone where this bridge is used. */
  readonly milestone: MilestoneId;
}

export interface Background {
  readonly id: BackgroundId;
  readonly name: string;
  /** One paragraph, second person, on where this person starts. */
  readonly summary: string;
  readonly strengths: readonly string[];
  /** The specific gaps for this path, most important first. */
  readonly gaps: readonly string[];
  readonly bridges: readonly ConceptBridge[];
  /** Milestones not listed here are 'standard'. */
  readonly emphasis: Partial<Record<MilestoneId, Emphasis>>;
  /** Per-milestone advice that only makes sense for this background. */
  readonly notes: Partial<Record<MilestoneId, string>>;
  /** Milestones this background should reach earlier than the default order, as far as dependencies allow. */
  readonly pullForward: readonly MilestoneId[];
  readonly suggestedDomains: readonly string[];
  /** The milestone doc to open first after scaffolding. */
  readonly firstMilestone: MilestoneId;
}

export interface Milestone {
  readonly id: MilestoneId;
  readonly number: number;
  readonly slug: string;
  readonly title: string;
  readonly goal: string;
  readonly whyItMatters: string;
  readonly tasks: readonly string[];
  /** Where to look for evidence, for milestones about debugging a running service. */
  readonly howToLook?: readonly string[];
  /** Each criterion is what the automated check verifies; `tests` says what is sent and what is expected. */
  readonly acceptance: readonly AcceptanceCriterion[];
  readonly stretch: readonly string[];
  readonly review: {
    readonly correctness: readonly string[];
    readonly edgeCases: readonly string[];
    readonly maintainability: readonly string[];
  };
  readonly talkingPoints: readonly string[];
  readonly estimateHours: number;
  /** Milestones that must come before this one. */
  readonly dependsOn: readonly MilestoneId[];
}

export interface AcceptanceCriterion {
  readonly id: string;
  readonly statement: string;
  /** What the check sends, in words. */
  readonly sends: string;
  /** What the check expects back, in words. */
  readonly expects: string;
}

export type ColumnType = 'uuid' | 'text' | 'integer' | 'bigint' | 'numeric' | 'boolean' | 'date' | 'timestamptz';

export interface Column {
  readonly name: string;
  readonly type: ColumnType;
  readonly nullable?: boolean;
  readonly unique?: boolean;
  /** Maximum length for text columns; also enforced by validation. */
  readonly maxLength?: number;
  /** Inclusive bounds for numeric columns; enforced by a CHECK constraint and by validation. */
  readonly min?: number;
  readonly max?: number;
  /** Allowed values for a text column; a CHECK constraint and a zod enum. */
  readonly enum?: readonly string[];
  readonly default?: string | number | boolean;
  readonly references?: { readonly table: string; readonly onDelete: 'cascade' | 'restrict' | 'set null' };
  /** A realistic example value, used in docs, seeds and OpenAPI examples. */
  readonly example: string | number | boolean;
}

export interface Table {
  readonly name: string;
  /** Singular, for type and function names: `venue` for `venues`. */
  readonly singular: string;
  readonly description: string;
  /** Columns other than id, created_at and updated_at, which every table gets. */
  readonly columns: readonly Column[];
  /** Composite unique constraints, by column names. */
  readonly uniques?: readonly (readonly string[])[];
  /** Table-level CHECK constraints as SQL, with a name. */
  readonly checks?: readonly { readonly name: string; readonly sql: string }[];
}

/** What every contended write has, whatever kind of race it is. */
interface ContendedWriteBase {
  /** A gerund phrase: "reserving the last seats of an event". */
  readonly summary: string;
  /** The table the contended request inserts into. */
  readonly table: string;
  /** A few sentences on how the race happens and what the right outcome is. */
  readonly scenario: string;
}

/**
 * Several requests may win, up to a limit held on the parent row: seats on an event.
 * Winners per parent: as many as the remaining limit allows.
 */
export interface CapacityWrite extends ContendedWriteBase {
  readonly kind: 'capacity';
  /** The column on the parent table that holds the limit: `seats_total` on `events`. */
  readonly limit: { readonly table: string; readonly column: string };
  /** The column on the contended row that uses up the limit (`seats`); absent when each row uses one. */
  readonly amountColumn?: string;
  /** SQL predicate for rows that still count against the limit (`status <> 'cancelled'`); absent when every row counts. */
  readonly countsWhen?: string;
}

/**
 * Exactly one request wins per collision key: one acknowledgement per incident, one open checkout per asset.
 * Winners per key: one; every other request is 409.
 */
export interface SingleWinnerWrite extends ContendedWriteBase {
  readonly kind: 'single-winner';
  /** Columns of the contended table on which two requests collide: `asset_id`. */
  readonly collidesOn: readonly string[];
  /** SQL predicate for rows that still block a new one (`returned_at IS NULL`); absent when any existing row blocks. */
  readonly activeWhen?: string;
}

/**
 * Each distinct row is stored once and counted once into an aggregate row: events into hourly rollups.
 * Winners: one per distinct dedupe key; the counter grows by exactly the number of winners, however many arrive together.
 */
export interface CounterWrite extends ContendedWriteBase {
  readonly kind: 'counter';
  /** Columns of the contended table that identify a duplicate: `source_id`, `event_key`. */
  readonly dedupeOn: readonly string[];
  /** The aggregate row each stored row increments, and the columns that pick that row. */
  readonly counter: { readonly table: string; readonly column: string; readonly key: readonly string[] };
}

export type ContendedWrite = CapacityWrite | SingleWinnerWrite | CounterWrite;
export type ContendedWriteKind = ContendedWrite['kind'];

export interface Domain {
  readonly id: string;
  readonly name: string;
  /** One line for lists and prompts. */
  readonly tagline: string;
  /** A paragraph for the README: what the service does and for whom. */
  readonly pitch: string;
  /** Tables in creation order: a table only references tables before it. */
  readonly tables: readonly Table[];
  /** The table that gets the complete CRUD resource at generation time. */
  readonly primaryResource: string;
  /** Columns of the primary resource a client may filter and sort the list by. */
  readonly filterable: readonly string[];
  readonly sortable: readonly string[];
  /** The write that two requests race for. */
  readonly contendedWrite: ContendedWrite;
  /** The external service the app calls, for the failure-modes milestone. */
  readonly dependency: {
    readonly name: string;
    readonly purpose: string;
    readonly degradation: string;
    /**
     * The column of the contended table that records a successful call: an enum column moved to `done`
     * (pending is its default), or, without `done`, a nullable timestamp set when the call succeeded.
     */
    readonly outcome: { readonly column: string; readonly done?: string };
  };
  /** The list query that needs an index once the table is large. */
  readonly hotList: {
    readonly table: string;
    readonly route: string;
    readonly query: string;
    readonly index: readonly string[];
  };
  /** Seed rows per table name. A foreign key names its parent row by position: `{ ref: 'venues', index: 0 }`. */
  readonly seeds: Readonly<Record<string, readonly SeedRow[]>>;
}

export type SeedValue = string | number | boolean | null | { readonly ref: string; readonly index: number };
export type SeedRow = Readonly<Record<string, SeedValue>>;

/**
 * How the project's package manager spells the commands milestone text gives. Plain strings, filled in by
 * whoever knows the package manager (the generators' `packageManagerView`), so core never needs to.
 */
export interface PackageManagerCommands {
  /** `npm`, `pnpm`, `yarn` or `bun`. */
  readonly name: string;
  /** What runs a package.json script: `pnpm`, `npm run`, `yarn`, `bun run`. */
  readonly run: string;
  /** What goes between a script and its own arguments: ` --` for npm, which keeps options for itself otherwise; empty for the others. */
  readonly scriptArgs: string;
  /** The install that fails when the lockfile disagrees with package.json: `npm ci`, `pnpm install --frozen-lockfile`. */
  readonly frozenInstall: string;
}

/** pnpm's commands: the CLI's default package manager, for plans printed without a project (`plan`, `assess`). */
export const PNPM_COMMANDS: PackageManagerCommands = { name: 'pnpm', run: 'pnpm', scriptArgs: '', frozenInstall: 'pnpm install --frozen-lockfile' };

/** What milestone text is written against: the person's background, their project's domain and its package manager. */
export interface MilestoneContext {
  readonly background: Background;
  readonly domain: Domain;
  readonly pm: PackageManagerCommands;
}

/** A milestone is written once, as a function of the context, so the domain's tables and routes are woven into it. */
export type MilestoneDefinition = (ctx: MilestoneContext) => Milestone;

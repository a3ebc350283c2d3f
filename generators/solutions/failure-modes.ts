import { article, contendedTable, dependencyEnvPrefix, dependencyKebab, dependencyRoute, dependencySlug } from '@create-backend-portfolio/core';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { failureView } from '../milestones/failure-modes.view.js';
import { camelCase, pascalCase } from '../view/names.js';
import type { ProjectView } from '../view/project.js';
import { type MilestoneSolution, mutate, type ProjectReader, renderer, type SolutionFile } from './kit.js';

/** The solution's tests, as templates mirroring where they land in the project. */
const TESTS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'failure-modes/test');

/** Names the solution's files and identifiers use, all derived from the domain's dependency and contended table. */
function names(view: ProjectView) {
  const { domain } = view;
  const table = contendedTable(domain);
  const kebab = dependencyKebab(domain);
  const slug = dependencySlug(domain);
  const prefix = dependencyEnvPrefix(domain);
  return {
    dependency: domain.dependency.name,
    table: table.name,
    singular: table.singular,
    outcome: domain.dependency.outcome,
    route: dependencyRoute(domain),
    clientFile: `src/clients/${kebab}.ts`,
    clientFromApp: `./clients/${kebab}.js`,
    clientFromRouter: `../../clients/${kebab}.js`,
    routerFile: `src/resources/${table.name}/${slug}.router.ts`,
    routerModule: `./resources/${table.name}/${slug}.router.js`,
    routerName: `${camelCase(slug.replace(/-/g, '_'))}Router`,
    Client: `${pascalCase(kebab.replace(/-/g, '_'))}Client`,
    createClient: `create${pascalCase(kebab.replace(/-/g, '_'))}Client`,
    client: camelCase(kebab.replace(/-/g, '_')),
    kebab,
    slug,
    urlVar: `${prefix}_URL`,
    timeoutVar: `${prefix}_TIMEOUT_MS`,
    cooldownVar: `${prefix}_BREAKER_COOLDOWN_MS`,
  };
}

const RETRY = `/** How often, and how patiently, a call is retried. */
export interface RetryPolicy {
  readonly attempts: number;
  readonly baseMs: number;
  readonly capMs: number;
}

/** Time as the retry loop sees it, so tests can replace both the clock and the waiting. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** One attempt's result: final (success or an error a retry cannot fix), or transient and worth another try. */
export type AttemptResult<T> = { readonly final: T } | { readonly transient: string; readonly retryAfterMs?: number };

export interface RetryOptions {
  readonly policy: RetryPolicy;
  /** Epoch milliseconds after which no attempt starts and no wait ends. */
  readonly deadline: number;
  /** The longest a single attempt may take; the last one gets whatever is left before the deadline. */
  readonly attemptTimeoutMs: number;
  readonly clock: Clock;
  readonly random: () => number;
}

/**
 * Full jitter: a random wait between zero and the exponential step. Clients that failed together
 * then retry at different moments instead of hitting a recovering service in one wave.
 */
export function backoffMs(retry: number, policy: RetryPolicy, random: () => number): number {
  return Math.floor(random() * Math.min(policy.capMs, policy.baseMs * 2 ** (retry - 1)));
}

/**
 * Runs \`attempt\` until it gives a final result, the attempts run out, or the next wait would cross
 * the deadline. Gives back the final result, or the reason the last transient attempt failed.
 */
export async function withRetries<T>(
  attempt: (timeoutMs: number) => Promise<AttemptResult<T>>,
  { policy, deadline, attemptTimeoutMs, clock, random }: RetryOptions,
): Promise<{ readonly final: T } | { readonly gaveUp: string }> {
  let reason = 'the deadline had passed before the first attempt';
  for (let number = 1; number <= policy.attempts; number += 1) {
    const remaining = deadline - clock.now();
    if (remaining <= 0) break;
    const result = await attempt(Math.min(attemptTimeoutMs, remaining));
    if ('final' in result) return result;
    reason = result.transient;
    if (number === policy.attempts) break;
    // A Retry-After from the server wins over our own schedule, as long as it fits the deadline.
    const wait = Math.max(backoffMs(number, policy, random), result.retryAfterMs ?? 0);
    if (clock.now() + wait >= deadline) break;
    await clock.sleep(wait);
  }
  return { gaveUp: reason };
}
`;

const BREAKER = `export type BreakerState = 'closed' | 'open' | 'half-open';

export interface BreakerOptions {
  /** Consecutive failed requests that open the breaker. */
  readonly failureThreshold: number;
  /** How long the breaker stays open before it lets one trial request through. */
  readonly cooldownMs: number;
  readonly now: () => number;
  readonly onChange: (from: BreakerState, to: BreakerState) => void;
}

/**
 * A circuit breaker for one dependency, per process. While open it answers "no" at once, so a dead
 * dependency costs nothing but a log line; after the cooldown exactly one trial request decides
 * whether it closes again.
 */
export class CircuitBreaker {
  private state: BreakerState = 'closed';
  private failures = 0;
  private openedAt = 0;
  private trialInFlight = false;

  constructor(private readonly options: BreakerOptions) {}

  /** Whether a request may go out now. In half-open, only the one trial may. */
  tryAcquire(): boolean {
    if (this.state === 'open') {
      if (this.options.now() - this.openedAt < this.options.cooldownMs) return false;
      this.moveTo('half-open');
    }
    if (this.state === 'half-open') {
      if (this.trialInFlight) return false;
      this.trialInFlight = true;
    }
    return true;
  }

  /** Milliseconds until the breaker lets a trial through; zero unless it is open. */
  remainingCooldownMs(): number {
    if (this.state !== 'open') return 0;
    return Math.max(0, this.openedAt + this.options.cooldownMs - this.options.now());
  }

  recordSuccess(): void {
    this.trialInFlight = false;
    this.failures = 0;
    if (this.state !== 'closed') this.moveTo('closed');
  }

  recordFailure(): void {
    this.trialInFlight = false;
    this.failures += 1;
    if (this.state === 'half-open' || (this.state === 'closed' && this.failures >= this.options.failureThreshold)) {
      this.openedAt = this.options.now();
      this.moveTo('open');
    }
  }

  private moveTo(next: BreakerState): void {
    const previous = this.state;
    this.state = next;
    this.options.onChange(previous, next);
  }
}
`;

function client(view: ProjectView): string {
  const n = names(view);
  return `import { z } from 'zod';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { CircuitBreaker } from './circuit-breaker.js';
import { type AttemptResult, type Clock, systemClock, withRetries } from './retry.js';

/** What one request to the ${n.dependency} came to, after retries. */
export type CallOutcome =
  | { readonly kind: 'done'; readonly reference: string }
  /** The ${n.dependency} answered and refused: our request is wrong, and sending it again will not help. */
  | { readonly kind: 'rejected'; readonly status: number }
  /** No usable answer: slow, down, or the breaker is open. The outcome is unknown, so the caller keeps the work for later. */
  | { readonly kind: 'unavailable'; readonly reason: string; readonly retryAfterSeconds: number };

export interface ${n.Client} {
  send(call: { readonly idempotencyKey: string; readonly body: unknown; readonly deadline: number }): Promise<CallOutcome>;
}

/** Statuses a second attempt can fix; any other 4xx is final, and so is a 500 (a bug on their side, not a blip). */
const TRANSIENT_STATUSES = new Set([429, 502, 503, 504]);
const POLICY = { attempts: 3, baseMs: 100, capMs: 1_000 };
const FAILURES_TO_OPEN = 5;
/** The hint sent to our own callers when the ${n.dependency} failed but the breaker is still closed. */
const RETRY_HINT_SECONDS = 5;

const accepted = z.object({ id: z.string().min(1) });

function retryAfterMs(header: string | null): number | undefined {
  if (header === null) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1_000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

const unavailable = (reason: string, retryAfterSeconds = RETRY_HINT_SECONDS): CallOutcome => ({ kind: 'unavailable', reason, retryAfterSeconds });

/**
 * The only module that talks to the ${n.dependency}. Every attempt has its own timeout, transient
 * failures are retried with jittered backoff inside the caller's deadline, and a circuit breaker
 * stops calling altogether while it keeps failing.
 */
export function ${n.createClient}(
  config: Pick<Config, '${n.urlVar}' | '${n.timeoutVar}' | '${n.cooldownVar}'>,
  logger: Logger,
  { clock = systemClock, random = Math.random }: { clock?: Clock; random?: () => number } = {},
): ${n.Client} {
  const breaker = new CircuitBreaker({
    failureThreshold: FAILURES_TO_OPEN,
    cooldownMs: config.${n.cooldownVar},
    now: () => clock.now(),
    onChange: (from, to) => logger.warn({ dependency: '${n.dependency}', from, to }, 'circuit breaker changed state'),
  });

  async function attempt(url: string, idempotencyKey: string, body: unknown, timeoutMs: number): Promise<AttemptResult<CallOutcome>> {
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      // A timeout or a broken connection: the ${n.dependency} may have acted, which is why the key stays the same.
      // By name, not instanceof: the abort is a DOMException, which is not always this realm's Error (under jest, say).
      const timedOut = typeof error === 'object' && error !== null && 'name' in error && error.name === 'TimeoutError';
      return { transient: timedOut ? \`no answer within \${timeoutMs} ms\` : 'connection failed' };
    }
    if (response.ok) {
      const parsed = accepted.safeParse(await response.json().catch(() => undefined));
      return { final: parsed.success ? { kind: 'done', reference: parsed.data.id } : unavailable('an answer in an unexpected shape') };
    }
    await response.body?.cancel();
    if (TRANSIENT_STATUSES.has(response.status)) {
      return { transient: \`status \${response.status}\`, retryAfterMs: retryAfterMs(response.headers.get('retry-after')) };
    }
    if (response.status >= 500) return { final: unavailable(\`status \${response.status}\`) };
    return { final: { kind: 'rejected', status: response.status } };
  }

  return {
    async send({ idempotencyKey, body, deadline }) {
      const baseUrl = config.${n.urlVar};
      if (baseUrl === undefined) return unavailable('${n.urlVar} is not set');
      if (!breaker.tryAcquire()) {
        return unavailable('the circuit breaker is open', Math.max(1, Math.ceil(breaker.remainingCooldownMs() / 1_000)));
      }
      const url = new URL('/calls', baseUrl).toString();
      const result = await withRetries((timeoutMs) => attempt(url, idempotencyKey, body, timeoutMs), {
        policy: POLICY,
        deadline,
        attemptTimeoutMs: config.${n.timeoutVar},
        clock,
        random,
      });
      const outcome = 'final' in result ? result.final : unavailable(result.gaveUp);
      // A refusal is an answer: the ${n.dependency} is healthy, so only "unavailable" counts against it.
      if (outcome.kind === 'unavailable') breaker.recordFailure();
      else breaker.recordSuccess();
      if (outcome.kind === 'unavailable') logger.warn({ dependency: '${n.dependency}', reason: outcome.reason }, 'dependency call failed');
      return outcome;
    },
  };
}
`;
}

function router(view: ProjectView): string {
  const n = names(view);
  const { column, done } = n.outcome;
  const isDone = done === undefined ? `row.${column} !== null` : `row.${column} === '${done}'`;
  const settle = done === undefined ? `{ ${column}: db.fn.now(), updated_at: db.fn.now() }` : `{ ${column}: '${done}', updated_at: db.fn.now() }`;
  const expressPath = n.route;
  const words = n.singular.replace(/_/g, ' ');
  return `import { Router } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import type { ${n.Client} } from '${n.clientFromRouter}';
import { HttpError } from '../../http/problem.js';
import { parse } from '../../http/validate.js';

/** The whole request, retries and waits included, fits in this; our own callers give up at about 3 seconds. */
const REQUEST_BUDGET_MS = 2_500;

const params = z.object({ id: z.uuid() });

type Row = Record<string, unknown>;

/**
 * \`POST ${expressPath}\`: calls the ${n.dependency} for one ${words} and records a success on the row.
 * While the ${n.dependency} is slow or down, the ${words} stays as it is and the answer is 202 with a
 * Retry-After; a later request settles it with the same idempotency key.
 */
export function ${n.routerName}({ db, ${n.client} }: { db: Knex; ${n.client}: ${n.Client} }): Router {
  const router = Router();

  router.post('${expressPath}', async (req, res) => {
    const deadline = Date.now() + REQUEST_BUDGET_MS;
    const { id } = parse(params, req.params, 'params');
    const row = (await db('${n.table}').where({ id }).first()) as Row | undefined;
    if (row === undefined) throw HttpError.notFound(\`No ${words} has id \${id}.\`);
    // Already settled: calling again would only repeat a side effect the key already protects.
    if (${isDone}) {
      res.json(row);
      return;
    }

    const outcome = await ${n.client}.send({ idempotencyKey: \`${n.singular}-\${id}\`, body: { ${n.singular}_id: id }, deadline });
    switch (outcome.kind) {
      case 'done': {
        const [updated] = (await db('${n.table}').where({ id }).update(${settle}, '*')) as Row[];
        res.json(updated);
        return;
      }
      case 'rejected':
        // The ${n.dependency} answered and said no: a retry cannot fix it, so this is a bad gateway, not an outage.
        throw new HttpError(502, 'dependency-rejected', \`The ${n.dependency} refused the request with status \${outcome.status}.\`);
      case 'unavailable':
        res.status(202).set('Retry-After', String(outcome.retryAfterSeconds)).json(row);
        return;
    }
  });

  return router;
}
`;
}

/** Inserts \`text\` after the last import statement. */
function afterImports(source: string, text: string, what: string): string {
  const imports = [...source.matchAll(/^import [^;]+;\n/gm)];
  const last = imports[imports.length - 1];
  if (last === undefined) throw new Error(`failure-modes solution: no import to insert after in ${what}`);
  const end = last.index + last[0].length;
  return `${source.slice(0, end)}${text}${source.slice(end)}`;
}

async function patches(view: ProjectView, read: ProjectReader): Promise<SolutionFile[]> {
  const n = names(view);

  const config = mutate(
    await read('src/config.ts'),
    /^( *)READINESS_TIMEOUT_MS: .*\n/m,
    '$&' +
      `$1${n.urlVar}: z.url({ protocol: /^https?$$/ }).optional(),\n` +
      `$1${n.timeoutVar}: z.coerce.number().int().min(1).default(1_000),\n` +
      `$1${n.cooldownVar}: z.coerce.number().int().min(0).default(30_000),\n` +
      '$1DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(1).default(5_000),\n' +
      '$1DB_ACQUIRE_TIMEOUT_MS: z.coerce.number().int().min(1).default(2_000),\n',
    'the dependency and database timeouts in the config',
  );

  const app = mutate(
    afterImports(
      await read('src/app.ts'),
      `import { ${n.createClient} } from '${n.clientFromApp}';\n` +
        `import { ${n.routerName} } from '${n.routerModule}';\n`,
      'src/app.ts',
    ),
    /^( *)app\.use\(apiRouter\(/m,
    '$1// One client, and so one circuit breaker, per app: each test and each process starts closed.\n' +
      `$1app.use(${n.routerName}({ db, ${n.client}: ${n.createClient}(config, logger) }));\n$&`,
    'mount the dependency route',
  );

  const database = mutate(
    mutate(
      await read('src/db/database.ts'),
      "return knex({ client: 'pg', connection: config.DATABASE_URL, pool: { min: 0, max: 10 } });",
      `return knex({
      client: 'pg',
      // Sent when each pooled connection opens, so no query on it can run (or wait for a lock) forever.
      connection: { connectionString: config.DATABASE_URL, statement_timeout: config.DB_STATEMENT_TIMEOUT_MS },
      pool: { min: 0, max: 10 },
      // knex waits 60 s for a free connection by default; far past the point where the caller gave up.
      acquireConnectionTimeout: config.DB_ACQUIRE_TIMEOUT_MS,
    });`,
      'statement and acquire timeouts on the pool',
    ),
    "Pick<Config, 'DATABASE_URL' | 'PGLITE_DIR'>",
    "Pick<Config, 'DATABASE_URL' | 'PGLITE_DIR' | 'DB_STATEMENT_TIMEOUT_MS' | 'DB_ACQUIRE_TIMEOUT_MS'>",
    'the pool settings createDatabase reads',
  );

  const busy = `
/** The database did not answer in time: a temporary condition, so 503 and the client may retry. */
const databaseBusy = () => new HttpError(503, 'database-busy', 'The database did not answer in time; retry in a moment.');
`;
  const databaseErrors = mutate(
    mutate(
      mutate(
        await read('src/http/database-errors.ts'),
        /\n\/\*\*\n \* Maps constraint violations/,
        `${busy}$&`,
        'the database-busy error',
      ),
      /^( *)if \(!isPostgresError\(error\)\) return undefined;\n/m,
      "$1// The pool stayed empty until knex's acquire timeout: the database is saturated, not the request wrong.\n" +
        "$1if (error instanceof Error && error.name === 'KnexTimeoutError') return databaseBusy();\n$&",
      'the acquire timeout as 503',
    ),
    /^( *)default:\n( *)return undefined;/m,
    "$1case '57014': // statement_timeout canceled the query\n$1case '55P03': // lock_timeout\n$2return databaseBusy();\n$&",
    'the statement timeout as 503',
  );

  const errorHandler = mutate(
    await read('src/http/error-handler.ts'),
    /^( *)res\n( *)\.status\(httpError\.status\)/m,
    "$1// A 503 is temporary by definition: say when a retry is worth it.\n$1if (httpError.status === 503) res.set('Retry-After', '1');\n$&",
    'Retry-After on a 503',
  );

  return [
    { relative: 'src/config.ts', content: config },
    { relative: 'src/app.ts', content: app },
    { relative: 'src/db/database.ts', content: database },
    { relative: 'src/http/database-errors.ts', content: databaseErrors },
    { relative: 'src/http/error-handler.ts', content: errorHandler },
  ];
}

/**
 * Tests for every path the client and the route can take, against a local stub of the dependency and a
 * clock the test moves by hand: retries, Retry-After, timeouts, the breaker, the 202 and the 502.
 */
async function tests(view: ProjectView): Promise<SolutionFile[]> {
  const n = names(view);
  const render = renderer();
  const data = { ...n, ...failureView(view), expressRoute: n.route, words: n.singular.replace(/_/g, ' '), aWords: article(n.singular.replace(/_/g, ' ')) };
  const test = async (template: string, relative: string) => ({ relative, content: await render(path.join(TESTS_DIR, template), data) });
  return Promise.all([
    test('support/http-stub.ts.hbs', 'test/support/http-stub.ts'),
    test('client.test.ts.hbs', `test/${n.kebab}.test.ts`),
    test('route.test.ts.hbs', `test/${n.slug}.test.ts`),
  ]);
}

/**
 * Failure modes: a client for the domain's dependency with per-attempt timeouts, jittered retries of
 * transient errors only, a stable idempotency key and a circuit breaker; the route that calls it and
 * degrades to 202; and a database bounded by statement and acquire timeouts that map to 503.
 */
const solution: MilestoneSolution = {
  async files(view, _templatesDir, read) {
    const n = names(view);
    return [
      { relative: 'src/clients/retry.ts', content: RETRY },
      { relative: 'src/clients/circuit-breaker.ts', content: BREAKER },
      { relative: n.clientFile, content: client(view) },
      { relative: n.routerFile, content: router(view) },
      ...(await patches(view, read)),
      ...(await tests(view)),
    ];
  },
  mistakes: [
    {
      name: 'unbounded retries: ten attempts and no overall deadline, so an outage holds every request for seconds',
      fails: ['failure-modes.dependency-timeout', 'failure-modes.bounded-retries'],
      async edit(view, read) {
        const { clientFile } = names(view);
        let content = mutate(await read(clientFile), 'attempts: 3,', 'attempts: 10,', this.name);
        content = mutate(content, /^( *)deadline,\n/m, '$1deadline: Number.POSITIVE_INFINITY,\n', this.name);
        return [{ relative: clientFile, content }];
      },
    },
    {
      name: 'every error status is retried, a 400 included, so a request the dependency refused is sent three times',
      fails: ['failure-modes.bounded-retries'],
      async edit(view, read) {
        const { clientFile } = names(view);
        const content = mutate(await read(clientFile), 'if (TRANSIENT_STATUSES.has(response.status)) {', 'if (!response.ok) {', this.name);
        return [{ relative: clientFile, content }];
      },
    },
    {
      name: 'no timeout on the call: fetch waits for a hanging dependency as long as it takes',
      fails: ['failure-modes.dependency-timeout'],
      async edit(view, read) {
        const { clientFile } = names(view);
        return [{ relative: clientFile, content: mutate(await read(clientFile), /^ *signal: AbortSignal\.timeout\(timeoutMs\),\n/m, '', this.name) }];
      },
    },
    {
      name: 'a new circuit breaker for every call, so it never sees the failures before it and never opens',
      fails: ['failure-modes.circuit-breaker'],
      async edit(view, read) {
        const { clientFile } = names(view);
        const perCall = 'const newBreaker = () => new CircuitBreaker({';
        let content = mutate(await read(clientFile), 'const breaker = new CircuitBreaker({', perCall, this.name);
        content = mutate(content, /^( *)if \(!breaker\.tryAcquire\(\)\) \{/m, '$1const breaker = newBreaker();\n$&', this.name);
        return [{ relative: clientFile, content }];
      },
    },
    {
      name: 'a statement timeout, but the canceled query falls through to a 500',
      fails: ['failure-modes.slow-database'],
      async edit(_view, read) {
        const relative = 'src/http/database-errors.ts';
        return [{ relative, content: mutate(await read(relative), /^ *case '57014':.*\n/m, '', this.name) }];
      },
    },
  ],
};

export default solution;

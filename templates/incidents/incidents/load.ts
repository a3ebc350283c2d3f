import { randomUUID } from 'node:crypto';
import type { DrillData, EditableColumn } from './scenarios.js';

/**
 * The traffic of a drill: a few clients on loopback, each sending one request after another until
 * the window closes, with plain `fetch`. Every response is timed and its status kept.
 */
export interface Sample {
  readonly status: number;
  readonly ms: number;
}

export interface LoadOptions {
  readonly base: string;
  readonly until: number;
  readonly clients: number;
  readonly headers: Record<string, string>;
}

async function timed(url: string, init: RequestInit = {}): Promise<Sample & { body: unknown }> {
  const started = performance.now();
  const response = await fetch(url, init);
  const text = await response.text();
  const ms = performance.now() - started;
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON (an HTML error page, say): kept as text.
  }
  return { status: response.status, ms, body };
}

async function clients(count: number, client: (index: number) => Promise<void>): Promise<void> {
  await Promise.all(Array.from({ length: count }, (_, index) => client(index)));
}

/** Lookups by id, every other one for an id that does not exist, as clients with stale links send. */
export async function lookups(options: LoadOptions, ids: readonly string[], path: string): Promise<Sample[]> {
  const samples: Sample[] = [];
  await clients(options.clients, async (client) => {
    for (let n = client; Date.now() < options.until; n += options.clients) {
      const id = n % 2 === 0 ? ids[n % ids.length] : randomUUID();
      samples.push(await timed(`${options.base}${path}/${id}`, { headers: options.headers }));
    }
  });
  return samples;
}

/** Pages of the list, the largest page the API serves. */
export async function pages(options: LoadOptions, path: string): Promise<Sample[]> {
  const samples: Sample[] = [];
  await clients(options.clients, async () => {
    while (Date.now() < options.until) samples.push(await timed(`${options.base}${path}?limit=100`, { headers: options.headers }));
  });
  return samples;
}

/** A value for `column` that edit number `n` sends: unique per edit, except for an enum's few values. */
export function editValue(column: EditableColumn, n: number): string | number {
  if (column.enum !== undefined) return column.enum[n % column.enum.length] ?? String(column.example);
  switch (column.type) {
    case 'integer':
    case 'bigint':
    case 'numeric': {
      const min = column.min ?? 0;
      const span = Math.min((column.max ?? min + 1000) - min + 1, 1000);
      return min + ((n * 7 + 3) % span);
    }
    case 'timestamptz':
      return new Date(Date.UTC(2027, 0, 1) + n * 3_600_000).toISOString();
    default: {
      const suffix = ` #${n}`;
      return `${String(column.example).slice(0, (column.maxLength ?? 200) - suffix.length)}${suffix}`;
    }
  }
}

const same = (column: EditableColumn, sent: unknown, stored: unknown) =>
  column.type === 'timestamptz' ? Date.parse(String(sent)) === Date.parse(String(stored)) : sent === stored;

/**
 * Two clients edit the same row at the same moment, each a different field, and a read afterwards
 * checks that both edits stuck. Every race uses its own row. Returns the samples and the lost edits.
 */
export async function editRaces(options: LoadOptions, ids: readonly string[], data: DrillData): Promise<{ samples: Sample[]; edits: number; lost: number }> {
  const [first, second] = data.editable;
  if (first === undefined || second === undefined) throw new Error('scenarios.json names fewer than two editable columns');
  const samples: Sample[] = [];
  let edits = 0;
  let lost = 0;
  let next = 0;
  const json = { ...options.headers, 'content-type': 'application/json' };
  await clients(options.clients, async () => {
    while (Date.now() < options.until && next < ids.length) {
      const n = next;
      next += 1;
      const url = `${options.base}${data.resource.path}/${ids[n]}`;
      const a = editValue(first, n);
      const b = editValue(second, n);
      const answers = await Promise.all([
        timed(url, { method: 'PATCH', headers: json, body: JSON.stringify({ [first.name]: a }) }),
        timed(url, { method: 'PATCH', headers: json, body: JSON.stringify({ [second.name]: b }) }),
      ]);
      samples.push(...answers);
      if (answers.some((answer) => answer.status !== 200)) {
        throw new Error(`PATCH ${data.resource.path}/:id answered ${answers.map((answer) => answer.status).join(' and ')}, not 200: the drill needs the scaffold's update route.`);
      }
      const read = await timed(url, { headers: options.headers });
      samples.push(read);
      const row = read.body as Record<string, unknown>;
      edits += 2;
      if (!same(first, a, row[first.name])) lost += 1;
      if (!same(second, b, row[second.name])) lost += 1;
    }
  });
  return { samples, edits, lost };
}

/**
 * Headers for writes: none while writes are open; once the auth milestone puts them behind credentials,
 * a drill user registers and logs in, as the milestone's contract describes.
 */
export async function writeHeaders(base: string, path: string): Promise<Record<string, string>> {
  const probe = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  if (probe.status !== 401) return {};
  const user = { email: `drill-${randomUUID()}@example.com`, password: `drill-${randomUUID()}` };
  const post = (route: string) => fetch(`${base}${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(user) });
  const registered = await post('/auth/register');
  if (registered.status !== 201) throw new Error(`Writes need credentials, and POST /auth/register answered ${registered.status}, not 201.`);
  const login = await post('/auth/login');
  const body = (await login.json()) as { token?: unknown };
  if (typeof body.token === 'string') return { authorization: `Bearer ${body.token}` };
  const cookies = login.headers.getSetCookie().map((cookie) => cookie.split(';')[0]);
  return { cookie: cookies.join('; ') };
}

/** The 95th percentile of the response times, in whole milliseconds. */
export function p95(samples: readonly Sample[]): number {
  if (samples.length === 0) return 0;
  const sorted = samples.map((sample) => sample.ms).sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? 0);
}

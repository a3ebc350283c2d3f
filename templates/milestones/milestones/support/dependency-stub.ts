import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

/** One request the stub received, as the check inspects it: when, what, and with which headers. */
export interface StubCall {
  /** Milliseconds on the check's monotonic clock when the request arrived. */
  readonly at: number;
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly idempotencyKey: string | undefined;
  readonly body: string;
}

/**
 * What the stub does with one request. A reply with a status answers (after `delayMs`, if given);
 * `hang` accepts the request and never answers; `drop` closes the connection without an answer.
 */
export type StubReply =
  | { readonly status: number; readonly body?: unknown; readonly headers?: Readonly<Record<string, string>>; readonly delayMs?: number }
  | { readonly hang: true }
  | { readonly drop: true };

/** Decides the reply to one call. */
export type StubScript = (call: StubCall) => StubReply;

export interface DependencyStub {
  /** Base URL the app is configured with. */
  readonly url: string;
  /** Every request received, in arrival order. */
  readonly calls: StubCall[];
  /** Replaces how the stub answers from now on. */
  script(next: StubScript): void;
  /** Calls carrying one idempotency key, in arrival order. */
  callsFor(key: string | undefined): StubCall[];
  /** Stops listening and cuts open connections, so the next attempt is refused. */
  stop(): Promise<void>;
}

export const answer = (status: number, body?: unknown): StubReply => ({ status, body });

/**
 * A local stand-in for the domain's external dependency, on 127.0.0.1 and a free port. The check
 * scripts every reply, so it can inject latency, errors, hangs and refused connections, and it
 * records every request so the check can count attempts and measure the waits between them.
 */
export async function startDependencyStub(initial: StubScript = () => answer(200, { id: 'ok' })): Promise<DependencyStub> {
  let current = initial;
  const calls: StubCall[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const callsFor = (key: string | undefined) => calls.filter((call) => call.idempotencyKey === key);

  const send = (res: ServerResponse, reply: { status: number; body?: unknown; headers?: Readonly<Record<string, string>> }) => {
    const payload = reply.body === undefined ? '' : JSON.stringify(reply.body);
    res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
    res.end(payload);
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const key = req.headers['idempotency-key'];
      const call: StubCall = {
        at: performance.now(),
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        idempotencyKey: Array.isArray(key) ? key.join(',') : key,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      calls.push(call);
      const reply = current(call);
      if ('hang' in reply) return;
      if ('drop' in reply) {
        req.socket.destroy();
        return;
      }
      if (reply.delayMs === undefined) {
        send(res, reply);
        return;
      }
      const timer = setTimeout(() => {
        timers.delete(timer);
        send(res, reply);
      }, reply.delayMs);
      timers.add(timer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    callsFor,
    script(next) {
      current = next;
    },
    async stop() {
      for (const timer of timers) clearTimeout(timer);
      if (!server.listening) return;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

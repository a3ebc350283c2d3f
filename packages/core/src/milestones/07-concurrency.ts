import type { MilestoneDefinition } from '../model.js';
import { article, contendedBody, contendedRoute, contendedTable, parentOf } from './text.js';

export const concurrency: MilestoneDefinition = ({ domain }) => {
  const write = domain.contendedWrite;
  const table = contendedTable(domain);
  const rel = parentOf(domain, table);
  const parentName = rel?.parent.name ?? table.name;
  const parentSingular = rel?.parent.singular ?? table.singular;
  const path = contendedRoute(domain);
  const concretePath = path.replace(':id', `<${parentSingular} id>`);
  const body = contendedBody(domain);
  const keyColumn = table.columns.find((c) => c.name === 'idempotency_key');
  const keyMax = keyColumn?.maxLength ?? 255;
  const keyTask = keyColumn
    ? `\`${table.name}.idempotency_key\` already exists and is unique. Add a \`request_hash\` column next to it in a new reversible migration ` +
      '(a SHA-256 of the method, path and canonical JSON body), so a reused key with a different body can be told apart from a genuine retry.'
    : `Write a reversible migration that adds \`idempotency_key\` (text, nullable, unique) and \`request_hash\` to \`${table.name}\`, ` +
      'or a separate `idempotency_keys` table holding the key, the request hash, the response status and body, and an expiry.';

  return {
    id: 'concurrency',
    number: 7,
    slug: 'concurrency',
    title: 'The last unit, and safe retries',
    goal:
      `Make ${write.summary} correct under real concurrency. ${write.scenario} ` +
      `The same \`POST ${path}\` sent twice with one \`Idempotency-Key\` must create one row and return the same answer both times.`,
    whyItMatters:
      'Most concurrency bugs never show up on a laptop, where requests arrive one at a time. They show up on the busiest day of the ' +
      'year, as a customer support queue full of people who were all told they got the same thing. The fix is rarely clever code; it is ' +
      'knowing which guarantees the database gives you and which it does not, and putting the rule where it cannot be skipped. ' +
      'Retries make it worse: mobile clients, load balancers and your own job queue all resend requests, so every write that matters ' +
      'has to be safe to receive twice. Teams trust engineers who can explain exactly why a write cannot double up.',
    tasks: [
      `Reproduce the bug before fixing it. Write a test in \`test/\` that creates ${article(parentSingular)} with room for one more ${table.singular}, ` +
        `fires 20 \`POST ${path}\` requests with \`Promise.all\`, and asserts exactly one 201. Run it against a real PostgreSQL through ` +
        '`DATABASE_URL`: the embedded PGlite serves one session at a time, so every request is serialized and a race test there always passes.',
      `Implement \`POST ${path}\` in \`src/resources/${table.name}/\` inside one transaction, passing \`trx\` to every query. Pick one strategy and ` +
        `write down why in \`docs/decisions/concurrency.md\`: (a) a single conditional UPDATE on \`${parentName}\` that only succeeds while capacity ` +
        'remains (a remaining-capacity column, `... WHERE id = ? AND remaining >= ? RETURNING id`; zero rows means 409); (b) `SELECT ... FOR UPDATE` on the ' +
        `${parentSingular} row, then count the ${table.name} that still hold capacity and insert or refuse; (c) SERIALIZABLE isolation with a ` +
        'bounded retry on SQLSTATE 40001.',
      'Back the strategy with a constraint the database enforces on its own: a CHECK that a remaining counter never goes below zero, or a ' +
        `partial unique index when only one active ${table.singular} per ${parentSingular} is allowed. If application code has a bug, the ` +
        'constraint turns an oversell into an error instead of bad data.',
      `Answer "nothing left" as 409 problem+json with its own \`type\`, different from the 409 for a duplicate unique key, so a client can ` +
        'tell "sold out" from "you already did this". Never answer 500 for a lost race, and never sleep-and-retry inside the request to hide one.',
      `${keyTask} Read the \`Idempotency-Key\` header (optional, at most ${keyMax} characters, validated with zod), store it in the same ` +
        'transaction as the write, and on a repeat return the stored row with the original status instead of writing again.',
      'Handle two requests with the same key arriving together without a check-then-insert: let the unique index decide. The second insert ' +
        'waits for the first transaction, fails with 23505, and your code then reads the committed row and replays it. A key reused with a ' +
        'different body is 422 problem+json.',
      'In the decision record, explain the isolation level you run at. PostgreSQL defaults to READ COMMITTED, where two transactions can ' +
        'both read "one left" and both insert; REPEATABLE READ does not stop that when the rows being inserted are new; SERIALIZABLE does, at ' +
        'the price of aborts you must retry.',
    ],
    acceptance: [
      {
        id: 'concurrency.last-unit-race',
        statement: `When more requests arrive at once than there is room for, exactly the right number succeed and the rest get 409.`,
        sends:
          `Five rounds. Each round inserts a fresh ${parentSingular}, and ${table.name} for it, directly in the database so exactly K more requests ` +
          `of the body below fit (K is 1 in the first round, then 2 to 5 where the domain allows more than one). It then sends 20 ` +
          `\`POST ${concretePath}\` requests at the same moment with the body \`${body}\`, each with its own ` +
          '`Idempotency-Key`, split across two instances of your app started against the same database so a lock kept in process memory ' +
          'does not help. If the route answers 401 without credentials, the check logs in a test user first.',
        expects:
          `In every round exactly K responses are 201 with the created ${table.singular} and the other 20 minus K are 409 ` +
          'application/problem+json with `status` 409; no response is 5xx. In the database the round produced exactly K new rows, ' +
          `every 201's \`id\` is one of them, and the ${parentSingular}'s ${table.name} never hold more than its capacity.`,
      },
      {
        id: 'concurrency.independent-rows',
        statement: `Locking is per ${parentSingular}: a busy one does not stall writes to another one.`,
        sends:
          `From its own connection, opens a transaction and locks one ${parentSingular} with \`SELECT ... FOR UPDATE\`, holding it for 3 seconds. ` +
          `Meanwhile it sends \`POST ${concretePath}\` for a different ${parentSingular} that has room, with a fresh \`Idempotency-Key\`.`,
        expects:
          'The write for the other row is 201 in under 500 ms, measured by the check, while the lock is still held. ' +
          'A table-level lock or a single global mutex fails this.',
      },
      {
        id: 'concurrency.idempotent-retry',
        statement: 'Sending the same request twice with the same key creates one row and returns the same response.',
        sends:
          `\`POST ${concretePath}\` with \`Idempotency-Key: <random uuid>\` and the body \`${body}\`, then the identical request again. ` +
          'Then, with a second fresh key, 10 identical copies sent at the same moment.',
        expects:
          'The two sequential answers have the same status (201) and the same JSON body, including the same `id`; the database holds one row ' +
          'for that key. For the 10 concurrent copies the database gains exactly one row; at least one answer is 201, and every answer is ' +
          'either that same 201 body or 409 application/problem+json saying a request with this key is still being processed.',
      },
      {
        id: 'concurrency.idempotency-key-misuse',
        statement: 'A key reused for a different request, or a malformed key, is refused without writing anything.',
        sends:
          `After a successful \`POST ${concretePath}\` with key K, sends the same key K with a body that differs in one field; then a request whose ` +
          `\`Idempotency-Key\` is ${keyMax + 1} characters long; then a request with an empty \`Idempotency-Key\` header.`,
        expects:
          'The reused key with a different body is 422 application/problem+json. The over-long and the empty key are 400 ' +
          `application/problem+json. The row count of \`${table.name}\` does not change across the three requests.`,
      },
    ],
    stretch: [
      'Run the race with each strategy in turn (conditional UPDATE, FOR UPDATE, SERIALIZABLE with retry) under autocannon at 50 connections, ' +
        'and record the median and 99th percentile latency and the 409 rate side by side in the decision record.',
      'Expire idempotency records after 24 hours with a scheduled cleanup, and decide what a client that retries after expiry should get.',
      `Let pending ${table.name} expire: one that is not completed within 10 minutes gives its capacity back, without a race between the ` +
        'expiry job and a late request that completes it.',
      'Scope idempotency keys to the authenticated user, so two users who happen to pick the same key never see each other\'s responses.',
    ],
    review: {
      correctness: [
        'The capacity rule is enforced by one atomic statement, a row lock, or SERIALIZABLE with retry, never by a read followed by an unguarded write.',
        'Every query in the transaction uses `trx`; a stray query on the root connection runs outside the transaction and sees other data.',
        'The idempotency record is written in the same transaction as the row, so a crash cannot leave one without the other.',
        'A constraint in the schema backs the application logic, and its violation maps to 409, not 500.',
      ],
      edgeCases: [
        `A request that asks for more than the ${parentSingular} could ever hold, and one for ${article(parentSingular)} that does not exist (404, not 409).`,
        'A retry that arrives while the original request is still running, and one that arrives after it failed with a 5xx.',
        'SERIALIZABLE aborts (40001) and deadlocks (40P01) are retried a bounded number of times, then answered as 503 with `Retry-After`.',
      ],
      maintainability: [
        'The decision record names the chosen strategy, the two rejected ones, and the load at which the choice would change.',
        'Idempotency handling is one reusable piece (middleware or helper), not copied into each handler.',
        'The race test is deterministic in its assertions and repeats enough rounds to fail reliably when the guard is removed.',
      ],
    },
    talkingPoints: [
      `I made ${write.summary} a single conditional statement (or a row lock) instead of read-then-write. Under READ COMMITTED two requests can both read "one left"; the database has to make the decision, because it is the only component that sees both.`,
      'I backed it with a constraint. The constraint alone would also prevent the oversell, but it turns the losing request into an error I have to translate; the guard in the query gives a clean 409 and the constraint catches my own bugs.',
      'I avoided SERIALIZABLE as the default: it is the simplest to reason about, but every conflict becomes an abort and a retry, which costs latency exactly when traffic peaks. A row lock queues writers on the same row and leaves other rows alone.',
      'Idempotency keys let clients retry safely. The subtle part is two copies arriving together; I let the unique index arbitrate instead of checking first, because a check-then-insert has the same race as the original bug.',
      'I tested it against real PostgreSQL with two app instances. A single-connection test database serializes everything and an in-memory lock only protects one process, so either would have hidden the bug.',
    ],
    estimateHours: 12,
    dependsOn: ['schema-design', 'testing'],
  };
};

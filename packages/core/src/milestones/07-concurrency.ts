import type { AcceptanceCriterion, ContendedWrite, Domain, MilestoneDefinition, Table } from '../model.js';
import { article, capitalize, codeList, contendedBody, contendedRoute, contendedTable, parentOf, runScript, tableNamed, words } from './text.js';

/** The parts of milestone 7 that depend on what kind of race the domain's contended write is. */
interface RaceText {
  readonly rule: string;
  readonly reproduce: string;
  readonly strategies: string;
  readonly constraint: string;
  readonly conflict: string;
  readonly readCommitted: string;
  /** Where a request that should win is sent, so earlier rounds do not stand in its way. */
  readonly fresh: string;
  /** Another parent row the race does not touch. */
  readonly otherOwner: string;
  readonly race: readonly AcceptanceCriterion[];
  readonly stretch: readonly string[];
  readonly guardReview: string;
  readonly edgeCase: string;
  readonly guardTalkingPoint: string;
  readonly constraintTalkingPoint: string;
}

interface RaceContext {
  readonly domain: Domain;
  readonly table: Table;
  readonly parent: Table | undefined;
  readonly parentKey: string | undefined;
  readonly path: string;
  readonly concretePath: string;
  readonly body: string;
}

const TWO_INSTANCES =
  'split across two instances of your app started against the same database so a lock kept in process memory does not help. ' +
  'If the route answers 401 without credentials, the check logs in a test user first.';

function raceText(write: ContendedWrite, ctx: RaceContext): RaceText {
  const { table, parent, path, concretePath, body } = ctx;
  const row = words(table.singular);
  const rows = words(table.name);
  const owner = parent ? words(parent.singular) : row;
  switch (write.kind) {
    case 'capacity': {
      const limit = `\`${write.limit.table}.${write.limit.column}\``;
      const amount = write.amountColumn ? `the \`${write.amountColumn}\` of` : 'the number of';
      const total = write.amountColumn ? 'add up to' : 'comes to';
      const counts = write.countsWhen ? ` where \`${write.countsWhen}\`` : '';
      return {
        rule: `for each ${owner}, ${amount} its ${rows}${counts} never ${total} more than ${limit}`,
        reproduce:
          `Reproduce the bug before fixing it. Write a test in \`test/\` that creates ${article(owner)} whose ${limit} leaves room for exactly one ` +
          `more ${row} of the body below, fires 20 \`POST ${path}\` requests with \`Promise.all\`, and asserts exactly one 201.`,
        strategies:
          `(a) a single conditional UPDATE on \`${write.limit.table}\` that only succeeds while capacity remains (add a remaining column next to ` +
          `${limit}, then \`UPDATE ... SET remaining = remaining - ? WHERE id = ? AND remaining >= ? RETURNING id\`; zero rows means 409; ` +
          `the check inserts ${owner}s and ${rows} straight into the tables, as any other writer could, so keep that column right with ` +
          'triggers rather than only in your handlers); ' +
          `(b) \`SELECT ... FOR UPDATE\` on the ${owner} row, then add up ${amount} its ${rows}${counts}, compare with ${limit}, and insert or refuse; ` +
          '(c) SERIALIZABLE isolation with a bounded retry on SQLSTATE 40001.',
        constraint:
          'Back the strategy with a constraint the database enforces on its own, such as a CHECK that the remaining column never goes below zero. ' +
          'If application code has a bug, the constraint turns an oversell into an error instead of bad data.',
        conflict:
          `Answer "nothing left" as 409 problem+json with its own \`type\`, different from the 409 for a duplicate unique key, so a client can ` +
          'tell "sold out" from "you already did this".',
        readCommitted:
          'both read "one left" and both insert; REPEATABLE READ does not stop that either, because the rows being inserted are new. ' +
          'SERIALIZABLE does, at the price of aborts you must retry',
        fresh: `on a fresh ${owner} with room for every request`,
        otherOwner: `a different, freshly inserted ${owner} with room for it`,
        race: [
          {
            id: 'concurrency.last-unit-race',
            statement: `When more requests arrive at once than ${article(owner)} has room for, exactly the right number succeed and the rest get 409.`,
            sends:
              `Five rounds. Each round inserts a fresh ${owner} directly in the database with ${rows} for it (one that counts against the limit` +
              (write.countsWhen ? ` and one where \`${write.countsWhen}\` is false` : '') +
              `), setting ${limit} so exactly K more requests of the body below fit` +
              (write.amountColumn ? ', with a remainder too small for one more' : '') +
              ` (K is 1 in the first round, then 2, 3, 4 and 5). It then sends 20 \`POST ${concretePath}\` requests ` +
              `at the same moment with the body \`${body}\`, each with its own \`Idempotency-Key\`, ${TWO_INSTANCES}`,
            expects:
              `In every round exactly K responses are 201 with the created ${row} and the other 20 minus K are 409 application/problem+json ` +
              `with \`status\` 409; no response is 5xx. In the database the round produced exactly K new rows, every 201's \`id\` is one of ` +
              `them, and ${amount} the ${owner}'s ${rows}${counts} still ${total} no more than ${limit}.`,
          },
        ],
        stretch: [
          `Let held ${rows} expire: one that is not confirmed within 10 minutes gives its share of ${limit} back, without a race between the ` +
            'expiry job and a late request that confirms it.',
        ],
        guardReview: 'The capacity rule is enforced by one atomic statement, a row lock, or SERIALIZABLE with retry, never by a read followed by an unguarded write.',
        edgeCase: `A request that asks for more than the ${owner} could ever hold, and one for ${article(owner)} that does not exist (404, not 409).`,
        guardTalkingPoint: `I made ${write.summary} a single conditional statement (or a row lock) instead of read-then-write. Under READ COMMITTED two requests can both read "one left"; the database has to make the decision, because it is the only component that sees both.`,
        constraintTalkingPoint: 'I backed it with a constraint. The constraint alone would also prevent the oversell, but it turns the losing request into an error I have to translate; the guard in the query gives a clean 409 and the constraint catches my own bugs.',
      };
    }
    case 'single-winner': {
      const collides = codeList(write.collidesOn);
      const perParent = write.collidesOn.length === 1 && write.collidesOn[0] === ctx.parentKey;
      const per = perParent ? `per ${owner}` : `per value of ${collides}`;
      const active = write.activeWhen ? ` where \`${write.activeWhen}\`` : '';
      const blocking = write.activeWhen ? `${row} that still blocks (\`${write.activeWhen}\`)` : row;
      const index = write.activeWhen
        ? `a partial unique index on ${collides} \`WHERE ${write.activeWhen}\``
        : `a unique index on ${collides}`;
      return {
        rule: `at most one ${row}${active} exists ${per}, however many requests arrive together`,
        reproduce:
          `Reproduce the bug before fixing it. Write a test in \`test/\` that creates ${article(owner)} with no ${blocking}, ` +
          `fires 20 \`POST ${path}\` requests with \`Promise.all\`, and asserts exactly one 201 and 19 answers of 409.`,
        strategies:
          `(a) ${index}, and a plain INSERT whose unique violation (23505 on that index) becomes 409, or \`INSERT ... ON CONFLICT DO NOTHING ` +
          `RETURNING id\`, where zero rows means someone else won; (b) \`SELECT ... FOR UPDATE\` on the ${owner} row, then look for an existing ` +
          `${blocking} and insert or refuse; (c) SERIALIZABLE isolation with a bounded retry on SQLSTATE 40001.`,
        constraint:
          `Back the strategy with a constraint the database enforces on its own: ${index}, even if you chose (b) or (c). ` +
          `If application code has a bug, the index turns a second ${row} into an error instead of bad data.`,
        conflict:
          `Answer the request that lost with 409 problem+json with its own \`type\` and a \`detail\` that says which ${row} won (its \`id\`), ` +
          'different from the 409 for a request whose `Idempotency-Key` is still being processed, so a client can tell "someone else got ' +
          'there first" from "you already sent this".',
        readCommitted:
          `both look, both find no ${blocking}, and both insert; REPEATABLE READ does not stop that either, because the rows being ` +
          'inserted are new. SERIALIZABLE does, at the price of aborts you must retry',
        fresh: `on a fresh ${owner} with no ${blocking}`,
        otherOwner: `a different, freshly inserted ${owner}`,
        race: [
          {
            id: 'concurrency.single-winner-race',
            statement: `When many requests try to create the same ${row} at once, exactly one succeeds and the rest get 409.`,
            sends:
              `Five rounds. Each round inserts a fresh ${owner} directly in the database` +
              (write.activeWhen
                ? `; in rounds 2 to 5 it also inserts an earlier ${row} for it that no longer blocks (one where \`${write.activeWhen}\` is false)`
                : '') +
              `. It then sends 20 \`POST ${concretePath}\` requests at the same moment with the body \`${body}\`, each with its own ` +
              `\`Idempotency-Key\`, ${TWO_INSTANCES}`,
            expects:
              `In every round exactly one response is 201 with the created ${row} and the other 19 are 409 application/problem+json with ` +
              `\`status\` 409; no response is 5xx. In the database the round produced exactly one new row, its \`id\` is the one in the 201, ` +
              `and the ${owner} has exactly one ${row}${active}.`,
          },
        ],
        stretch: [
          write.activeWhen
            ? `Add the way out: an endpoint that closes the current ${row} (so \`${write.activeWhen}\` no longer holds), and make it race-free ` +
              `against a new request for the same ${owner}: the new one must either wait and win, or lose cleanly, never end up as a second open ${row}.`
            : `Let the ${row} be handed over to someone else on purpose, through its own endpoint, and make the hand-over race-free ` +
              `against a late request that tries to create one for the same ${owner}.`,
        ],
        guardReview: `The one-winner rule is enforced by a unique index, a row lock, or SERIALIZABLE with retry, never by a read followed by an unguarded insert.`,
        edgeCase:
          `A request for ${article(owner)} that does not exist (404, not 409), and a repeat from the client that already won but sends a new ` +
          '`Idempotency-Key` (it lost this time, so 409, and the detail points at its own earlier row).',
        guardTalkingPoint: `I made ${write.summary} something the database arbitrates (a unique index or a row lock) instead of check-then-insert. Under READ COMMITTED two requests can both look, both see nobody there yet, and both insert; only the database sees both.`,
        constraintTalkingPoint: `The unique index is the real guarantee: even with a bug in my handler there cannot be two ${rows}${active} ${per}. The work is in translating its violation into a clean 409 that names the winner.`,
      };
    }
    case 'counter': {
      const dedupe = codeList(write.dedupeOn);
      const counterTable = tableNamed(ctx.domain, write.counter.table);
      const bucket = words(counterTable.singular);
      const counter = `\`${write.counter.table}.${write.counter.column}\``;
      const key = codeList(write.counter.key);
      const distinct = write.dedupeOn.filter((c) => c !== ctx.parentKey);
      const distinctList = codeList(distinct.length > 0 ? distinct : write.dedupeOn);
      return {
        rule: `each ${row} is stored once per ${dedupe}, and ${counter} for its ${bucket} grows by exactly one for each ${row} stored, never more and never less`,
        reproduce:
          `Reproduce the bug before fixing it. Write a test in \`test/\` that creates ${article(owner)}, fires 20 \`POST ${path}\` requests with ` +
          `\`Promise.all\`, each with its own ${distinctList} but all falling into the same ${bucket}, and asserts 20 answers of 201 and ${counter} ` +
          `equal to 20; then 20 copies of one ${row} with the same ${distinctList}, asserting exactly one 201.`,
        strategies:
          `(a) insert the ${row} and let the unique key on ${dedupe} refuse a duplicate (23505, or \`ON CONFLICT DO NOTHING RETURNING id\` with ` +
          `zero rows), then increment with one atomic upsert: \`INSERT INTO ${write.counter.table} (...) VALUES (..., 1) ON CONFLICT (${write.counter.key.join(', ')}) ` +
          `DO UPDATE SET ${write.counter.column} = ${write.counter.table}.${write.counter.column} + 1\`, which also creates the ${bucket} if it is missing; ` +
          `(b) make sure the ${bucket} row exists, lock it with \`SELECT ... FOR UPDATE\`, then add one; (c) SERIALIZABLE isolation with a ` +
          'bounded retry on SQLSTATE 40001. Reading the count into JavaScript and writing back count + 1 is the bug, not a strategy.',
        constraint:
          `Back the strategy with constraints the database enforces on its own: the unique key on ${dedupe} stops a duplicate being stored, and ` +
          `the unique key on ${key} of \`${write.counter.table}\` stops two requests each creating their own ${bucket} for the same bucket. ` +
          'If application code has a bug, the constraints turn a double count into an error instead of bad data.',
        conflict:
          `Answer a duplicate ${row} (same ${dedupe}) with 409 problem+json with its own \`type\` and the \`id\` of the stored row, different ` +
          'from the 409 for a request whose `Idempotency-Key` is still being processed. A duplicate must leave the counter alone.',
        readCommitted:
          'both read the same count and both write it back plus one, so one increment is lost; REPEATABLE READ turns that into a ' +
          'serialization error you must retry, and SERIALIZABLE also catches two requests that each try to create the missing ' +
          `${bucket}, at the price of more aborts`,
        fresh: `with ${distinct.length > 1 ? 'values' : 'a value'} of ${distinctList} no earlier request used`,
        otherOwner: `a different, freshly inserted ${owner}`,
        race: [
          {
            id: 'concurrency.duplicate-race',
            statement: `When many copies of the same ${row} arrive at once, it is stored and counted exactly once and every other copy gets 409.`,
            sends:
              `Five rounds. Each round inserts a fresh ${owner} directly in the database, then sends 20 \`POST ${concretePath}\` requests at the ` +
              `same moment with the same body \`${body}\` (so the same ${distinctList}), each with its own \`Idempotency-Key\`, ${TWO_INSTANCES}`,
            expects:
              `In every round exactly one response is 201 with the stored ${row} and the other 19 are 409 application/problem+json with ` +
              `\`status\` 409; no response is 5xx. The database holds exactly one \`${table.name}\` row for that ${dedupe}, and ${counter} ` +
              `for its ${bucket} is exactly 1.`,
          },
          {
            id: 'concurrency.counter-no-lost-increments',
            statement: `Concurrent writes into the same ${bucket} lose no increment and create no second ${bucket} row.`,
            sends:
              `On a fresh ${owner}, sends 50 \`POST ${concretePath}\` requests at the same moment, each with a different ${distinctList} ` +
              `and otherwise the body \`${body}\`, so all 50 fall into the same ${bucket}, each with its own \`Idempotency-Key\`, split ` +
              'across two app instances. Then it sends a ' +
              'second burst of 50 at once: 25 copies of bodies from the first burst and 25 new ones.',
            expects:
              `Every request in the first burst is 201. Exactly one \`${write.counter.table}\` row exists for that ${key}, and its ` +
              `\`${write.counter.column}\` is exactly 50, equal to the number of \`${table.name}\` rows stored for it. In the second burst the 25 ` +
              `copies are 409 and the 25 new ones are 201, and \`${write.counter.column}\` is exactly 75. No response is 5xx.`,
          },
        ],
        stretch: [
          `Accept a batch of ${rows} in one request: drop duplicates inside the batch and against the table, and increment each ${bucket} once ` +
            'per batch by the number of new rows, not once per row.',
          `Write a reconciliation job that recounts ${article(bucket)} from \`${table.name}\` and reports any drift from ${counter}, and say what it would mean if it ever found some.`,
        ],
        guardReview: `The increment is one atomic statement (an upsert or \`SET n = n + 1\`), a row lock, or SERIALIZABLE with retry, never a count read into the app and written back; a duplicate never increments.`,
        edgeCase:
          `${capitalize(article(row))} that falls exactly on ${article(bucket)} boundary, a copy that matches on ${dedupe} but differs in other fields (decide: 409 or ` +
          `replay, and write it down), and a request for ${article(owner)} that does not exist (404, not 409).`,
        guardTalkingPoint: `I made the count a single upsert with \`${write.counter.column} = ${write.counter.column} + 1\` instead of read-then-write. Under READ COMMITTED two requests can both read the same count and both write it plus one; letting the database do the arithmetic on the row it locks is what keeps every increment.`,
        constraintTalkingPoint: `Two unique keys carry the guarantees: one on ${dedupe} makes a resent ${row} a 409 instead of a double count, and one on ${key} means racing requests share one ${bucket} instead of each creating their own.`,
      };
    }
  }
}

export const concurrency: MilestoneDefinition = ({ domain, pm }) => {
  const write = domain.contendedWrite;
  const table = contendedTable(domain);
  const rel = parentOf(domain, table);
  const owner = words(rel?.parent.singular ?? table.singular);
  const path = contendedRoute(domain);
  const concretePath = path.replace(':id', `<${rel?.parent.singular ?? table.singular} id>`);
  const body = contendedBody(domain);
  const race = raceText(write, { domain, table, parent: rel?.parent, parentKey: rel?.column.name, path, concretePath, body });
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
    title: 'Racing writes, and safe retries',
    goal:
      `Make ${write.summary} correct under real concurrency. ${write.scenario} ` +
      `The rule to hold: ${race.rule}. ` +
      `The same \`POST ${path}\` sent twice with one \`Idempotency-Key\` must create one row and return the same answer both times.`,
    whyItMatters:
      'Most concurrency bugs never show up on a laptop, where requests arrive one at a time. They show up on the busiest day of the ' +
      'year, as a support queue full of people who were all told they got the same thing, or as numbers that no longer add up. The fix ' +
      'is rarely clever code; it is knowing which guarantees the database gives you and which it does not, and putting the rule where it ' +
      'cannot be skipped. Retries make it worse: mobile clients, load balancers and your own job queue all resend requests, so every write ' +
      'that matters has to be safe to receive twice. Teams trust engineers who can explain exactly why a write cannot double up.',
    tasks: [
      `${race.reproduce} Run it against a real PostgreSQL through \`DATABASE_URL\`: the embedded PGlite serves one session at a time, ` +
        'so every request is serialized and a race test there always passes. For the same reason `milestone check concurrency` refuses to ' +
        'run without `DATABASE_URL`; it creates a database of its own on that server and drops it afterwards.',
      `Implement \`POST ${path}\` in \`src/resources/${table.name}/\` inside one transaction, passing \`trx\` to every query. Pick one strategy and ` +
        `record why in a decision record (\`${runScript(pm, 'gen', 'adr "Concurrency strategy"')}\` writes the next numbered one in \`docs/adr/\`): ${race.strategies}`,
      race.constraint,
      `${race.conflict} Never answer 500 for a lost race, and never sleep-and-retry inside the request to hide one.`,
      `${keyTask} Read the \`Idempotency-Key\` header (optional, at most ${keyMax} characters, validated with zod), store it in the same ` +
        'transaction as the write, and on a repeat return the stored row with the original status instead of writing again.',
      'Handle two requests with the same key arriving together without a check-then-insert: let the unique index decide. The second insert ' +
        'waits for the first transaction, fails with 23505, and your code then reads the committed row and replays it. A key reused with a ' +
        'different body is 422 problem+json.',
      'In the decision record, explain the isolation level you run at. PostgreSQL defaults to READ COMMITTED, where two transactions can ' +
        `${race.readCommitted}.`,
    ],
    acceptance: [
      ...race.race,
      {
        id: 'concurrency.independent-rows',
        statement: `Locking is per ${owner}: a busy one does not stall writes to another one.`,
        sends:
          `From its own connection, opens a transaction, locks one freshly inserted ${owner} with \`SELECT ... FOR UPDATE\`, and sends ` +
          `\`POST ${concretePath}\` for it, which has to wait. While that request waits, it sends the same \`POST\` for ${race.otherOwner} ` +
          `to the same app instance. Both have the body \`${body}\` and a fresh \`Idempotency-Key\`. It keeps the lock until the second ` +
          'write answers, or for 8 seconds at most.',
        expects:
          `The write for the other ${owner} is 201 while the lock is still held; the write for the locked one is 201 once the lock is ` +
          'released. A table-level lock, or a mutex every request shares, makes the second write wait for the first and fails this.',
      },
      {
        id: 'concurrency.idempotent-retry',
        statement: 'Sending the same request twice with the same key creates one row and returns the same response.',
        sends:
          `\`POST ${concretePath}\` ${race.fresh}, with \`Idempotency-Key: <random uuid>\` and the body \`${body}\`, then the identical ` +
          `request again. Then, ${race.fresh} and a second fresh key, 10 identical copies sent at the same moment, split across two app instances.`,
        expects:
          'The two sequential answers have the same status (201) and the same JSON body, including the same `id`, and the database gained ' +
          `one \`${table.name}\` row. For the 10 concurrent copies the database gains exactly one row; at least one answer is 201, every 201 ` +
          'carries that same body, and every other answer is 409 application/problem+json (a copy that arrived while the first was still ' +
          'being processed). No response is 5xx.',
      },
      {
        id: 'concurrency.idempotency-key-misuse',
        statement: 'A key reused for a different request, or a malformed key, is refused without writing anything.',
        sends:
          `After a successful \`POST ${concretePath}\` ${race.fresh}, with key K, sends the same key K with a body that differs in one field. ` +
          `Then, each time ${race.fresh}, a request whose \`Idempotency-Key\` is ${keyMax + 1} characters long and one with an empty ` +
          '`Idempotency-Key` header.',
        expects:
          'The reused key with a different body is 422 application/problem+json. The over-long and the empty key are 400 ' +
          `application/problem+json. The row count of \`${table.name}\` does not change across the three requests.`,
      },
    ],
    stretch: [
      'Run the race with each strategy in turn under autocannon (an HTTP load generator: `npx autocannon -c 50 -d 10 <url>`) at 50 connections, and record the median and 99th percentile latency ' +
        'and the 409 rate side by side in the decision record.',
      'Expire idempotency records after 24 hours with a scheduled cleanup, and decide what a client that retries after expiry should get.',
      ...race.stretch,
      'Scope idempotency keys to the authenticated user, so two users who happen to pick the same key never see each other\'s responses.',
    ],
    review: {
      correctness: [
        race.guardReview,
        'Every query in the transaction uses `trx`; a stray query on the root connection runs outside the transaction and sees other data.',
        'The idempotency record is written in the same transaction as the row, so a crash cannot leave one without the other.',
        'A constraint in the schema backs the application logic, and its violation maps to 409, not 500.',
      ],
      edgeCases: [
        race.edgeCase,
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
      race.guardTalkingPoint,
      race.constraintTalkingPoint,
      'I avoided SERIALIZABLE as the default: it is the simplest to reason about, but every conflict becomes an abort and a retry, which costs latency exactly when traffic peaks. A row lock or a single atomic statement only makes writers on the same row wait, and leaves other rows alone.',
      'Idempotency keys let clients retry safely. The subtle part is two copies arriving together; I let the unique index arbitrate instead of checking first, because a check-then-insert has the same race as the original bug.',
      'I tested it against real PostgreSQL with two app instances. A single-connection test database serializes everything and an in-memory lock only protects one process, so either would have hidden the bug.',
    ],
    estimateHours: 12,
    dependsOn: ['schema-design', 'testing'],
  };
};

import type { MilestoneDefinition } from '../model.js';
import { article, codeList, exampleBody, foreignKeys, itemRoute, primaryTable, route, words } from './text.js';

export const auth: MilestoneDefinition = ({ domain }) => {
  const primary = primaryTable(domain);
  const list = route(primary);
  const item = itemRoute(primary);
  const fkParents = [...new Set(foreignKeys(primary).map((c) => c.references?.table ?? '').filter((n) => n !== ''))];
  const parentNote = fkParents.length > 0 ? ` (the check inserts the ${codeList(fkParents)} rows it references directly)` : '';
  const patchable = primary.columns.find((c) => c.type === 'text' && !c.enum && !c.unique && !c.references) ?? primary.columns[0];
  const patchField = patchable?.name ?? 'updated_at';

  return {
    id: 'auth',
    number: 6,
    slug: 'auth',
    title: 'Who are you, and is this yours?',
    goal:
      `Add users with hashed passwords, log them in with an expiring token or session, require credentials for every write to ` +
      `\`${list}\`, and let only the owner of ${article(words(primary.singular))} change or delete it.`,
    whyItMatters:
      'Authentication and authorization bugs are the ones that end up in incident reports and news articles: a password stored in a ' +
      'reversible form, a token that never expires, an endpoint that checks who you are but not whether the row is yours. These checks ' +
      'are easy to get almost right, and almost right means a stranger can edit your data. Every backend role touches this, and ' +
      'interviewers probe it because a careful answer shows you think about what an attacker sends, not just what a client sends.',
    tasks: [
      'Write a reversible migration that creates `users` (`email` unique without regard to case, `password_hash`, plus `id`, `created_at`, `updated_at`) ' +
        `and adds \`owner_id\` to \`${primary.name}\`, referencing \`users\`, nullable for rows that existed before, with an index.`,
      'Hash passwords with scrypt from `node:crypto` (a random 16-byte salt per user, cost parameters stored next to the hash) or with argon2id. ' +
        'Compare with `crypto.timingSafeEqual`. Require at least 12 characters, cap the length, and never trim or lowercase a password.',
      'Add `POST /auth/register` and `POST /auth/login`. Login answers the same 401 problem+json for an unknown email and for a wrong password, ' +
        'and still runs a hash when the user does not exist, so response time does not reveal which emails are registered.',
      'Issue credentials that expire after `AUTH_TTL_SECONDS` seconds, a setting you add to the schema in `src/config.ts` with a sensible ' +
        'default (the check starts your app with its own value through `loadConfig`, so read it from the config, never from `process.env`). ' +
        'Either sign a JWT with a secret from the config and pin its algorithm when verifying, or store an opaque session token hashed in a ' +
        '`sessions` table with an `expires_at`. Login answers `{"token": "...", "expiresAt": "<ISO 8601 time>"}`, sent back as ' +
        '`Authorization: Bearer <token>`, or sets an HttpOnly cookie instead. Write down which you chose and what it costs you.',
      `Add middleware that resolves the caller or answers 401, and apply it to \`POST ${list}\`, \`PATCH ${item}\` and \`DELETE ${item}\`. ` +
        'Reads stay public.',
      `Set \`owner_id\` from the authenticated user on create, never from the body. For PATCH and DELETE, put the ownership rule in the SQL ` +
        '(`WHERE id = ? AND owner_id = ?`) rather than reading the row and checking in JavaScript; if nothing matched, look up the row to choose between 404 and 403.',
      '`src/logger.ts` already redacts the Authorization header, cookies, and `password`, `token` and `secret` fields one level deep. ' +
        'Redaction paths are exact, so `*.password` misses `body.user.password`: check every object your auth code logs against them, ' +
        'then grep the logs of a test run that includes failed logins to prove no password, hash or token appears.',
    ],
    acceptance: [
      {
        id: 'auth.register-hashes-password',
        statement: 'Registration stores a salted hash, never the password, and never returns either.',
        sends:
          'Registers two users with `POST /auth/register` and bodies `{"email": "<fresh>@example.com", "password": "<same 16-character password>"}`; ' +
          'then registers the first email again with different letter case; then reads `users` from the database.',
        expects:
          'The first two answers are 201 with the user\'s `id` and `email`, and no field named `password` or `password_hash` and no value equal to the password. ' +
          'The repeat with different case is 409 problem+json. In the database, neither `password_hash` contains the password, each is at least 32 characters, and the two differ.',
      },
      {
        id: 'auth.login',
        statement: 'Login gives expiring credentials to the right password and the same refusal to everything else.',
        sends:
          '`POST /auth/login` with a registered email and the right password, with that email and a wrong password, and with an unregistered email.',
        expects:
          'The first is 200 and provides credentials: either a `token` field in the JSON body, used as `Authorization: Bearer <token>`, with ' +
          '`expiresAt` an ISO 8601 time in the future, or a Set-Cookie header with HttpOnly and a Max-Age or Expires. The other two are ' +
          '401 application/problem+json with identical `type`, `title` and `detail`.',
      },
      {
        id: 'auth.writes-need-credentials',
        statement: `Writes to \`${list}\` require valid credentials; reads do not.`,
        sends:
          `\`POST ${list}\` with a valid body shaped like \`${exampleBody(primary)}\`${parentNote}, and \`PATCH\` and \`DELETE\` on a seeded ` +
          `${words(primary.singular)}: once with no credentials and once with a token or cookie that has one character changed. Then \`GET ${list}\` without credentials.`,
        expects:
          `Every write is 401 application/problem+json and changes nothing in \`${primary.name}\`. The GET is 200.`,
      },
      {
        id: 'auth.ownership',
        statement: `Only the owner of ${article(words(primary.singular))} may change or delete it.`,
        sends:
          `User A creates ${article(words(primary.singular))} with \`POST ${list}\`, adding \`"owner_id"\` set to user B's id to the body. ` +
          `User B sends \`PATCH ${list}/<id>\` with \`{"${patchField}": <a new valid value>}\` and \`DELETE ${list}/<id>\`. ` +
          `User A then sends the same PATCH.`,
        expects:
          `The create is either 400, or 201 with \`owner_id\` equal to A's id in the database (never B's); the check repeats it without \`owner_id\` if it was 400. ` +
          `B's PATCH and DELETE are 403 application/problem+json and the row is unchanged. A's PATCH is 200 and the database holds the new value.`,
      },
      {
        id: 'auth.expiry',
        statement: 'Credentials stop working when they expire.',
        sends:
          `Starts a second instance of the app with \`AUTH_TTL_SECONDS=3\` in its config, registers and logs in, sends \`POST ${list}\` with a valid body, ` +
          'waits 4 seconds (the lifetime plus one second, so rounding to whole seconds cannot matter), and sends another valid POST with the same credentials.',
        expects: 'The first POST is 201; the second is 401 application/problem+json and stores nothing.',
      },
    ],
    stretch: [
      'Limit login attempts per email and per IP address, answering 429 with `Retry-After`, and test that a correct password is still refused while limited.',
      'Add logout that really revokes the credential. If you chose JWTs, explain what you had to add to make that possible.',
      `Add an \`admin\` role that may edit any ${words(primary.singular)}, without scattering role checks through the handlers.`,
      'Design, in writing, a password reset flow: token format, lifetime, single use, and what the reset endpoint says for an unknown email.',
    ],
    review: {
      correctness: [
        'Hashes are salted per user and compared in constant time; cost parameters are stored with the hash so they can be raised later.',
        'Expiry is enforced on the server on every request, not only by a cookie lifetime in the browser.',
        'The ownership condition is in the UPDATE or DELETE statement itself, so no request can change a row between the check and the write.',
      ],
      edgeCases: [
        'Emails that differ only in letter case or surrounding whitespace, and very long passwords sent to make hashing expensive.',
        'A token signed with `alg: none` or with a different algorithm, and a token for a user who has since been deleted.',
        `Rows of \`${primary.name}\` that existed before \`owner_id\` did, whose owner is null: decide who may edit them and test it.`,
      ],
      maintainability: [
        'Authentication is one middleware and one module; handlers read `req.user` and nothing else.',
        'Secrets and the token lifetime come from the environment and the app refuses to start without a secret in production.',
        'Logs never contain passwords, tokens or Authorization headers, and a test proves it.',
      ],
    },
    talkingPoints: [
      'I hash with scrypt and a per-user salt, and store the cost parameters with the hash. Slower hashing makes each login cost more CPU, which is the point: it costs an attacker with a stolen table far more.',
      'I chose short-lived credentials checked on every request. JWTs avoid a database lookup but cannot be revoked before they expire without extra state; server-side sessions can be revoked instantly but cost a query per request.',
      `Someone else's ${words(primary.singular)} gets 403. Returning 404 instead would hide that the row exists, which matters when ids are guessable; with random uuids and public reads, 403 is clearer for clients.`,
      'The ownership rule lives in the SQL WHERE clause. Checking in application code after a read leaves a window where the row can change between the check and the write.',
      'Login gives the same answer for a wrong password and an unknown email, and does the same amount of work for both, so it cannot be used to discover who has an account.',
    ],
    estimateHours: 10,
    dependsOn: ['testing'],
  };
};

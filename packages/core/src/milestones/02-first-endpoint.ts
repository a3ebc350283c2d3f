import type { MilestoneDefinition } from '../model.js';
import { allColumnNames, codeList, foreignKeys, itemRoute, primaryTable, route, secondaryTable, uniqueKeys, withQuery, words } from './text.js';

export const firstEndpoint: MilestoneDefinition = ({ domain }) => {
  const primary = primaryTable(domain);
  const table = secondaryTable(domain);
  const list = route(table);
  const item = itemRoute(table);
  const fields = codeList(allColumnNames(table));
  const fks = foreignKeys(table);
  const uniques = uniqueKeys(table).flat();
  const insertNote =
    (uniques.length > 0 ? ` with fresh values for ${codeList([...new Set(uniques)])}` : '') +
    (fks.length > 0 ? `, pointing ${codeList(fks.map((c) => c.name))} at parent rows the check inserts first` : '');

  return {
    id: 'first-endpoint',
    number: 2,
    slug: 'first-endpoint',
    title: 'Your first endpoint, end to end',
    goal:
      `Add read endpoints for \`${table.name}\`: ` +
      `\`GET ${item}\` and a paginated \`GET ${list}\`, reading from PostgreSQL through knex, validating input, ` +
      `answering errors as problem+json and returning a stable JSON shape.`,
    whyItMatters:
      'An endpoint is a contract. Clients you will never meet write code against its status codes and field names, ' +
      'and a careless change breaks them silently. Building one by hand, without copying the scaffold line for line, ' +
      'forces the decisions that matter in a real codebase: what is a client error and what is a server error, what a ' +
      'missing row looks like compared with a missing route, and which columns you promise to keep. Interviewers ask ' +
      'for exactly this, and they listen for whether you thought about the unhappy paths.',
    tasks: [
      `Create \`src/resources/${table.name}/\` by reading how \`src/resources/${primary.name}/\` is built, then writing each piece yourself: ` +
        `a zod schema for the \`:id\` path parameter and for the list query, a small data-access module with knex, and an Express router mounted at \`${list}\`.`,
      `Implement \`GET ${item}\`. Validate that \`id\` is a uuid before touching the database and answer 400 problem+json if it is not ` +
        `(with an \`errors\` entry whose \`pointer\` names \`id\`). Without that check the query still runs: PostgreSQL rejects the value ` +
        `with SQLSTATE 22P02, and \`src/http/database-errors.ts\` turns that into a generic 400 that names no field, after a round trip ` +
        `you did not need. Answer 404 problem+json when no row matches, ` +
        `with a \`detail\` that names the id, so a client can tell "no such ${words(table.singular)}" apart from "no such route".`,
      `Map the database row to the response explicitly: return ${fields}, with timestamps as ISO 8601 strings. ` +
        `Do not spread the raw row into the response; a column added later should not leak into the API by accident.`,
      `Implement \`GET ${list}\` with \`limit\` and \`offset\`, using the same bounds, defaults and response envelope as \`GET ${route(primary)}\`. ` +
        `Order by \`created_at, id\` so pages are stable even when two rows share a timestamp.`,
      `Write tests in \`test/\` with supertest against the real database: a 200 for a seeded ${words(table.singular)}, a 404 for a random uuid, ` +
        `a 400 for \`${list}/not-a-uuid\` whose \`errors\` name the \`id\` parameter (so the test fails if your validation is removed), ` +
        `and two consecutive pages that do not overlap.`,
      `Check the logs for each of those requests. A 404 or 400 is the client's problem and should not be logged at error level; ` +
        `a failed query is yours and should be.`,
    ],
    acceptance: [
      {
        id: 'first-endpoint.get-by-id',
        statement: `\`GET ${item}\` returns one ${words(table.singular)} read from the database.`,
        sends:
          `Inserts one row into \`${table.name}\` directly with SQL, using the domain's example values${insertNote}, ` +
          `while the app is running; then sends \`GET ${list}/<new id>\`.`,
        expects:
          `Status 200, Content-Type application/json, and the ${words(table.singular)} in the same envelope \`GET ${itemRoute(primary)}\` uses. ` +
          `It has exactly the fields ${fields}, each equal to the inserted value; integer columns are JSON numbers and timestamps are ISO 8601 strings.`,
      },
      {
        id: 'first-endpoint.not-found',
        statement: `A well-formed id with no row behind it is a 404 that says which ${words(table.singular)} was missing.`,
        sends: `\`GET ${list}/<random uuid v4>\` for an id that is not in the table.`,
        expects:
          'Status 404, Content-Type application/problem+json, a body with `type`, `title`, `status` equal to 404, ' +
          'and a `detail` string that contains the requested id.',
      },
      {
        id: 'first-endpoint.bad-id',
        statement: 'A malformed id is rejected before it reaches the database.',
        sends: `\`GET ${list}/not-a-uuid\` and \`GET ${list}/12345\`.`,
        expects: 'Status 400 for both (never 404 or 500), Content-Type application/problem+json, and `status` equal to 400 in the body.',
      },
      {
        id: 'first-endpoint.list-returns-page',
        statement: `\`GET ${list}\` pages through every ${words(table.singular)} without gaps or repeats.`,
        sends:
          `Inserts three rows into \`${table.name}\` directly, then walks \`GET ${withQuery(list, 'limit=2&offset=0')}\`, ` +
          `\`offset=2\`, \`offset=4\` and so on until a page has fewer than 2 items; finally sends \`GET ${withQuery(list, 'limit=abc')}\`.`,
        expects:
          `Each page is status 200 in the same envelope as \`GET ${route(primary)}\` with at most 2 items; no id appears on two pages; ` +
          `the three inserted ids all appear. The request with \`limit=abc\` gets 400 application/problem+json.`,
      },
    ],
    stretch: [
      `Add filtering on one column of \`${table.name}\` with the same query-parameter style as \`GET ${route(primary)}\`, validated by zod.`,
      'Return an `ETag` on the single-item response and answer 304 to a matching `If-None-Match`.',
      `Describe both endpoints in the OpenAPI document, with the 400 and 404 responses, and check the examples against real responses.`,
      'Make the database unreachable and decide what the endpoint should return (503 with a `Retry-After`, or 500). Write a test for it.',
    ],
    review: {
      correctness: [
        'The uuid check happens before the query runs; no malformed input produces a 500.',
        'A missing row gives 404 and a missing route also gives 404, but the bodies differ so a client can tell them apart.',
        'Pagination is ordered by a unique tiebreaker (`id`), so no row can be skipped or repeated between pages.',
      ],
      edgeCases: [
        'Uppercase uuids, uuids with surrounding whitespace, and the nil uuid: each has a deliberate answer.',
        '`limit=0`, a negative `offset`, a huge `limit` and `offset` past the end of the table.',
        '`numeric` and `bigint` columns come back from the pg driver as strings and `date` columns as JavaScript Dates; the response types are chosen on purpose, not inherited.',
      ],
      maintainability: [
        `The new resource follows the same layout as \`src/resources/${primary.name}/\`, so a teammate finds things where they expect.`,
        'SQL lives in the data-access module; the route handler does not build queries.',
        'The row-to-response mapping is one function, used by both endpoints.',
      ],
    },
    talkingPoints: [
      'I validate path and query parameters at the edge with zod, so the database only ever sees well-typed input. It duplicates a few rules the database also enforces, which is deliberate: validation gives a good error message, the constraint gives the guarantee.',
      'Errors are problem+json with a stable `type`, and a missing row says which id was missing. A bare 404 would be cheaper to write but leaves client developers guessing whether they hit the wrong URL.',
      'I used offset pagination because it is simple and matches the existing resource; I know it gets slower on deep pages and can skip rows under concurrent inserts, and keyset pagination is the fix when that matters.',
      'The response is mapped field by field from the row. It is more code than returning the row, but the API stops being a mirror of the schema, so I can rename or add columns without breaking clients.',
    ],
    estimateHours: 6,
    dependsOn: ['orientation'],
  };
};

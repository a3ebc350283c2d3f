import { allColumnNames, codeList, itemRoute, primaryTable, route, secondaryTable, words } from '../milestones/text.js';
import { mistake, type RubricDefinition, sign } from './types.js';

export const firstEndpoint: RubricDefinition = ({ domain }) => {
  const primary = primaryTable(domain);
  const table = secondaryTable(domain);
  const list = route(table);
  const item = itemRoute(table);
  const folder = `src/resources/${table.name}/`;

  return {
    milestone: 'first-endpoint',
    shows: 'The learner can build an endpoint that reads from a database, rejects bad input early and answers errors in a shape clients can rely on.',
    evidence: [
      `The new \`${folder}\` folder, side by side with \`src/resources/${primary.name}/\`.`,
      `The tests added under \`test/\` for \`${list}\`.`,
      'The `first-endpoint` failures in the milestone report, if any, with their expected and received values.',
    ],
    levels: {
      strong: [
        sign(
          `\`${folder}\` mirrors the layout of \`src/resources/${primary.name}/\` but is written, not copied: a zod schema for \`:id\` and ` +
            'for the list query, one data-access module holding the SQL, and one function that maps a row to the response, used by both routes.',
        ),
        sign(
          `The response lists ${codeList(allColumnNames(table))} explicitly; no \`...row\` spread, so a column added later cannot leak.`,
          'first-endpoint.get-by-id',
        ),
        sign(
          `The list orders by \`created_at, id\` and the learner can explain why the \`id\` tiebreaker matters when two ${words(table.name)} share a timestamp.`,
          'first-endpoint.list-returns-page',
        ),
        sign(
          `Tests cover 200, 404 with the id in \`detail\`, 400 for \`${list}/not-a-uuid\`, and two pages that do not overlap; the 400 and 404 are logged below error level.`,
          'first-endpoint.not-found',
          'first-endpoint.bad-id',
        ),
      ],
      adequate: [
        sign('Every first-endpoint criterion passes.', 'first-endpoint.get-by-id', 'first-endpoint.not-found', 'first-endpoint.bad-id', 'first-endpoint.list-returns-page'),
        sign('The handlers build queries inline instead of calling a data-access module, or the row mapping is repeated in both routes.'),
        sign('Tests cover the happy path and one error; the pagination boundaries are untested.'),
      ],
      weak: [
        sign(
          'A malformed id reaches PostgreSQL and comes back as 500, or is answered with 404.',
          'first-endpoint.bad-id',
        ),
        sign(
          `The handler returns the raw row, so types drift (a \`bigint\` or \`numeric\` column as a string, a Date object) or extra columns appear.`,
          'first-endpoint.get-by-id',
        ),
        sign(
          'Pages are ordered by `created_at` alone, or not ordered at all; rows repeat or go missing between pages.',
          'first-endpoint.list-returns-page',
        ),
      ],
    },
    reference: {
      approach: [
        `A router mounted at \`${list}\` in \`src/routes.ts\`, with \`GET ${item}\` and \`GET ${list}\`, reusing the scaffold's pagination bounds and envelope.`,
        'Validation with zod before any query; `NotFound` thrown with a detail that contains the requested id and turned into problem+json by the existing error handler.',
        `About four small files in \`${folder}\` plus one test file; no change to the error handler is needed.`,
      ],
      mistakes: [
        mistake(
          'No uuid check before the query',
          `\`GET ${list}/not-a-uuid\` reaches knex and PostgreSQL raises invalid input syntax, which surfaces as 500.`,
          'first-endpoint.bad-id',
        ),
        mistake(
          'Spreading the row into the response',
          'The handler returns `{ ...row }`; the check compares field sets and value types and fails on the first extra or mistyped field.',
          'first-endpoint.get-by-id',
        ),
        mistake(
          'Ordering without a tiebreaker',
          'The list query orders by `created_at` only. Rows inserted in the same transaction share a timestamp, so the same row shows on two pages.',
          'first-endpoint.list-returns-page',
        ),
      ],
    },
  };
};

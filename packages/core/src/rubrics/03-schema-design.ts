import { article, capitalize, checkedColumn, codeList, foreignKeyTarget, itemRoute, primaryRelation, primaryTable, route, uniqueTarget, words } from '../milestones/text.js';
import { mistake, type RubricDefinition, type RubricSign, sign } from './types.js';

export const schemaDesign: RubricDefinition = ({ domain }) => {
  const primary = primaryTable(domain);
  const rel = primaryRelation(domain);
  const includeKey = rel.child.name === primary.name ? rel.parent.singular : rel.child.name;
  const uniq = uniqueTarget(domain);
  const fk = foreignKeyTarget(domain);
  const onDelete = rel.column.references?.onDelete ?? 'restrict';
  const checked = [primary, ...domain.tables].some((table) => checkedColumn(table) !== undefined);
  const every = [
    'schema-design.migrations-reversible',
    'schema-design.nested-read',
    ...(uniq ? ['schema-design.unique-conflict'] : []),
    ...(fk ? ['schema-design.foreign-key'] : []),
    ...(checked ? ['schema-design.rules-in-database'] : []),
  ];
  // Only name the criteria this domain's milestone has: the unique and foreign key criteria exist only when the schema has one.
  const conflictSigns: RubricSign[] = [
    ...(uniq ? [sign(`A second \`POST ${route(uniq.table)}\` with the same ${codeList(uniq.columns)} is a 409 and leaves one row.`, 'schema-design.unique-conflict')] : []),
    ...(fk
      ? [sign(`${capitalize(article(words(fk.child.singular)))} pointing at a missing ${words(fk.parent.singular)} is a 422 whose \`detail\` names the rule in plain words, with no driver text.`, 'schema-design.foreign-key')]
      : []),
  ];

  return {
    milestone: 'schema-design',
    shows: 'The learner puts data rules where they hold for every writer, changes a schema safely, and turns database errors into answers a client can act on.',
    evidence: [
      '`docs/schema.md`: one line per table and a reason for each ON DELETE rule.',
      'The learner\'s new migration in `src/db/migrations`, and every `down` it touches.',
      '`src/http/database-errors.ts` and the tests for the joined read, the 409 and the 422.',
    ],
    levels: {
      strong: [
        sign(
          `\`docs/schema.md\` explains why \`${rel.child.name}.${rel.column.name}\` is ${onDelete} and what a client sees when the rule fires, not just that it is.`,
        ),
        sign(
          'The new migration adds a named CHECK the API already validates (for example no blank text), with a `down` that drops only that constraint, ' +
            'and the learner shows the psql INSERT that now fails.',
          'schema-design.migrations-reversible',
          ...(checked ? ['schema-design.rules-in-database'] : []),
        ),
        sign(
          `\`GET ${itemRoute(primary)}?include=${includeKey}\` is one query with a join and explicit aliased columns; the learner can say what \`select *\` would have done to \`id\`.`,
          'schema-design.nested-read',
        ),
        ...conflictSigns,
        sign('`database-errors.ts` maps constraint names to sentences in one table, falls back to the generic sentence for unknown names, and matches on SQLSTATE, never on message text.'),
      ],
      adequate: [
        sign('Every schema-design criterion passes.', ...every),
        sign('The constraint messages are mapped, but in each handler rather than in one place, or only for the constraints the checks exercise.'),
        sign('`docs/schema.md` lists the rules without saying why each ON DELETE choice fits the domain.'),
      ],
      weak: [
        sign('A `down` that does not undo its `up` (a dropped table left behind, or a column dropped that the `up` never added).', 'schema-design.migrations-reversible'),
        sign(
          `The nested read loads the ${words(includeKey)} in a second query per row, or its \`id\` is the related row's id because of \`select *\` across the join.`,
          'schema-design.nested-read',
        ),
        sign('Uniqueness or existence is checked with a SELECT before the INSERT instead of letting the constraint decide; two concurrent requests still slip through.'),
      ],
    },
    reference: {
      approach: [
        'One small new migration for the added CHECK, named explicitly; no edits to migrations that already ran.',
        `A join for \`include=${includeKey}\` with columns listed and aliased, and a 400 for any other \`include\` value.`,
        'One mapping from constraint name to a client-facing sentence in `src/http/database-errors.ts`, keyed by the names the migrations declare.',
      ],
      mistakes: [
        mistake(
          'Forwarding the driver message',
          'The 409 or 422 `detail` contains "violates ... constraint" or SQL. It leaks schema names and reads as a bug to the client.',
          ...(fk ? ['schema-design.foreign-key'] : []),
        ),
        mistake(
          'Editing an old migration instead of adding one',
          'The diff changes a migration the scaffold shipped. A database that already ran it never gets the change; ask how it would reach production.',
        ),
        mistake(
          '`select *` across the join',
          'The nested response has the related row\'s `id` or `created_at` in place of its own; the check compares the id with the one requested.',
          'schema-design.nested-read',
        ),
      ],
    },
  };
};

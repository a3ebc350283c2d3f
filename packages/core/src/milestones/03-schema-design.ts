import type { AcceptanceCriterion, MilestoneDefinition } from '../model.js';
import {
  checkedColumn,
  codeList,
  exampleBodyWith,
  columnRulesText,
  words,
  foreignKeyTarget,
  foreignKeys,
  itemRoute,
  primaryRelation,
  primaryTable,
  route,
  uniqueKeys,
  uniqueTarget,
  violatingLiteral,
  article,
  capitalize,
  blankableColumn,
} from './text.js';

export const schemaDesign: MilestoneDefinition = ({ domain }) => {
  const primary = primaryTable(domain);
  const rel = primaryRelation(domain);
  const primaryIsChild = rel.child.name === primary.name;
  const includeKey = primaryIsChild ? rel.parent.singular : rel.child.name;
  const nestedShape = primaryIsChild
    ? `an object under \`${includeKey}\` holding the ${words(rel.parent.singular)} row whose \`id\` equals the ${words(primary.singular)}'s \`${rel.column.name}\``
    : `an array under \`${includeKey}\` holding every ${words(rel.child.singular)} whose \`${rel.column.name}\` is this ${words(primary.singular)}, ordered by \`created_at, id\``;

  const uniq = uniqueTarget(domain);
  const fk = foreignKeyTarget(domain);
  const checked = [primary, ...domain.tables]
    .map((t) => ({ table: t, column: checkedColumn(t) }))
    .find((x) => x.column !== undefined);

  const fkColumns = domain.tables.flatMap((t) => foreignKeys(t).map((c) => `${t.name}.${c.name}`));
  const blankable = blankableColumn(domain);
  const extraPost = [uniq?.table.name, fk?.child.name].filter((n): n is string => n !== undefined && n !== primary.name);

  const acceptance: AcceptanceCriterion[] = [
    {
      id: 'schema-design.migrations-reversible',
      statement: 'Every migration can be undone, each `down` undoing exactly what its `up` did, and at least one migration is your own.',
      sends:
        'On the check database, with every migration applied, drives the project\'s migrations with knex\'s migrator: `down` one at a time until ' +
        'none is applied, then `up` one at a time until all are. It snapshots the schema (tables, columns with their types, nullability and ' +
        'defaults, constraints, indexes, triggers, functions and enum types, read from information_schema and pg_catalog) before the first ' +
        'step and after every step, and lists `src/db/migrations`.',
      expects:
        'Every step succeeds. With no migration applied, the schema holds no table except `knex_migrations` and `knex_migrations_lock`. ' +
        'After each step up, the snapshot equals the one taken on the way down with the same migrations applied, so every `down` undid its ' +
        '`up` and nothing more. `src/db/migrations` holds at least one migration the scaffold did not generate.',
    },
    {
      id: 'schema-design.nested-read',
      statement: `One request returns ${article(words(primary.singular))} together with its related ${words(primaryIsChild ? rel.parent.singular : rel.child.name)}, read with a join.`,
      sends:
        `Inserts ${article(words(primary.singular))} and ${primaryIsChild ? `its ${words(rel.parent.singular)}` : `two ${words(rel.child.name)} of it`} directly, then sends ` +
        `\`GET ${route(primary)}/<id>?include=${includeKey}\`, the same request without \`include\`, ` +
        `\`GET ${route(primary)}/<id>?include=nonsense\`, and \`GET ${route(primary)}/<random uuid>?include=${includeKey}\`. ` +
        `While the first is answered, it counts the SQL statements the app sends that name \`${rel.child.name}\` or \`${rel.parent.name}\`.`,
      expects:
        `The first is 200 with every field of the ${words(primary.singular)}, its own \`id\` intact, plus ${nestedShape}, each with every column of its row ` +
        '(timestamps as ISO 8601 strings); the app read them with exactly one statement naming both tables: a join, not one query per table. ' +
        `Without \`include\` the body has no \`${includeKey}\` key. \`include=nonsense\` is 400 problem+json. The random uuid is 404 problem+json.`,
    },
  ];

  if (uniq) {
    const overrides: Record<string, string> = {};
    const fkNames = foreignKeys(uniq.table).map((c) => c.name);
    for (const c of foreignKeys(uniq.table)) overrides[c.name] = `<new ${c.references?.table ?? 'parent'} id>`;
    const own = uniq.columns.filter((n) => !fkNames.includes(n));
    const nullable = uniq.columns.filter((n) => uniq.table.columns.find((c) => c.name === n)?.nullable);
    const rules = columnRulesText(uniq.table, own);
    const otherUnique = [...new Set(uniqueKeys(uniq.table).flat())].filter((n) => !uniq.columns.includes(n) && !fkNames.includes(n));
    acceptance.push({
      id: 'schema-design.unique-conflict',
      statement: `Creating a second ${words(uniq.table.singular)} with the same ${codeList(uniq.columns)} is a conflict, not a crash.`,
      sends:
        `Inserts any parent rows directly, then sends \`POST ${route(uniq.table)}\` twice with the same body, shaped like ` +
        `\`${exampleBodyWith(uniq.table, uniq.columns, overrides)}\`. The body always sets ` +
        (uniq.columns.length > 1 ? `every column of the key (${codeList(uniq.columns)})` : codeList(uniq.columns)) +
        ' explicitly, even where it is optional or has a default, because PostgreSQL treats NULLs as distinct and a NULL in the key never conflicts' +
        (own.length < uniq.columns.length
          ? `. Because ${codeList(uniq.columns.filter((n) => fkNames.includes(n)))} ${uniq.columns.length - own.length > 1 ? 'point' : 'points'} at ` +
            'rows inserted for this check, the key cannot collide with seeds.'
          : `; ${codeList(own)} ${own.length > 1 ? 'get values' : 'gets a value'} no seed row uses${rules ? `, within the column's rules (${rules})` : ''}.`) +
        (otherUnique.length > 0 ? ` ${capitalize(codeList(otherUnique))} ${otherUnique.length > 1 ? 'are' : 'is'} unique too, so ${otherUnique.length > 1 ? 'they also get values' : 'it also gets a value'} no seed row uses.` : '') +
        (nullable.length > 0 ? ` Declare the key NULLS NOT DISTINCT, or make ${codeList(nullable)} required, if a missing value should also conflict.` : ''),
      expects:
        `The first answer is 201 with the created ${words(uniq.table.singular)}. The second is 409 application/problem+json with \`status\` 409. ` +
        `The table holds exactly one row with that ${codeList(uniq.columns)}.`,
    });
  }

  if (fk) {
    const parentName = words(fk.parent.singular);
    const patch = fk.child.name === primary.name ? `, and \`PATCH ${route(primary)}/<id>\` of an existing row with \`{"${fk.column.name}": "<random uuid>"}\`` : '';
    acceptance.push({
      id: 'schema-design.foreign-key',
      statement: `Pointing ${article(words(fk.child.singular))} at ${article(parentName)} that does not exist is a 422 with a clean message.`,
      sends:
        `\`POST ${route(fk.child)}\` with an otherwise valid body whose \`${fk.column.name}\` is a random uuid that is not in \`${fk.parent.name}\`${patch}.`,
      expects:
        `Status 422 application/problem+json with \`status\` 422 for each request; no body field contains PostgreSQL's own message ` +
        `text (the word "violates" or a constraint's SQL); the row count of \`${fk.child.name}\` is unchanged` +
        (patch ? ' and the patched row is unchanged.' : '.'),
    });
  }

  const example = checked?.column ? `\`${checked.table.name}.${checked.column.name}\` = ${violatingLiteral(checked.column)}` : undefined;
  acceptance.push({
    id: 'schema-design.rules-in-database',
    statement: 'The database enforces the rules itself, so a bug in validation cannot store bad data, and foreign keys are indexed.',
    sends:
      'Connects to the database directly and, in every table, inserts rows built by `test/support/fixtures.ts` that are valid except for one ' +
      `broken rule each: ${example ? `a value outside each enum and numeric range (for example ${example}), ` : ''}` +
      'NULL in each required column, a random uuid in each foreign key, and a copy of an existing row\'s values for each unique key' +
      (blankable ? `, plus \`${blankable.table.name}.${blankable.column.name}\` holding only spaces` : '') +
      `. Then it lists the indexes on ${codeList(fkColumns)}.`,
    expects:
      'Every insert is refused, each with its own SQLSTATE: 23514 (check_violation) for the enums and ranges' +
      (blankable ? ` and for the blank \`${blankable.column.name}\`, which your new migration forbids` : '') +
      ', 23502 (not_null_violation) for the NULLs, 23503 (foreign_key_violation) for the random uuids, 23505 (unique_violation) for the copies. ' +
      'Every foreign key column listed is the leading column of at least one valid index.',
  });

  return {
    id: 'schema-design',
    number: 3,
    slug: 'schema-design',
    title: 'Relations, migrations and constraints',
    goal:
      `Own the ${domain.name} schema: know why each foreign key, CHECK and UNIQUE rule is there, prove that every migration reverses cleanly, ` +
      `add a rule of your own in a new migration, read ${words(primary.name)} with their ${words(primaryIsChild ? rel.parent.name : rel.child.name)} in one ` +
      'joined query, and make every constraint violation tell the client which rule it broke.',
    whyItMatters:
      'Application code changes every week; the data stays for years. Rules that live only in a request handler get skipped by the ' +
      'next script, job or hurried hotfix that writes to the table, and inconsistent data is far more expensive to clean than to prevent. ' +
      'Migrations are how a schema changes safely on a running system, and a migration you cannot roll back is a one-way door you ' +
      'will be walking through during an incident. Schema questions come up in nearly every backend interview.',
    tasks: [
      `Write \`docs/schema.md\`: one line per table (${codeList(domain.tables.map((t) => t.name))}), each foreign key with its ON DELETE rule, ` +
        `and a sentence on why that rule is right (for example, why \`${rel.child.name}.${rel.column.name}\` is ${rel.column.references?.onDelete ?? 'restrict'}).`,
      'Read every migration in `src/db/migrations` and make sure each `down` undoes exactly what its `up` did. ' +
        (fkColumns.length > 0
          ? `Notice that each foreign key column (${codeList(fkColumns)}) also gets an index: PostgreSQL does not create one for you, ` +
            'and both joins and the ON DELETE check on the parent need it. '
          : '') +
        'Run `migrate:latest`, `migrate:rollback --all`, `migrate:latest` on an empty database until it is clean.',
      blankable
        ? `Write a migration of your own for a rule the API enforces and the database does not: \`${blankable.table.name}.${blankable.column.name}\` ` +
          `is refused by validation when blank, but an INSERT from psql or a script can still store \`''\` or spaces. Add a named CHECK ` +
          `(\`btrim(${blankable.column.name}) <> ''\`), with a working \`down\`, and prove it with an INSERT that now fails.`
        : 'Write a migration of your own that adds a named table-level CHECK your domain needs and the API already validates, with a working `down`.',
      `Add \`?include=${includeKey}\` to \`GET ${itemRoute(primary)}\`, loading both tables in one query with a join. Select columns explicitly ` +
        'with aliases: with `select *` across a join, the child and parent `id` columns collide and one silently overwrites the other.',
      'Read `src/http/database-errors.ts`: it already turns SQLSTATE 23505 (unique) into 409 and 23503 (foreign key) and 23514 (check) ' +
        'into 422, each with one generic sentence. Make `detail` say which rule was broken, in words a client developer understands, by ' +
        'mapping the constraint names your migrations declare (including the one you just added). Keep the generic sentence for names you ' +
        'do not know, and never forward the raw driver message.',
      ...(extraPost.length > 0
        ? [`Add \`POST\` for ${codeList([...new Set(extraPost)])} so the constraint checks have an endpoint to exercise.`]
        : []),
      `Write tests for the joined read, a duplicate create (409) and a create that points at a missing ${words(fk?.parent.singular ?? 'parent')} (422).`,
    ],
    acceptance,
    stretch: [
      `Add \`GET ${route(rel.parent)}/:id/${rel.child.name}\` as a paginated sub-collection and compare it with the \`include\` approach: payload size, caching, and N+1 risk.`,
      'Write a migration that renames a column without breaking a running older version of the app (expand, migrate, contract), and describe each deploy step.',
      `Try deleting ${article(words(rel.parent.singular))} that still has ${words(rel.child.name)} through the API and decide what the client should get back.`,
      'Add a deferrable constraint and explain when deferring the check to commit time is useful.',
    ],
    review: {
      correctness: [
        'Every `down` is the exact inverse of its `up`; nothing is dropped that the `up` did not create.',
        'The join selects explicit, aliased columns and the response `id` is always the requested row\'s id.',
        'SQLSTATE mapping checks the error code, not the message text, and unknown database errors still become 500.',
      ],
      edgeCases: [
        'A unique conflict on update (PATCH into an existing key) is also 409, not only on create.',
        `${capitalize(article(words(rel.parent.singular)))} deleted between validation and insert still yields 422, because the database, not a pre-check, decides.`,
        'Case and whitespace variants of unique text values: decide whether they are the same value and enforce it in the database if so.',
      ],
      maintainability: [
        'Constraint names are explicit and follow one convention, so errors and migrations can refer to them.',
        'Migrations are small and single-purpose; data backfills are separate from schema changes.',
        'The error mapping lives in one place, not repeated in each handler.',
      ],
    },
    talkingPoints: [
      'I put the rules in the database as constraints and also validate in the app. Validation gives clients a precise 400; the constraint is what actually guarantees the data, including against scripts and concurrent requests that pass validation together.',
      'Duplicate creates are 409 and references to missing rows are 422. Some teams use 400 for both; I prefer the split because clients can retry or re-fetch on 409 but must fix their input on 422.',
      `I chose ${rel.column.references?.onDelete ?? 'restrict'} for \`${rel.child.name}.${rel.column.name}\` on purpose. Cascade is convenient but can delete far more than the caller expected; restrict pushes the decision back to the client at the cost of an extra step.`,
      'Every migration has a tested `down`, but in production I would rather roll forward with a fix than roll back a migration that already touched data; reversible migrations are mostly a development and incident safety net.',
      'A join returns the parent with the child in one round trip. The alternative, one query per row, is fine for a single item and a disaster for a list of 100.',
    ],
    estimateHours: 8,
    dependsOn: ['first-endpoint'],
  };
};

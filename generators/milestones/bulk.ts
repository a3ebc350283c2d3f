import type { Column, Domain, Table } from '@create-backend-portfolio/core';

/**
 * Bulk rows for the indexes check: one `INSERT ... SELECT ... FROM generate_series(1, n) AS g` per
 * table, parents first, with values that satisfy every NOT NULL, unique, enum, range, foreign key and
 * CHECK constraint the scaffold's migrations create. Pure: the SQL is rendered into the check file.
 */

const sqlString = (value: string) => `'${value.replace(/'/g, "''")}'`;
const ident = (name: string) => `"${name}"`;

/** A permutation of 0..n-1 over g = 1..n (7919 is prime and does not divide the row counts used), so sorted columns do not follow insertion order. */
const spread = (n: number) => `((g * 7919) % ${n})`;

/**
 * Columns whose CHECK constraints tie them to other columns or to a format the generic rules do not
 * produce. `{column}` stands for that column's expression in the same row.
 */
const OVERRIDES: Readonly<Record<string, string>> = {
  // incidents_resolved_at_matches_status, incidents_resolved_after_opened
  'incidents.resolved_at': "CASE WHEN {status} = 'resolved' THEN {opened_at} + interval '1 hour' END",
  // test_runs_commit_sha_format: 40 lowercase hex digits, unique per row.
  'test_runs.commit_sha': "md5(g::text) || left(md5('sha' || g::text), 8)",
};

function columnExpression(table: Table, column: Column, rows: number): string {
  if (column.references !== undefined) {
    const parent = `p_${column.name}`;
    return `${parent}.ids[1 + g % cardinality(${parent}.ids)]`;
  }
  if (column.nullable === true) return 'NULL';
  if (column.enum !== undefined) {
    // A hash per column, so two enums with the same number of values are not correlated.
    return `(ARRAY[${column.enum.map(sqlString).join(', ')}])[1 + abs(hashtext(${sqlString(`${table.name}.${column.name}:`)} || g::text)) % ${column.enum.length}]`;
  }
  switch (column.type) {
    case 'uuid':
      return 'gen_random_uuid()';
    case 'text': {
      const max = column.maxLength ?? 1000;
      // Unique and composite-unique text gets the row number; it fits every maxLength of at least 8.
      if (max < 8) return `left(md5(g::text), ${max})`;
      return `${sqlString(`${String(column.example).slice(0, max - 7)}-`)} || g::text`;
    }
    case 'integer':
    case 'bigint':
    case 'numeric': {
      const min = column.min ?? 0;
      const max = column.max ?? min + 1000;
      return `${min} + g % ${Math.min(max - min + 1, 1_000_000)}`;
    }
    case 'boolean':
      return 'g % 2 = 0';
    case 'date':
      return `date '2027-01-01' + ${spread(rows)} % 3650`;
    case 'timestamptz':
      return `timestamptz '2027-01-01T00:00:00Z' + ${spread(rows)} * interval '1 minute'`;
  }
}

/** One INSERT ... SELECT for `rows` rows of `table`; its parents must already have rows. */
export function bulkInsert(table: Table, rows: number): string {
  const expressions = new Map<string, string>(table.columns.map((column) => [column.name, columnExpression(table, column, rows)]));
  for (const column of table.columns) {
    const override = OVERRIDES[`${table.name}.${column.name}`];
    if (override !== undefined) {
      expressions.set(
        column.name,
        override.replace(/\{([a-z_]+)\}/g, (_, name: string) => {
          const expression = expressions.get(name);
          if (expression === undefined) throw new Error(`override for ${table.name}.${column.name} names unknown column ${name}`);
          return `(${expression})`;
        }),
      );
    }
  }
  // Distinct creation times, so a list sorted by created_at has a realistic spread too.
  const created = `now() - ${spread(rows)} * interval '1 second'`;
  expressions.set('created_at', created).set('updated_at', created);
  const parents = table.columns
    .filter((column) => column.references !== undefined)
    .map((column) => `(SELECT array_agg(id ORDER BY id) AS ids FROM ${ident(column.references?.table ?? '')}) AS p_${column.name}`);
  return [
    `INSERT INTO ${ident(table.name)} (${[...expressions.keys()].map(ident).join(', ')})`,
    `SELECT ${[...expressions.values()].join(', ')}`,
    `FROM ${[`generate_series(1, ${rows}) AS g`, ...parents].join(', ')}`,
  ].join(' ');
}

/** The table and every table it references, directly or not, in the domain's order (parents first). */
export function withAncestors(domain: Domain, name: string): Table[] {
  const needed = new Set<string>();
  const visit = (tableName: string) => {
    if (needed.has(tableName)) return;
    needed.add(tableName);
    const table = domain.tables.find((candidate) => candidate.name === tableName);
    if (table === undefined) throw new Error(`domain ${domain.id} has no table ${tableName}`);
    for (const column of table.columns) if (column.references !== undefined) visit(column.references.table);
  };
  visit(name);
  const ordered = domain.tables.filter((table) => needed.has(table.name));
  ordered.forEach((table, index) => {
    const late = table.columns.find((column) => ordered.slice(index).some((other) => other.name === column.references?.table && other !== table));
    if (late !== undefined) throw new Error(`domain ${domain.id}: ${table.name} is listed before the table its ${late.name} references`);
  });
  return ordered;
}

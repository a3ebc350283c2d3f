import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type Column,
  type Domain,
  BACKGROUND_IDS,
  BACKGROUNDS,
  DOMAINS,
  defaultDomain,
  domainsFor,
  findDomain,
  getBackground,
  isBackgroundId,
  MILESTONE_IDS,
} from '../src/index.js';

describe('backgrounds', () => {
  it('has exactly one profile per CLI id, in the same order', () => {
    assert.deepEqual(
      BACKGROUNDS.map((background) => background.id),
      [...BACKGROUND_IDS],
    );
  });

  it('only names milestones and domains that exist', () => {
    for (const background of BACKGROUNDS) {
      for (const id of [...Object.keys(background.emphasis), ...Object.keys(background.notes), ...background.pullForward]) {
        assert.ok((MILESTONE_IDS as readonly string[]).includes(id), `${background.id} names unknown milestone ${id}`);
      }
      for (const bridge of background.bridges) assert.ok(MILESTONE_IDS.includes(bridge.milestone));
      assert.ok(background.suggestedDomains.length > 0, `${background.id} suggests no domain`);
      for (const id of background.suggestedDomains) assert.ok(findDomain(id), `${background.id} suggests unknown domain ${id}`);
    }
  });

  it('explains every milestone it goes deep on or fast-tracks, with a note or a concept bridge', () => {
    for (const background of BACKGROUNDS) {
      for (const id of Object.keys(background.emphasis) as (keyof typeof background.emphasis)[]) {
        const explained = background.notes[id] !== undefined || background.bridges.some((bridge) => bridge.milestone === id);
        assert.ok(explained, `${background.id} marks ${id} ${background.emphasis[id]} without saying why`);
      }
    }
  });

  it('refuses ids that are not backgrounds', () => {
    assert.equal(isBackgroundId('frontend'), true);
    assert.equal(isBackgroundId('Frontend'), false);
    assert.equal(isBackgroundId('designer'), false);
  });
});

/** What is wrong with a value for a column, in words, or undefined when the database and validation would both take it. */
function problemWith(column: Column, value: unknown): string | undefined {
  if (value === null) return column.nullable === true ? undefined : 'is null but the column is not nullable';
  if (column.enum !== undefined && !column.enum.includes(String(value))) return `${String(value)} is not one of ${column.enum.join(', ')}`;
  if (column.type === 'text' && column.maxLength !== undefined && String(value).length > column.maxLength) {
    return `is longer than ${column.maxLength} characters`;
  }
  if (column.type === 'integer') {
    if (typeof value !== 'number' || !Number.isInteger(value)) return 'is not an integer';
    if ((column.min !== undefined && value < column.min) || (column.max !== undefined && value > column.max)) return 'is out of bounds';
  }
  if (column.type === 'boolean' && typeof value !== 'boolean') return 'is not a boolean';
  // Responses serialize timestamps with toISOString, so the generated tests compare against exactly this form.
  if (column.type === 'timestamptz' && !(typeof value === 'string' && new Date(value).toISOString() === value)) {
    return 'is not an ISO 8601 UTC timestamp with milliseconds';
  }
  return undefined;
}

const tableOf = (domain: Domain, name: string) => domain.tables.find((table) => table.name === name);

describe('domains', () => {
  it('have distinct ids and at least three tables each', () => {
    assert.equal(new Set(DOMAINS.map((domain) => domain.id)).size, DOMAINS.length);
    for (const domain of DOMAINS) assert.ok(domain.tables.length >= 3, `${domain.id} has ${domain.tables.length} tables`);
  });

  it('every foreign key references an earlier table, so migrations run in order', () => {
    for (const domain of DOMAINS) {
      domain.tables.forEach((table, index) => {
        for (const column of table.columns) {
          if (column.references === undefined) continue;
          const parent = domain.tables.findIndex((candidate) => candidate.name === column.references?.table);
          assert.ok(parent >= 0 && parent < index, `${domain.id}.${table.name}.${column.name} references a later or unknown table`);
        }
      });
    }
  });

  it('names only real columns of the primary resource for filtering, sorting and the hot list', () => {
    for (const domain of DOMAINS) {
      const primary = domain.tables.find((table) => table.name === domain.primaryResource);
      assert.ok(primary, `${domain.id} has no table ${domain.primaryResource}`);
      const columns = new Set(['id', 'created_at', 'updated_at', ...primary.columns.map((column) => column.name)]);
      for (const name of [...domain.filterable, ...domain.sortable]) assert.ok(columns.has(name), `${domain.id}: ${name}`);
      const hot = domain.tables.find((table) => table.name === domain.hotList.table);
      assert.ok(hot, `${domain.id} hot list table`);
      assert.ok(domain.tables.some((table) => table.name === domain.contendedWrite.table));
    }
  });

  it('describe the contended write precisely enough for the text and a check: its kind and the fields that kind needs', () => {
    const kinds = new Set<string>();
    for (const domain of DOMAINS) {
      const write = domain.contendedWrite;
      kinds.add(write.kind);
      const table = tableOf(domain, write.table);
      assert.ok(table, `${domain.id}: contended table ${write.table}`);
      const columnsOf = (t: NonNullable<ReturnType<typeof tableOf>>) => new Set(t.columns.map((column) => column.name));
      const keysOf = (t: NonNullable<ReturnType<typeof tableOf>>) => [
        ...t.columns.filter((column) => column.unique).map((column) => [column.name]),
        ...(t.uniques ?? []),
      ];
      const sameKey = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((name) => b.includes(name));
      switch (write.kind) {
        case 'capacity': {
          const parentKey = table.columns.find((column) => column.references?.table === write.limit.table);
          assert.ok(parentKey, `${domain.id}: the limit lives on ${write.limit.table}, which ${table.name} must reference`);
          const limit = tableOf(domain, write.limit.table)?.columns.find((column) => column.name === write.limit.column);
          assert.ok(limit && limit.type === 'integer' && limit.min !== undefined, `${domain.id}: limit column is a bounded integer`);
          if (write.amountColumn) {
            const amount = table.columns.find((column) => column.name === write.amountColumn);
            assert.ok(amount && amount.type === 'integer' && (amount.min ?? 0) >= 1, `${domain.id}: amount column is a positive integer`);
          }
          if (write.countsWhen) assert.ok([...columnsOf(table)].some((name) => write.countsWhen!.includes(name)), `${domain.id}: countsWhen names a column`);
          break;
        }
        case 'single-winner': {
          assert.ok(write.collidesOn.length > 0, `${domain.id}: collidesOn is empty`);
          for (const name of write.collidesOn) assert.ok(columnsOf(table).has(name), `${domain.id}: collidesOn ${name} is not on ${table.name}`);
          if (write.activeWhen) {
            const named = table.columns.filter((column) => write.activeWhen!.includes(column.name));
            assert.ok(named.length > 0 && named.every((column) => column.nullable), `${domain.id}: activeWhen tests nullable columns of ${table.name}`);
          }
          break;
        }
        case 'counter': {
          assert.ok(keysOf(table).some((key) => sameKey(key, write.dedupeOn)), `${domain.id}: dedupeOn is a unique key of ${table.name}`);
          const counter = tableOf(domain, write.counter.table);
          assert.ok(counter, `${domain.id}: counter table ${write.counter.table}`);
          const column = counter.columns.find((c) => c.name === write.counter.column);
          assert.ok(column && column.type === 'integer' && column.min === 0, `${domain.id}: counter column is a non-negative integer`);
          assert.ok(keysOf(counter).some((key) => sameKey(key, write.counter.key)), `${domain.id}: the counter key is a unique key of ${counter.name}`);
          break;
        }
      }
    }
    assert.deepEqual([...kinds].sort(), ['capacity', 'counter', 'single-winner'], 'every kind is exercised by some domain');
  });

  it('state the degradation rule as an imperative, so "I chose to ..." and "The rule when it fails: ..." both read', () => {
    for (const domain of DOMAINS) {
      const rule = domain.dependency.degradation;
      assert.match(rule, /^[a-z]/, `${domain.id}: starts lower case`);
      assert.doesNotMatch(rule, /^(when|if|while|once|after|before|on|in|the|a|an)\b/i, `${domain.id}: "${rule.slice(0, 30)}" is not an imperative`);
      assert.doesNotMatch(rule, /\.$/, `${domain.id}: no trailing full stop; the sentence around it adds one`);
    }
  });

  it('hot list is served by the primary resource route, and its query and index agree with that route', () => {
    for (const domain of DOMAINS) {
      const { hotList } = domain;
      assert.equal(hotList.table, domain.primaryResource, `${domain.id}: the hot list must be a list the scaffold generates`);
      const table = tableOf(domain, hotList.table)!;
      const columns = new Set(['id', 'created_at', 'updated_at', ...table.columns.map((column) => column.name)]);
      for (const name of hotList.index) assert.ok(columns.has(name), `${domain.id}: index column ${name} is not on ${table.name}`);

      const url = new URL(hotList.route.replace(/^GET /, 'http://localhost'));
      assert.match(hotList.route, /^GET \//, `${domain.id}: hot list route is a GET`);
      assert.equal(url.pathname, `/${table.name}`, `${domain.id}: hot list route is not the ${table.name} list`);
      const sort = url.searchParams.get('sort') ?? '';
      const filters = [...url.searchParams.keys()].filter((key) => key !== 'sort' && key !== 'limit' && key !== 'offset');
      for (const name of filters) assert.ok(domain.filterable.includes(name), `${domain.id}: hot list filters on ${name}, which is not filterable`);
      assert.ok(domain.sortable.includes(sort), `${domain.id}: hot list sorts on ${sort}, which is not sortable`);
      // The list endpoint sorts ascending with `id` as the tiebreaker; the index must lead with the equality filters, then follow that order.
      assert.deepEqual([...hotList.index].sort(), [...filters, sort, 'id'].sort(), `${domain.id}: index columns`);
      assert.deepEqual(hotList.index.slice(-2), [sort, 'id'], `${domain.id}: index ends with the sort column and id`);
      assert.match(hotList.query, new RegExp(`FROM ${table.name} WHERE .* ORDER BY ${sort}, id LIMIT \\d+$`), `${domain.id}: hot query`);
      for (const name of filters) {
        assert.ok(hotList.query.includes(`${name} = '${url.searchParams.get(name)}'`), `${domain.id}: hot query filters ${name} like the route`);
      }
    }
  });

  it('example values obey their own column rules, so fixtures built from them insert', () => {
    for (const domain of DOMAINS) {
      for (const table of domain.tables) {
        for (const column of table.columns) {
          const problem = problemWith(column, column.example);
          assert.equal(problem, undefined, `${domain.id}.${table.name}.${column.name} example ${problem}`);
          if (column.unique === true && column.type === 'text' && column.maxLength !== undefined) {
            // Fixtures append a sequence number to unique text examples.
            assert.ok(String(column.example).length + 6 <= column.maxLength, `${domain.id}.${table.name}.${column.name} example leaves no room for a suffix`);
          }
        }
      }
    }
  });

  it('seed rows use real columns and point at parent rows that exist', () => {
    for (const domain of DOMAINS) {
      for (const [tableName, rows] of Object.entries(domain.seeds)) {
        const table = domain.tables.find((candidate) => candidate.name === tableName);
        assert.ok(table, `${domain.id} seeds unknown table ${tableName}`);
        for (const row of rows) {
          for (const [key, value] of Object.entries(row)) {
            const column: Column | undefined = table.columns.find((candidate) => candidate.name === key);
            assert.ok(column, `${domain.id}.${tableName} has no column ${key}`);
            if (value !== null && typeof value === 'object') {
              assert.equal(value.ref, column.references?.table, `${domain.id}.${tableName}.${key} points at the wrong table`);
              assert.ok((domain.seeds[value.ref]?.length ?? 0) > value.index, `${domain.id}.${tableName}.${key} points at a missing row`);
            } else {
              const problem = problemWith(column, value);
              assert.equal(problem, undefined, `${domain.id}.${tableName}.${key} seed ${problem}`);
            }
          }
          for (const column of table.columns) {
            if (column.nullable !== true && column.default === undefined) {
              assert.ok(column.name in row, `${domain.id}.${tableName} seed row has no value for required ${column.name}`);
            }
          }
        }
      }
    }
  });
});

describe('domain suggestions', () => {
  it('puts the background’s suggested domains first and keeps every domain', () => {
    for (const background of BACKGROUNDS) {
      const ordered = domainsFor(background);
      assert.equal(ordered.length, DOMAINS.length);
      const suggested = background.suggestedDomains.filter((id) => findDomain(id) !== undefined);
      assert.deepEqual(
        ordered.slice(0, suggested.length).map((domain) => domain.id),
        suggested,
      );
      assert.equal(defaultDomain(background), ordered[0]);
    }
  });

  it('getBackground returns the profile for the id', () => {
    assert.equal(getBackground('qa').id, 'qa');
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
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

describe('domains', () => {
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

  it('seed rows use real columns and point at parent rows that exist', () => {
    for (const domain of DOMAINS) {
      for (const [tableName, rows] of Object.entries(domain.seeds)) {
        const table = domain.tables.find((candidate) => candidate.name === tableName);
        assert.ok(table, `${domain.id} seeds unknown table ${tableName}`);
        for (const row of rows) {
          for (const [key, value] of Object.entries(row)) {
            assert.ok(table.columns.some((column) => column.name === key), `${domain.id}.${tableName} has no column ${key}`);
            if (value !== null && typeof value === 'object') {
              assert.ok((domain.seeds[value.ref]?.length ?? 0) > value.index, `${domain.id}.${tableName}.${key} points at a missing row`);
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

import { type Feature, templateFolder } from '../kit.js';
import type { Domain } from '@create-backend-portfolio/core';
import { valueLiteral } from '../view/columns.js';
import { camelCase, label, pascalCase } from '../view/names.js';
import { seedId, seedValue } from '../view/project.js';

/** Test fixtures: one values builder and one insert helper per table. */
export function fixturesView(domain: Domain) {
  const fixtures = domain.tables.map((table) => {
    const values = table.columns
      .filter((column) => column.references === undefined)
      .map((column) => ({
        key: column.name,
        value:
          column.unique === true && column.type === 'text'
            ? `\`${String(column.example)} \${n}\``
            : valueLiteral(column.example),
      }));
    return {
      table: table.name,
      label: label(table.singular),
      Singular: pascalCase(table.singular),
      camel: camelCase(table.singular),
      usesSequence: table.columns.some((column) => column.unique === true && column.type === 'text'),
      parents: table.columns.flatMap((column) => {
        const parent = domain.tables.find((candidate) => candidate.name === column.references?.table);
        return parent === undefined ? [] : [{ column: column.name, parent: pascalCase(parent.singular) }];
      }),
      values,
    };
  });
  return { fixtures, anySequence: fixtures.some((fixture) => fixture.usesSequence) };
}

/** The domain's schema: one reversible migration per table, demo seed data, and test fixtures. */
export const database: Feature = {
  name: 'database',
  async files(context) {
    const { view } = context;
    const seeds = view.domain.tables.map((table, tableIndex) => ({
      table: table.name,
      rows: (view.domain.seeds[table.name] ?? []).map((row, rowIndex) => ({
        entries: [
          { key: 'id', value: `'${seedId(tableIndex, rowIndex)}'` },
          ...Object.entries(row).map(([key, value]) => ({ key, value: seedValue(view.domain, value) })),
        ],
      })),
    }));
    const migrations = await Promise.all(
      view.tables.map((table) =>
        templateFolder(context, 'database/migration', { names: { migration: table.migrationName }, data: { table } }),
      ),
    );
    return [
      ...migrations.flat(),
      ...(await templateFolder(context, 'database/schema', { data: { seeds, ...fixturesView(view.domain) } })),
    ];
  },
};

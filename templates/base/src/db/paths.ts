import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Knex } from 'knex';

// Migrations and seeds run from TypeScript sources in development and from compiled JavaScript in the image.
const loadExtensions = ['.ts', '.js'];

const isScript = (file: string) => loadExtensions.includes(path.extname(file)) && !file.endsWith('.d.ts');

/**
 * knex records each applied migration under the name its source gives it. Its own source keeps the file's
 * extension, so a database migrated from `src/` (`0001_create_x.ts`) would look corrupt to the image running
 * `dist/` (`0001_create_x.js`), and the other way round. This source names a migration without its extension:
 * both runtimes record, and expect, `0001_create_x`.
 */
function migrationFiles(directory: string): Knex.MigrationSource<string> {
  const nameOf = (file: string) => path.basename(file, path.extname(file));
  return {
    async getMigrations() {
      const files = (await readdir(directory)).filter(isScript).sort();
      const names = files.map(nameOf);
      const twice = names.find((name, index) => names.indexOf(name) !== index);
      if (twice !== undefined) throw new Error(`${directory} holds migration ${twice} twice, as .ts and .js: keep one`);
      return files;
    },
    getMigrationName: nameOf,
    getMigration: async (file) => (await import(pathToFileURL(path.join(directory, file)).href)) as Knex.Migration,
  };
}

export function migrationOptions(dbDir: string): Knex.MigratorConfig {
  return { migrationSource: migrationFiles(path.join(dbDir, 'migrations')) };
}

export function seedOptions(dbDir: string): Knex.SeederConfig {
  return { directory: path.join(dbDir, 'seeds'), loadExtensions };
}

import path from 'node:path';
import type { Knex } from 'knex';

// Migrations run from TypeScript sources in development and from compiled JavaScript in the image.
const loadExtensions = ['.ts', '.js'];

export function migrationOptions(dbDir: string): Knex.MigratorConfig {
  return { directory: path.join(dbDir, 'migrations'), loadExtensions };
}

export function seedOptions(dbDir: string): Knex.SeederConfig {
  return { directory: path.join(dbDir, 'seeds'), loadExtensions };
}

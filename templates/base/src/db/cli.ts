import { loadConfig, loadDotEnv } from '../config.js';
import { createDatabase } from './database.js';
import { migrationOptions, seedOptions } from './paths.js';

const usage = 'usage: migrate:latest | migrate:rollback [--all] | migrate:down | seed';

async function main([command, ...args]: string[]): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  const db = await createDatabase(config);
  const migrations = migrationOptions(import.meta.dirname);
  try {
    switch (command) {
      case 'migrate:latest': {
        const [, applied] = await db.migrate.latest(migrations);
        console.log(applied.length === 0 ? 'Already up to date.' : `Applied:\n  ${applied.join('\n  ')}`);
        break;
      }
      case 'migrate:rollback': {
        const [, reverted] = await db.migrate.rollback(migrations, args.includes('--all'));
        console.log(reverted.length === 0 ? 'Nothing to roll back.' : `Rolled back:\n  ${reverted.join('\n  ')}`);
        break;
      }
      case 'migrate:down': {
        // One migration, the most recent, whatever batch it came in: how you prove each `down` on its own.
        const [, reverted] = (await db.migrate.down(migrations)) as [number, string[]];
        console.log(reverted.length === 0 ? 'Nothing to undo.' : `Undid:\n  ${reverted.join('\n  ')}`);
        break;
      }
      case 'seed': {
        const [files] = await db.seed.run(seedOptions(import.meta.dirname));
        console.log(`Ran ${files.length} seed file(s).`);
        break;
      }
      default:
        throw new Error(usage);
    }
  } finally {
    await db.destroy();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});

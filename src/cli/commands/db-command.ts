import type { Command } from 'commander';
import { displayLocation, LATEST_SCHEMA_VERSION, migrateStore } from '../../store/index.js';
import type { CliIo } from '../cli-io.js';
import { resolveDbLocation } from '../resolve-db-location.js';
import { withStore } from '../with-store.js';
import { shared } from '../cli-options.js';

export function registerDbCommand(program: Command, io: CliIo): void {
  const db = program.command('db').description('manage the store');
  db.command('migrate')
    .description('bring an older store (SQLite or Postgres) to the current schema (forward only; back it up first)')
    .addOption(shared('db'))
    .action(async (options: { db?: string }) => {
      const target = resolveDbLocation(options.db, io);
      const result = await migrateStore(target);
      const location = displayLocation(target);
      if (result.applied.length === 0) io.stdout.write(`${location}: already at schema version ${result.to}\n`);
      else
        io.stdout.write(
          `${location}: migrated from version ${result.from} to ${result.to}\n${result.applied.map((name) => `  applied ${name}\n`).join('')}`,
        );
    });
  db.command('info')
    .description('schema version and row counts')
    .addOption(shared('db'))
    .action(async (options: { db?: string }) => {
      await withStore(options.db, io, async (store) => {
        const counts = await store.counts();
        io.stdout.write(
          `store: ${store.location} (${store.dialect}), schema version ${await store.schemaVersion()} of ${LATEST_SCHEMA_VERSION}\n`,
        );
        for (const [name, value] of Object.entries(counts)) io.stdout.write(`  ${name.padEnd(13)} ${value}\n`);
      });
    });
}

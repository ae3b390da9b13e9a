import { applyMigrations } from '../apply-migrations.js';
import { openPostgresDatabase } from './open-postgres-database.js';
import { withMigrationLock } from './with-migration-lock.js';

/** Brings a Postgres database to the current schema (forward only). */
export async function migratePostgresDatabase(url: string): Promise<{ from: number; to: number; applied: string[] }> {
  const db = await openPostgresDatabase(url, { poolSize: 2 });
  try {
    return await withMigrationLock(db, (connection) => applyMigrations(connection, 'postgres', () => new Date().toISOString()));
  } finally {
    await db.destroy();
  }
}

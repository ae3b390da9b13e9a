import { applyMigrations } from '../apply-migrations.js';
import { openSqliteDatabase } from './open-sqlite-database.js';

/** Brings a SQLite file to the current schema (forward only). */
export async function migrateSqliteDatabase(path: string): Promise<{ from: number; to: number; applied: string[] }> {
  const db = openSqliteDatabase(path);
  try {
    return await applyMigrations(db, 'sqlite', () => new Date().toISOString());
  } finally {
    await db.destroy();
  }
}

import { ensureSchema } from '../apply-migrations.js';
import type { CandorStore } from '../candor-store.js';
import { createSqlStore } from '../sql-store.js';
import { openSqliteConnection } from './open-sqlite-database.js';

/** Opens Candor's embedded store: a SQLite file, created at the current schema when new. */
export async function openSqliteStore(path: string, options?: { now?: () => string }): Promise<CandorStore> {
  const { db, streamRows } = openSqliteConnection(path);
  const now = options?.now ?? (() => new Date().toISOString());
  try {
    await ensureSchema(db, 'sqlite', path, now);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return createSqlStore({ db, dialect: 'sqlite', location: path, now, streamRows });
}

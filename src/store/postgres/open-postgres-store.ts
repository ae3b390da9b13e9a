import { ensureSchema } from '../apply-migrations.js';
import type { CandorStore } from '../candor-store.js';
import { createSqlStore } from '../sql-store.js';
import { openPostgresDatabase } from './open-postgres-database.js';
import { redactPostgresUrl } from './redact-postgres-url.js';
import { withMigrationLock } from './with-migration-lock.js';

/** Opens a shared Postgres store (postgres://user:password@host/db), created at the current schema when empty. */
export async function openPostgresStore(url: string, options?: { now?: () => string; poolSize?: number }): Promise<CandorStore> {
  const location = redactPostgresUrl(url);
  const db = await openPostgresDatabase(url, { poolSize: options?.poolSize });
  const now = options?.now ?? (() => new Date().toISOString());
  try {
    await withMigrationLock(db, (connection) => ensureSchema(connection, 'postgres', location, now));
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return createSqlStore({ db, dialect: 'postgres', location, now });
}

import type { CandorStore } from './candor-store.js';
import { migrateSqliteDatabase, openSqliteStore } from './sqlite/open-sqlite-store.js';
import { redactPostgresUrl } from './postgres/redact-postgres-url.js';

/** Default store location when neither --db nor CANDOR_DB is given. */
export const DEFAULT_DB_PATH = './candor.db';

/** True for postgres:// and postgresql:// URLs. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//.test(location);
}

/** Opens the store at a file path (SQLite) or a postgres:// URL (the driver loads only then). */
export async function openStore(location: string, options?: { now?: () => string }): Promise<CandorStore> {
  if (isPostgresUrl(location)) {
    const { openPostgresStore } = await import('./postgres/open-postgres-store.js');
    return openPostgresStore(location, options);
  }
  return openSqliteStore(location, options);
}

/** Applies pending migrations to the store at `location`. */
export async function migrateStore(location: string): Promise<{ from: number; to: number; applied: string[] }> {
  if (isPostgresUrl(location)) {
    const { migratePostgresDatabase } = await import('./postgres/open-postgres-store.js');
    return migratePostgresDatabase(location);
  }
  return migrateSqliteDatabase(location);
}

/** The location as it may be shown: a postgres:// URL without its password. */
export function displayLocation(location: string): string {
  return isPostgresUrl(location) ? redactPostgresUrl(location) : location;
}

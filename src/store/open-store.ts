import { CandorError } from '../core/index.js';
import type { CandorStore } from './candor-store.js';
import { migrateSqliteDatabase } from './sqlite/migrate-sqlite-database.js';
import { openSqliteStore } from './sqlite/open-sqlite-store.js';

/** Default store location when neither --db nor CANDOR_DB is given. */
export const DEFAULT_DB_PATH = './candor.db';

function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//.test(location);
}

function postgresNotYet(): never {
  throw new CandorError(
    'postgres_unavailable',
    'Postgres stores are not available in this version of Candor; use a SQLite file path for --db',
  );
}

/** Opens the store at a file path (SQLite) or a postgres:// URL. */
export async function openStore(location: string, options?: { now?: () => string }): Promise<CandorStore> {
  if (isPostgresUrl(location)) postgresNotYet();
  return openSqliteStore(location, options);
}

/** Applies pending migrations to the store at `location`. */
export async function migrateStore(location: string) {
  if (isPostgresUrl(location)) postgresNotYet();
  return migrateSqliteDatabase(location);
}

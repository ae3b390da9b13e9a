import { sql, type Kysely } from 'kysely';
import type { DatabaseSchema } from '../database-schema.js';

/** Any constant: the advisory lock key that serialises schema changes between Candor processes. */
const MIGRATION_LOCK_KEY = 4_202_608;

/**
 * Runs `work` on one connection while holding a session advisory lock, so that many workers
 * opening a new database at once create its schema exactly once.
 */
export async function withMigrationLock<T>(db: Kysely<DatabaseSchema>, work: (connection: Kysely<DatabaseSchema>) => Promise<T>): Promise<T> {
  return db.connection().execute(async (connection) => {
    await sql`SELECT pg_advisory_lock(${MIGRATION_LOCK_KEY})`.execute(connection);
    try {
      return await work(connection);
    } finally {
      await sql`SELECT pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.execute(connection);
    }
  });
}

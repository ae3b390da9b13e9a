import { sql, type Kysely } from 'kysely';
import type { DatabaseSchema } from './database-schema.js';
import type { SqlDialect } from './sql-dialect.js';
import type { WorkQueueSchema } from './work-queue-schema.js';

/** The store's tables plus the work-queue tables. */
export type QueueDatabase = Kysely<DatabaseSchema & WorkQueueSchema>;

/** Widens a store connection to the work-queue tables. */
export function queueDatabase(db: Kysely<DatabaseSchema>): QueueDatabase {
  return db.withTables<WorkQueueSchema>();
}

export { withWriteTransaction } from './write-transaction.js';

/**
 * Milliseconds since the epoch. On Postgres from the server's clock, so that leases and rate
 * windows mean the same on every machine; SQLite lives on one machine, whose clock is used.
 */
export async function databaseNowMs(db: QueueDatabase, dialect: SqlDialect): Promise<number> {
  if (dialect === 'sqlite') return Date.now();
  const result = await sql<{ now: string | number }>`SELECT (extract(epoch from clock_timestamp()) * 1000)::bigint AS now`.execute(db);
  return Number(result.rows[0]!.now);
}

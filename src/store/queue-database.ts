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

/**
 * Runs `work` in a transaction that may read, then write, without losing a race to another
 * process: SQLite takes the write lock up front (BEGIN IMMEDIATE, waiting on busy_timeout);
 * Postgres runs a normal transaction and `work` locks the rows it needs (FOR UPDATE).
 */
export async function withWriteTransaction<T>(db: QueueDatabase, dialect: SqlDialect, work: (transaction: QueueDatabase) => Promise<T>): Promise<T> {
  if (dialect === 'postgres') return db.transaction().execute(work);
  return db.connection().execute(async (connection) => {
    await sql`BEGIN IMMEDIATE`.execute(connection);
    try {
      const result = await work(connection);
      await sql`COMMIT`.execute(connection);
      return result;
    } catch (error) {
      await sql`ROLLBACK`.execute(connection).catch(() => {});
      throw error;
    }
  });
}

/**
 * Milliseconds since the epoch. On Postgres from the server's clock, so that leases and rate
 * windows mean the same on every machine; SQLite lives on one machine, whose clock is used.
 */
export async function databaseNowMs(db: QueueDatabase, dialect: SqlDialect): Promise<number> {
  if (dialect === 'sqlite') return Date.now();
  const result = await sql<{ now: string | number }>`SELECT (extract(epoch from clock_timestamp()) * 1000)::bigint AS now`.execute(db);
  return Number(result.rows[0]!.now);
}

import { sql, type Kysely } from 'kysely';
import type { DatabaseSchema } from './database-schema.js';

/** The SQL engines Candor stores into. */
export type SqlDialect = 'sqlite' | 'postgres';

/** Column type for an auto-generated integer primary key. */
export function generatedIdColumn(dialect: SqlDialect): string {
  return dialect === 'sqlite' ? 'INTEGER PRIMARY KEY AUTOINCREMENT' : 'BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY';
}

/** Column type for a floating-point number. */
export function realColumn(dialect: SqlDialect): string {
  return dialect === 'sqlite' ? 'REAL' : 'DOUBLE PRECISION';
}

/**
 * Milliseconds since the epoch. On Postgres from the server's clock, so that leases and rate
 * windows mean the same on every machine; SQLite lives on one machine, whose clock is used.
 */
export async function databaseNowMs(db: Kysely<DatabaseSchema>, dialect: SqlDialect): Promise<number> {
  if (dialect === 'sqlite') return Date.now();
  const result = await sql<{
    now: string | number;
  }>`SELECT (extract(epoch from clock_timestamp()) * 1000)::bigint AS now`.execute(db);
  return Number(result.rows[0]!.now);
}

import { Kysely, PostgresDialect, sql } from 'kysely';
import type * as PgModule from 'pg';
import { CandorError } from '../../core/index.js';
import { applyMigrations, ensureSchema } from '../apply-migrations.js';
import type { CandorStore } from '../candor-store.js';
import type { DatabaseSchema } from '../database-schema.js';
import { escapeValue, restoreValue } from '../lossless-text.js';
import { createSqlStore } from '../sql-store.js';
import { redactPostgresUrl, scrubPassword } from './redact-postgres-url.js';

/** Opens a shared Postgres store (postgres://user:password@host/db), created at the current schema when empty. */
export async function openPostgresStore(
  url: string,
  options?: { now?: () => string; poolSize?: number },
): Promise<CandorStore> {
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

/** Brings a Postgres database to the current schema (forward only). */
export async function migratePostgresDatabase(url: string): Promise<{ from: number; to: number; applied: string[] }> {
  const db = await openPostgresDatabase(url, { poolSize: 2 });
  try {
    return await withMigrationLock(db, (connection) =>
      applyMigrations(connection, 'postgres', () => new Date().toISOString()),
    );
  } finally {
    await db.destroy();
  }
}

const INT8_OID = 20;

/** Connections per process: a worker or the explorer needs few at once, and many workers share the server's max_connections. */
const DEFAULT_POOL_SIZE = 4;

/**
 * Connects a pg Pool to the database at `url` and checks that it answers. BIGINT (ids, COUNT) is
 * parsed as a JS number for this pool only: Candor's ids and counts stay far below 2^53.
 */
export async function openPostgresDatabase(
  url: string,
  options: { poolSize?: number } = {},
): Promise<Kysely<DatabaseSchema>> {
  const pg = await loadPg();
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? DEFAULT_POOL_SIZE,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID && format !== 'binary'
          ? (value: string) => Number(value)
          : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on('error', () => {});
  const db = new Kysely<DatabaseSchema>({ dialect: new PostgresDialect({ pool: losslessPool(pool) }) });
  try {
    await sql`SELECT 1`.execute(db);
  } catch (error) {
    await db.destroy().catch(() => {});
    const message = scrubPassword((error as Error).message, url);
    throw new CandorError('db_open_failed', `${redactPostgresUrl(url)}: cannot connect to Postgres (${message})`, {
      cause: error,
    });
  }
  return db;
}

/** Any constant: the advisory lock key that serialises schema changes between Candor processes. */
const MIGRATION_LOCK_KEY = 4_202_608;

/**
 * Runs `work` on one connection while holding a session advisory lock, so that many workers
 * opening a new database at once create its schema exactly once.
 */
export async function withMigrationLock<T>(
  db: Kysely<DatabaseSchema>,
  work: (connection: Kysely<DatabaseSchema>) => Promise<T>,
): Promise<T> {
  return db.connection().execute(async (connection) => {
    await sql`SELECT pg_advisory_lock(${MIGRATION_LOCK_KEY})`.execute(connection);
    try {
      return await work(connection);
    } finally {
      await sql`SELECT pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.execute(connection);
    }
  });
}

/** The parts of the `pg` driver Candor uses. */
export type PgDriver = typeof PgModule;

/** Loads `pg` only when a postgres:// store is opened; a clear "install pg" error if it is missing. */
export async function loadPg(): Promise<PgDriver> {
  try {
    const loaded = (await import('pg')) as PgDriver & { default?: PgDriver };
    return loaded.default ?? loaded;
  } catch (error) {
    throw new CandorError(
      'pg_missing',
      'a postgres:// store needs the Postgres driver: run `npm install pg` next to Candor, or use a SQLite file path for --db',
      { cause: error },
    );
  }
}

interface QueryResultLike {
  rows?: unknown[];
}

interface PoolClientLike {
  query(...args: unknown[]): Promise<unknown>;
  release(): void;
}

interface PoolLike {
  connect(): Promise<PoolClientLike>;
  end(): Promise<void>;
}

/** Wraps a pg pool so that each text query escapes its parameters and restores the strings of its rows. */
export function losslessPool<Pool extends PoolLike>(pool: Pool): Pool {
  const connect = async () => {
    const client = await pool.connect();
    return new Proxy(client, {
      get(target, property, receiver) {
        if (property !== 'query') return Reflect.get(target, property, receiver) as unknown;
        return async (...args: unknown[]) => {
          // Streams (a Cursor object) pass as they are; Candor streams only on SQLite.
          if (typeof args[0] !== 'string') return target.query(...args);
          const parameters = Array.isArray(args[1]) ? args[1].map(escapeValue) : args[1];
          const result = (await target.query(args[0], parameters, ...args.slice(2))) as QueryResultLike;
          if (Array.isArray(result?.rows)) {
            for (const row of result.rows) {
              if (row === null || typeof row !== 'object') continue;
              const record = row as Record<string, unknown>;
              for (const key of Object.keys(record)) record[key] = restoreValue(record[key]);
            }
          }
          return result;
        };
      },
    });
  };
  return new Proxy(pool, {
    get(target, property, receiver) {
      if (property === 'connect') return connect;
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}

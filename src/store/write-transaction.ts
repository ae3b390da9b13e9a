import { sql, type Kysely } from 'kysely';
import { CandorError } from '../core/index.js';
import type { SqlDialect } from './sql-dialect.js';

/** How long a writer waits, in all, for another process to release a SQLite file's write lock. */
export const DEFAULT_LOCK_WAIT_MS = 10 * 60_000;

export interface WriteTransactionOptions {
  /** Names the store in errors. */
  location?: string;
  /** Give up after waiting this long for the lock (default 10 minutes: an import may hold it for a while). */
  maxWaitMs?: number;
}

const sleep = (ms: number) => new Promise((resolveSleep) => setTimeout(resolveSleep, ms));

/**
 * Runs `work` in a transaction that may read, then write, without losing a race to another
 * process. SQLite: takes the write lock up front (BEGIN IMMEDIATE), so a transaction never fails
 * half-way when another process wrote since it began reading; while another process holds the
 * lock, waits with backoff (the short busy_timeout set on open blocks at most ~100 ms at a time,
 * so the event loop keeps serving requests and timers) and tries again. `work` may run more than
 * once: it must only touch the database. Postgres: a normal transaction; `work` locks the rows it
 * needs (FOR UPDATE).
 */
// Any database schema: the function only opens, retries and closes the transaction.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function withWriteTransaction<Db extends Kysely<any>, T>(
  db: Db,
  dialect: SqlDialect,
  work: (transaction: Db) => Promise<T>,
  options: WriteTransactionOptions = {},
): Promise<T> {
  if (dialect === 'postgres') return db.transaction().execute((transaction) => work(transaction as unknown as Db));
  const started = Date.now();
  const maxWaitMs = options.maxWaitMs ?? DEFAULT_LOCK_WAIT_MS;
  let delayMs = 5;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.connection().execute(async (connection) => {
        await sql`BEGIN IMMEDIATE`.execute(connection);
        try {
          const result = await work(connection as unknown as Db);
          await sql`COMMIT`.execute(connection);
          return result;
        } catch (error) {
          // SQLite may have rolled back already (a full disk does): nothing to undo then.
          await sql`ROLLBACK`.execute(connection).catch(() => {});
          throw error;
        }
      });
    } catch (error) {
      const location = options.location ?? 'store';
      if (!isSqliteBusy(error)) throw describeSqliteFailure(error, location) ?? error;
      const waited = Date.now() - started;
      if (waited >= maxWaitMs) {
        throw new CandorError(
          'store_busy',
          `${location}: another process has held the write lock for ${Math.round(waited / 1000)} s (${attempt} tries); nothing of this write was stored, try again when it is done`,
          { cause: error },
        );
      }
      await sleep(Math.min(delayMs * (0.5 + Math.random()), maxWaitMs - waited));
      delayMs = Math.min(delayMs * 2, 250);
    }
  }
}

/** better-sqlite3's error code (SQLITE_BUSY, SQLITE_FULL, …), or null for any other error. */
function sqliteCode(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null;
}

/** Another connection holds the lock: waiting and trying again will do. */
function isSqliteBusy(error: unknown): boolean {
  const code = sqliteCode(error);
  return code !== null && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/**
 * One line that says what is wrong with the store file and what to do, for the SQLite failures a
 * user can meet (full disk, read-only file, corrupted file); null for anything else.
 */
export function describeSqliteFailure(error: unknown, location: string): CandorError | null {
  const code = sqliteCode(error);
  if (code === null) return null;
  if (code.startsWith('SQLITE_FULL')) {
    return new CandorError(
      'disk_full',
      `${location}: the disk is full; nothing of the last write was stored (free some space and run the command again, runs resume with --resume)`,
      { cause: error },
    );
  }
  if (code.startsWith('SQLITE_READONLY')) {
    return new CandorError(
      'store_read_only',
      `${location}: the store is read-only (check the file's and its folder's permissions); nothing was written`,
      { cause: error },
    );
  }
  if (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB')) {
    return new CandorError(
      'store_corrupt',
      `${location}: the store file is corrupted (${(error as Error).message}); restore a backup or start a new --db`,
      { cause: error },
    );
  }
  if (code.startsWith('SQLITE_IOERR')) {
    return new CandorError(
      'store_io_error',
      `${location}: the disk could not read or write the store (${(error as Error).message})`,
      { cause: error },
    );
  }
  return null;
}

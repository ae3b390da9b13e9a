import { CandorError } from '../core/index.js';

/** better-sqlite3's error code (SQLITE_BUSY, SQLITE_FULL, …), or null for any other error. */
export function sqliteCode(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null;
}

/** Another connection holds the lock: waiting and trying again will do. */
export function isSqliteBusy(error: unknown): boolean {
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
    return new CandorError('disk_full', `${location}: the disk is full; nothing of the last write was stored (free some space and run the command again, runs resume with --resume)`, { cause: error });
  }
  if (code.startsWith('SQLITE_READONLY')) {
    return new CandorError('store_read_only', `${location}: the store is read-only (check the file's and its folder's permissions); nothing was written`, { cause: error });
  }
  if (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB')) {
    return new CandorError('store_corrupt', `${location}: the store file is corrupted (${(error as Error).message}); restore a backup or start a new --db`, { cause: error });
  }
  if (code.startsWith('SQLITE_IOERR')) {
    return new CandorError('store_io_error', `${location}: the disk could not read or write the store (${(error as Error).message})`, { cause: error });
  }
  return null;
}

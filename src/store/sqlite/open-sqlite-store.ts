import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { CandorError } from '../../core/index.js';
import { applyMigrations, ensureSchema } from '../apply-migrations.js';
import type { CandorStore } from '../candor-store.js';
import type { DatabaseSchema } from '../database-schema.js';
import { escapeValue, restoreValue } from '../lossless-text.js';
import { createSqlStore } from '../sql-store.js';
import { sqliteResponseRows, type PrepareStatement } from './sqlite-response-rows.js';

/** Opens Candor's embedded store: a SQLite file, created at the current schema when new. */
export async function openSqliteStore(path: string, options?: { now?: () => string }): Promise<CandorStore> {
  const { db, streamRows, prepare } = openSqliteConnection(path);
  const now = options?.now ?? (() => new Date().toISOString());
  try {
    await ensureSchema(db, 'sqlite', path, now);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return createSqlStore({
    db,
    dialect: 'sqlite',
    location: path,
    now,
    streamRows,
    responseRows: sqliteResponseRows(prepare),
  });
}

/** Brings a SQLite file to the current schema (forward only). */
export async function migrateSqliteDatabase(path: string): Promise<{ from: number; to: number; applied: string[] }> {
  const db = openSqliteDatabase(path);
  try {
    return await applyMigrations(db, 'sqlite', () => new Date().toISOString());
  } finally {
    await db.destroy();
  }
}

/** Runs one read query and hands its rows over one at a time (nothing else may use the connection meanwhile). */
export type RowStreamer = (sqlText: string, parameters: readonly unknown[]) => Iterable<Record<string, unknown>>;

/** Opens (creating if needed) a SQLite file with WAL and foreign keys on. */
export function openSqliteDatabase(path: string): Kysely<DatabaseSchema> {
  return openSqliteConnection(path).db;
}

/**
 * The same, with a row streamer over the raw connection: better-sqlite3's iterate() hands rows over
 * as SQLite produces them, where kysely builds the whole result array first (on a million rows that
 * array alone made a 15 s query take 60 s in garbage collection, at 2.7 GB).
 */
export function openSqliteConnection(path: string): {
  db: Kysely<DatabaseSchema>;
  streamRows: RowStreamer;
  /** The connection's cached, lossless prepare (the statements Kysely runs come from the same cache). */
  prepare: PrepareStatement;
} {
  if (path !== ':memory:' && !existsSync(dirname(resolve(path)))) {
    throw new CandorError(
      'db_folder_missing',
      `${path}: folder ${dirname(resolve(path))} does not exist; create it or pass another --db`,
    );
  }
  let database: Database.Database;
  try {
    database = new Database(path);
    // Switching a new file to WAL needs the file to itself for a moment: wait for it here.
    database.pragma('busy_timeout = 10000');
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    database.pragma('foreign_keys = ON');
    // Checkpoint every ~40 MB of WAL, not SQLite's default ~4 MB (https://www.sqlite.org/pragma.html#pragma_wal_autocheckpoint):
    // each checkpoint syncs the file inside some writer's COMMIT, which at 1,024 requests in flight stalled the
    // event loop a dozen times per 15k outcomes (bench:runner 0.87 → 0.89–0.90 of ideal, warm). Closing checkpoints the rest.
    database.pragma('wal_autocheckpoint = 10000');
    // Short: a writer that finds the file locked waits in steps with the event loop free (write-transaction.ts).
    database.pragma('busy_timeout = 100');
  } catch (error) {
    throw new CandorError('db_open_failed', `${path}: cannot open as a SQLite database (${(error as Error).message})`, {
      cause: error,
    });
  }
  // A fresh statement for each stream: a cached one could be asked for again while it iterates.
  const prepareFresh = (source: string) => losslessStatement(prepareRaw(source));
  const prepareRaw = database.prepare.bind(database);
  cachePreparedStatements(database);
  return {
    db: new Kysely<DatabaseSchema>({ dialect: new SqliteDialect({ database }) }),
    streamRows: (sqlText, parameters) =>
      prepareFresh(sqlText).iterate(...parameters) as Iterable<Record<string, unknown>>,
    prepare: (source) => database.prepare(source),
  };
}

/**
 * Kysely prepares every statement anew; the same SQL text (batched inserts, lookups) recurs
 * thousands of times in a run, so keep the most recent prepared statements. better-sqlite3
 * statements are reusable; kysely runs each to completion before the next.
 */
function cachePreparedStatements(database: Database.Database, capacity = 256): void {
  const prepare = database.prepare.bind(database);
  const cache = new Map<string, Database.Statement>();
  database.prepare = ((source: string) => {
    let statement = cache.get(source);
    if (statement) {
      cache.delete(source);
    } else {
      statement = losslessStatement(prepare(source));
      if (cache.size >= capacity) cache.delete(cache.keys().next().value!);
    }
    cache.set(source, statement);
    return statement;
  }) as Database.Database['prepare'];
}

function restoreRow(row: unknown): unknown {
  if (Array.isArray(row)) return row.map(restoreValue);
  if (row === null || typeof row !== 'object') return row;
  const record = row as Record<string, unknown>;
  for (const key of Object.keys(record)) record[key] = restoreValue(record[key]);
  return record;
}

/**
 * A statement whose string parameters are escaped and whose rows' strings are restored
 * (lossless-text.ts): SQLite would otherwise turn a lone surrogate in model output into U+FFFD.
 */
function losslessStatement(statement: Database.Statement): Database.Statement {
  const escapeAll = (parameters: unknown[]) => parameters.map(escapeValue);
  return new Proxy(statement, {
    get(target, property) {
      switch (property) {
        case 'run':
          return (...parameters: unknown[]) => target.run(...escapeAll(parameters));
        case 'get':
          return (...parameters: unknown[]) => restoreRow(target.get(...escapeAll(parameters)));
        case 'all':
          return (...parameters: unknown[]) => target.all(...escapeAll(parameters)).map(restoreRow);
        case 'iterate':
          return function* (...parameters: unknown[]) {
            for (const row of target.iterate(...escapeAll(parameters))) yield restoreRow(row);
          };
        default: {
          const value = Reflect.get(target, property, target) as unknown;
          return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
        }
      }
    },
  });
}

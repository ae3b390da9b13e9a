import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { CandorError } from '../../core/index.js';
import type { DatabaseSchema } from '../database-schema.js';

/** Opens (creating if needed) a SQLite file with WAL and foreign keys on. */
export function openSqliteDatabase(path: string): Kysely<DatabaseSchema> {
  if (path !== ':memory:' && !existsSync(dirname(resolve(path)))) {
    throw new CandorError('db_folder_missing', `${path}: folder ${dirname(resolve(path))} does not exist; create it or pass another --db`);
  }
  let database: Database.Database;
  try {
    database = new Database(path);
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    database.pragma('foreign_keys = ON');
    database.pragma('busy_timeout = 10000');
  } catch (error) {
    throw new CandorError('db_open_failed', `${path}: cannot open as a SQLite database (${(error as Error).message})`, { cause: error });
  }
  cachePreparedStatements(database);
  return new Kysely<DatabaseSchema>({ dialect: new SqliteDialect({ database }) });
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
      statement = prepare(source);
      if (cache.size >= capacity) cache.delete(cache.keys().next().value!);
    }
    cache.set(source, statement);
    return statement;
  }) as Database.Database['prepare'];
}

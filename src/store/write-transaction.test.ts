import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteDatabase } from './sqlite/open-sqlite-store.js';
import { withWriteTransaction } from './write-transaction.js';

/** The one table these tests write to. */
interface TestTable {
  t: { value: number };
}

const opened: { close(): unknown }[] = [];
afterEach(() => {
  for (const handle of opened.splice(0)) handle.close();
});

function fileWithTable(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'candor-write-')), 'store.db');
  const setup = new Database(path);
  setup.pragma('journal_mode = WAL');
  setup.exec('CREATE TABLE t (n INTEGER)');
  setup.close();
  return path;
}

describe('write transactions on a SQLite file other processes write too', () => {
  it('waits while another connection holds the write lock, then commits', async () => {
    const path = fileWithTable();
    const other = new Database(path);
    opened.push(other);
    other.exec('BEGIN IMMEDIATE');
    other.exec('INSERT INTO t VALUES (1)');
    setTimeout(() => other.exec('COMMIT'), 700);
    const db = openSqliteDatabase(path);
    opened.push({ close: () => void db.destroy() });
    const started = Date.now();
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 20);
    await withWriteTransaction(db, 'sqlite', (trx) => sql`INSERT INTO t VALUES (2)`.execute(trx));
    clearInterval(ticker);
    expect(Date.now() - started).toBeGreaterThanOrEqual(600);
    // The event loop stayed free while it waited (a 10 s busy_timeout would have blocked it).
    expect(ticks).toBeGreaterThan(4);
    const rows = await sql<{ n: number }>`SELECT n FROM t ORDER BY n`.execute(db);
    expect(rows.rows.map((row) => row.n)).toEqual([1, 2]);
  });

  it('gives up after the longest wait with one clear line', async () => {
    const path = fileWithTable();
    const other = new Database(path);
    opened.push(other);
    other.exec('BEGIN IMMEDIATE');
    const db = openSqliteDatabase(path);
    opened.push({ close: () => void db.destroy() });
    await expect(
      withWriteTransaction(db, 'sqlite', (trx) => sql`INSERT INTO t VALUES (2)`.execute(trx), {
        location: path,
        maxWaitMs: 300,
      }),
    ).rejects.toThrow(`${path}: another process has held the write lock`);
    other.exec('ROLLBACK');
  });

  it('a full disk says so (not "cannot rollback - no transaction is active")', async () => {
    const path = fileWithTable();
    const database = new Database(path);
    database.pragma('max_page_count = 3');
    const db = new Kysely<TestTable>({ dialect: new SqliteDialect({ database }) });
    opened.push({ close: () => void db.destroy() });
    const work = (trx: Kysely<TestTable>) =>
      sql`INSERT INTO t SELECT value FROM json_each(${JSON.stringify(Array.from({ length: 50_000 }, (_, i) => i))})`.execute(
        trx,
      );
    const failure = await withWriteTransaction(db, 'sqlite', work, { location: path }).catch((error: Error) => error);
    expect((failure as { code?: string }).code).toBe('disk_full');
    expect((failure as Error).message).toBe(
      `${path}: the disk is full; nothing of the last write was stored (free some space and run the command again, runs resume with --resume)`,
    );
  });
});

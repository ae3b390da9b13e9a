import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SchemaOutdatedError, SchemaTooNewError } from '../../core/index.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../migrations.js';
import { migrateSqliteDatabase, openSqliteStore } from './open-sqlite-store.js';

const folder = mkdtempSync(join(tmpdir(), 'candor-schema-'));

/** Builds a database the way an older Candor (schema version 1) left it. */
function createVersionOneFile(path: string): void {
  const database = new Database(path);
  database.exec(
    'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
  );
  for (const statement of MIGRATIONS[0]!.statements('sqlite')) database.exec(statement);
  database.prepare('INSERT INTO schema_migrations VALUES (1, ?, ?)').run(MIGRATIONS[0]!.name, '2026-01-01');
  database.close();
}

describe('sqlite schema versions', () => {
  it('creates a new file at the current schema, in WAL mode', async () => {
    const path = join(folder, 'new.db');
    const store = await openSqliteStore(path);
    expect(await store.schemaVersion()).toBe(LATEST_SCHEMA_VERSION);
    await store.close();
    const database = new Database(path);
    expect(database.pragma('journal_mode', { simple: true })).toBe('wal');
    database.close();
  });

  it('refuses an older file with the migrate command, then opens it after `db migrate`', async () => {
    expect(LATEST_SCHEMA_VERSION).toBeGreaterThan(1);
    const path = join(folder, 'old.db');
    createVersionOneFile(path);
    const attempt = openSqliteStore(path);
    await expect(attempt).rejects.toBeInstanceOf(SchemaOutdatedError);
    await expect(openSqliteStore(path)).rejects.toThrow(`candor db migrate --db ${path}`);

    const result = await migrateSqliteDatabase(path);
    expect(result.from).toBe(1);
    expect(result.applied.length).toBe(LATEST_SCHEMA_VERSION - 1);
    const store = await openSqliteStore(path);
    expect(await store.schemaVersion()).toBe(LATEST_SCHEMA_VERSION);
    await store.close();
    expect((await migrateSqliteDatabase(path)).applied).toEqual([]);
  });

  it('refuses a file from a newer Candor', async () => {
    const path = join(folder, 'newer.db');
    await (await openSqliteStore(path)).close();
    const database = new Database(path);
    database
      .prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)')
      .run(LATEST_SCHEMA_VERSION + 1, 'future', '2030-01-01');
    database.close();
    await expect(openSqliteStore(path)).rejects.toBeInstanceOf(SchemaTooNewError);
  });
});

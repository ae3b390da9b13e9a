import { sql, type Kysely } from 'kysely';
import { SchemaOutdatedError, SchemaTooNewError } from '../core/index.js';
import type { DatabaseSchema } from './database-schema.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations.js';
import type { SqlDialect } from './sql-dialect.js';
import { withWriteTransaction } from './write-transaction.js';

/** Schema version of a database: 0 when it has no Candor tables yet. */
export async function readSchemaVersion(db: Kysely<DatabaseSchema>): Promise<{ version: number; empty: boolean }> {
  const tables = await db.introspection.getTables();
  if (tables.length === 0) return { version: 0, empty: true };
  if (!tables.some((table) => table.name === 'schema_migrations')) return { version: 0, empty: false };
  const row = await db
    .selectFrom('schema_migrations')
    .select((builder) => builder.fn.max('version').as('version'))
    .executeTakeFirst();
  return { version: Number(row?.version ?? 0), empty: false };
}

/** Applies every migration newer than the database's version, each in its own transaction. */
export async function applyMigrations(
  db: Kysely<DatabaseSchema>,
  dialect: SqlDialect,
  now: () => string,
): Promise<{ from: number; to: number; applied: string[] }> {
  const { version: from } = await readSchemaVersion(db);
  await withWriteTransaction(db, dialect, (transaction) =>
    sql`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`.execute(
      transaction,
    ),
  );
  const applied: string[] = [];
  for (const migration of MIGRATIONS) {
    if (migration.version <= from) continue;
    // Another process opening the same new file may have applied it meanwhile: check under the lock.
    const done = await withWriteTransaction(db, dialect, async (transaction) => {
      const row = await transaction
        .selectFrom('schema_migrations')
        .select('version')
        .where('version', '=', migration.version)
        .executeTakeFirst();
      if (row) return true;
      for (const statement of migration.statements(dialect)) await sql.raw(statement).execute(transaction);
      await transaction
        .insertInto('schema_migrations')
        .values({ version: migration.version, name: migration.name, applied_at: now() })
        .execute();
      return false;
    });
    if (!done) applied.push(`${migration.version} ${migration.name}`);
  }
  return { from, to: LATEST_SCHEMA_VERSION, applied };
}

/**
 * On open: a new database is created at the current schema; an older one is refused with the
 * command that migrates it; a newer one is refused too.
 */
export async function ensureSchema(
  db: Kysely<DatabaseSchema>,
  dialect: SqlDialect,
  location: string,
  now: () => string,
): Promise<void> {
  const { version, empty } = await readSchemaVersion(db);
  if (empty) {
    await applyMigrations(db, dialect, now);
    return;
  }
  if (version < LATEST_SCHEMA_VERSION) throw new SchemaOutdatedError(location, version, LATEST_SCHEMA_VERSION);
  if (version > LATEST_SCHEMA_VERSION) throw new SchemaTooNewError(location, version, LATEST_SCHEMA_VERSION);
}

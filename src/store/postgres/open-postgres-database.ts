import { Kysely, PostgresDialect, sql } from 'kysely';
import { CandorError } from '../../core/index.js';
import type { DatabaseSchema } from '../database-schema.js';
import { loadPg } from './load-pg.js';
import { losslessPool } from './lossless-pool.js';
import { redactPostgresUrl, scrubPassword } from './redact-postgres-url.js';

const INT8_OID = 20;

/** Connections per process: a worker or the explorer needs few at once, and many workers share the server's max_connections. */
const DEFAULT_POOL_SIZE = 4;

/**
 * Connects a pg Pool to the database at `url` and checks that it answers. BIGINT (ids, COUNT) is
 * parsed as a JS number for this pool only: Candor's ids and counts stay far below 2^53.
 */
export async function openPostgresDatabase(url: string, options: { poolSize?: number } = {}): Promise<Kysely<DatabaseSchema>> {
  const pg = await loadPg();
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? DEFAULT_POOL_SIZE,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID && format !== 'binary' ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
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
    throw new CandorError('db_open_failed', `${redactPostgresUrl(url)}: cannot connect to Postgres (${message})`, { cause: error });
  }
  return db;
}

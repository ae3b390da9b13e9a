import type * as PgModule from 'pg';
import { CandorError } from '../../core/index.js';

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

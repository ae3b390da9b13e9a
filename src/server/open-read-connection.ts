import Database from 'better-sqlite3';
import { CandorError } from '../core/index.js';

/** A read-only SQLite connection to the store file, for the queries the store interface has no method for. */
export type ReadConnection = Database.Database;

/**
 * Opens the store's SQLite file read-only. The explorer never writes the store; the question page and
 * search need per-question and full-text queries that CandorStore does not offer (yet).
 */
export function openReadConnection(location: string): ReadConnection {
  if (/^postgres(ql)?:\/\//.test(location)) {
    throw new CandorError('postgres_unavailable', 'the explorer reads SQLite stores only; pass a SQLite file path to --db');
  }
  const connection = new Database(location, { readonly: true, fileMustExist: true });
  connection.pragma('busy_timeout = 10000');
  return connection;
}

/** A number that changes whenever responses or judgments are added: the key of every cache. */
export function dataVersion(connection: ReadConnection): string {
  const row = connection
    .prepare(
      `SELECT (SELECT coalesce(max(response_id), 0) FROM responses) AS responses,
              (SELECT coalesce(max(judgment_id), 0) FROM judgments) AS judgments,
              (SELECT count(*) FROM questions) AS questions,
              (SELECT count(*) FROM models) AS models`,
    )
    .get() as { responses: number; judgments: number; questions: number; models: number };
  return `${row.responses}:${row.judgments}:${row.questions}:${row.models}`;
}

import type Database from 'better-sqlite3';
import type { Insertable } from 'kysely';
import type { ResponseTable } from '../database-schema.js';
import type { ResponseRows, StoredVersionRow } from '../result-writes.js';

/** Prepares (and caches) a statement on the store's one connection; strings go through the lossless escaping. */
export type PrepareStatement = (source: string) => Database.Statement;

/** Every column an outcome row sets, in the order of the prepared insert. */
const COLUMNS = [
  'run_id',
  'set_name',
  'question_id',
  'sample',
  'is_current',
  'status',
  'status_detail',
  'finish_reason',
  'finish_reason_raw',
  'final_text',
  'reasoning_text',
  'upstream_route',
  'http_status',
  'raw_payload',
  'payload_hash',
  'prompt_tokens',
  'completion_tokens',
  'reasoning_tokens',
  'cost_usd',
  'latency_ms',
  'requested_at',
  'received_at',
  'stored_at',
] as const satisfies readonly (keyof ResponseTable)[];

// Compile-time check that COLUMNS names every column an outcome row sets (all but the generated id).
type Missing = Exclude<keyof ResponseTable, (typeof COLUMNS)[number] | 'response_id'>;
const everyColumn: Missing extends never ? true : Missing = true;
void everyColumn;

const INSERT = `INSERT INTO responses (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`;
const VERSIONS =
  'SELECT response_id, question_id, sample, payload_hash, is_current, received_at FROM responses WHERE run_id = ? AND question_id = ?';
const DEMOTE = 'UPDATE responses SET is_current = 0 WHERE response_id = ?';

/**
 * ResponseRows for SQLite as prepared statements, one row per call. SQLite runs in-process, so a
 * statement per row costs microseconds, where building a 200-row insert through the query builder
 * (and escaping its 4,600 parameters at once) cost most of a run's commit time. Must run inside the
 * caller's write transaction, which is on the same connection.
 */
export function sqliteResponseRows(prepare: PrepareStatement): ResponseRows {
  return {
    async versions(runId, questionIds) {
      const statement = prepare(VERSIONS);
      const found: StoredVersionRow[] = [];
      for (const questionId of questionIds) {
        for (const row of statement.all(runId, questionId) as StoredVersionRow[]) found.push(row);
      }
      return found;
    },
    async demote(responseIds) {
      const statement = prepare(DEMOTE);
      for (const id of responseIds) statement.run(id);
    },
    async insert(rows: readonly Insertable<ResponseTable>[]) {
      const statement = prepare(INSERT);
      return rows.map((row) => {
        const values = COLUMNS.map((column) => row[column] ?? null);
        return Number(statement.run(...values).lastInsertRowid);
      });
    },
  };
}

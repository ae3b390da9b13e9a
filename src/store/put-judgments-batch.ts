import type { Insertable, Kysely } from 'kysely';
import type { Judgment } from '../core/index.js';
import { contentHash } from './content-hash.js';
import type { DatabaseSchema, JudgmentTable } from './database-schema.js';

const INSERT_CHUNK = 300;

/** Hash over a judgment's content: the same judgment imported twice is stored once. */
export function judgmentDedupeKey(judgment: Judgment): string {
  return contentHash([
    judgment.judgeId,
    judgment.judgeVersion,
    judgment.promptHash,
    judgment.label,
    judgment.explanation,
    judgment.rawOutput,
    judgment.judgedAt,
    judgment.source,
    judgment.note,
  ]);
}

/** Adds judgments that are not stored yet; returns, per input, whether it was new. */
export async function putJudgmentsBatch(db: Kysely<DatabaseSchema>, judgments: readonly Judgment[]): Promise<{ inserted: boolean }[]> {
  const rows: Insertable<JudgmentTable>[] = judgments.map((judgment) => ({
    response_id: judgment.responseId,
    judge_id: judgment.judgeId,
    judge_version: judgment.judgeVersion,
    prompt_hash: judgment.promptHash,
    label: judgment.label,
    explanation: judgment.explanation,
    raw_output: judgment.rawOutput,
    judged_at: judgment.judgedAt,
    source: judgment.source,
    note: judgment.note,
    dedupe_key: judgmentDedupeKey(judgment),
  }));
  const insertedKeys = new Set<string>();
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
    const inserted = await db
      .insertInto('judgments')
      .values(rows.slice(start, start + INSERT_CHUNK))
      .onConflict((conflict) => conflict.columns(['response_id', 'dedupe_key']).doNothing())
      .returning(['response_id', 'dedupe_key'])
      .execute();
    for (const row of inserted) insertedKeys.add(`${row.response_id}\u0000${row.dedupe_key}`);
  }
  // A duplicate inside the batch is inserted once: only its first occurrence counts as new.
  const seen = new Set<string>();
  return rows.map((row) => {
    const key = `${row.response_id}\u0000${row.dedupe_key}`;
    const inserted = insertedKeys.has(key) && !seen.has(key);
    seen.add(key);
    return { inserted };
  });
}

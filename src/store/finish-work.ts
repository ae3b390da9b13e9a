import type { Kysely } from 'kysely';
import type { StoredResponse } from '../core/index.js';
import type { PutResponseResult } from './candor-store.js';
import type { DatabaseSchema } from './database-schema.js';
import { putResponsesBatch } from './put-responses-batch.js';
import { withWriteTransaction, type QueueDatabase } from './queue-database.js';
import type { SqlDialect } from './sql-dialect.js';
import type { FinishedWork } from './work-queue-types.js';


function keyOf(runId: string, questionId: string, sample: number): string {
  return `${runId}\u0000${questionId}\u0000${sample}`;
}

/**
 * Stores each outcome unless its (run, question, sample) already has a current one, and marks the
 * items done, in one transaction. Two workers finishing the same item (a lease that expired while
 * its first worker was still busy) serialise on the item's row, so the second stores nothing.
 */
export async function finishWork(db: QueueDatabase, dialect: SqlDialect, entries: readonly FinishedWork[], now: string): Promise<PutResponseResult[]> {
  if (entries.length === 0) return [];
  const itemIds = [...new Set(entries.map((entry) => entry.itemId))].sort((left, right) => left - right);
  return withWriteTransaction(db, dialect, async (transaction) => {
    if (dialect === 'postgres') {
      await transaction.selectFrom('work_items').select('item_id').where('item_id', 'in', itemIds).orderBy('item_id').forUpdate().execute();
    }
    const existing = new Map<string, number>();
    for (const runId of new Set(entries.map((entry) => entry.response.runId))) {
      const questionIds = [...new Set(entries.filter((entry) => entry.response.runId === runId).map((entry) => entry.response.questionId))];
      for (let start = 0; start < questionIds.length; start += 500) {
        const rows = await transaction
          .selectFrom('responses')
          .select(['response_id', 'question_id', 'sample'])
          .where('run_id', '=', runId)
          .where('is_current', '=', 1)
          .where('question_id', 'in', questionIds.slice(start, start + 500))
          .execute();
        for (const row of rows) existing.set(keyOf(runId, row.question_id, Number(row.sample)), Number(row.response_id));
      }
    }
    const toStore: StoredResponse[] = [];
    const claimedKeys = new Set<string>();
    for (const { response } of entries) {
      const key = keyOf(response.runId, response.questionId, response.sample);
      if (existing.has(key) || claimedKeys.has(key)) continue;
      claimedKeys.add(key);
      toStore.push(response);
    }
    const stored = await putResponsesBatch(transaction as unknown as Kysely<DatabaseSchema>, toStore, now);
    const storedByKey = new Map(toStore.map((response, index) => [keyOf(response.runId, response.questionId, response.sample), stored[index]!]));
    for (let start = 0; start < itemIds.length; start += 500) {
      await transaction
        .updateTable('work_items')
        .set({ state: 'done', lease_owner: null, lease_expires_ms: null, finished_at: now })
        .where('item_id', 'in', itemIds.slice(start, start + 500))
        .execute();
    }
    const reported = new Set<string>();
    return entries.map(({ response }): PutResponseResult => {
      const key = keyOf(response.runId, response.questionId, response.sample);
      const mine = storedByKey.get(key);
      const first = !reported.has(key);
      reported.add(key);
      if (mine && first) return mine;
      const responseId = existing.get(key) ?? mine!.responseId;
      return { responseId, inserted: false, current: true };
    });
  });
}

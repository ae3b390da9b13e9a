import { sql, type Kysely } from 'kysely';
import type { DatabaseSchema } from './database-schema.js';
import { putJudgmentsBatch } from './result-writes.js';
import type { SqlDialect } from './sql-dialect.js';
import { lockItems, markItemsDone } from './work-queue.js';
import type {
  ClaimedJudgeItem,
  ClaimedWorkItem,
  FinishedJudgeWork,
  JudgeEnqueueResult,
  JudgeSpecOptions,
  JudgeWorkRequest,
} from './work-queue-types.js';
import { withWriteTransaction } from './write-transaction.js';

type QueueDatabase = Kysely<DatabaseSchema>;

const CHUNK = 200;
const judgedKey = (responseId: number, judgeId: string, judgeVersion: string) =>
  `${responseId}\u0000${judgeId}\u0000${judgeVersion}`;
const shellKey = (runId: string, questionId: string, sample: number) => `${runId}\u0000${questionId}\u0000${sample}`;

/** Response ids (of those given) that already have a judgment from this judge and version. */
async function judgedResponses(
  db: QueueDatabase,
  responseIds: readonly number[],
  judgeId: string,
  judgeVersion: string,
): Promise<Set<number>> {
  const judged = new Set<number>();
  for (let start = 0; start < responseIds.length; start += 500) {
    const rows = await db
      .selectFrom('judgments')
      .select('response_id')
      .where('judge_id', '=', judgeId)
      .where('judge_version', '=', judgeVersion)
      .where('response_id', 'in', responseIds.slice(start, start + 500))
      .execute();
    for (const row of rows) judged.add(Number(row.response_id));
  }
  return judged;
}

/** Adds the items of one chunk in one write transaction; see enqueueJudgeWork. */
async function enqueueChunk(
  db: QueueDatabase,
  dialect: SqlDialect,
  request: JudgeWorkRequest,
  ids: readonly number[],
  now: string,
): Promise<JudgeEnqueueResult> {
  return withWriteTransaction(db, dialect, async (transaction) => {
    const existing = await transaction
      .selectFrom('judge_work_items')
      .select(['item_id', 'response_id'])
      .where('judge_id', '=', request.judgeId)
      .where('judge_version', '=', request.judgeVersion)
      .where('response_id', 'in', ids)
      .execute();
    const known = new Set(existing.map((row) => Number(row.response_id)));
    const judged = await judgedResponses(transaction, [...known], request.judgeId, request.judgeVersion);
    const retry = existing.filter((row) => !judged.has(Number(row.response_id))).map((row) => Number(row.item_id));
    let requeued = 0;
    if (retry.length > 0) {
      const result = await transaction
        .updateTable('work_items')
        .set({ state: 'queued', lease_owner: null, lease_expires_ms: null, finished_at: null })
        .where('item_id', 'in', retry)
        .where('state', '=', 'done')
        .executeTakeFirst();
      requeued = Number(result.numUpdatedRows);
    }
    const missingIds = ids.filter((responseId) => !known.has(responseId));
    if (missingIds.length === 0) return { added: 0, requeued };
    const missing = (
      await transaction
        .selectFrom('responses')
        .select(['response_id', 'run_id', 'question_id', 'sample'])
        .where('response_id', 'in', missingIds)
        .execute()
    ).map((row) => ({
      responseId: Number(row.response_id),
      runId: row.run_id,
      questionId: row.question_id,
      sample: Number(row.sample),
    }));
    if (missing.length === 0) return { added: 0, requeued };
    // Work-item rows for one (run, question, sample) are interchangeable shells; the judge row says which response.
    const shells = await transaction
      .insertInto('work_items')
      .values(
        missing.map((response) => ({
          kind: 'judge',
          run_id: response.runId,
          question_id: response.questionId,
          sample: response.sample,
          state: 'queued',
          lease_owner: null,
          lease_expires_ms: null,
          attempts: 0,
          enqueued_at: now,
          finished_at: null,
        })),
      )
      .returning(['item_id', 'run_id', 'question_id', 'sample'])
      .execute();
    const waiting = new Map<string, typeof missing>();
    for (const response of missing) {
      const key = shellKey(response.runId, response.questionId, response.sample);
      waiting.set(key, [...(waiting.get(key) ?? []), response]);
    }
    const judgeOptions = JSON.stringify(request.judgeOptions);
    const rows = shells.map((shell) => ({
      item_id: Number(shell.item_id),
      response_id: waiting.get(shellKey(shell.run_id, shell.question_id, Number(shell.sample)))!.shift()!.responseId,
      judge_spec: request.judgeSpec,
      judge_options: judgeOptions,
      judge_id: request.judgeId,
      judge_version: request.judgeVersion,
    }));
    // Another process may have enqueued the same (response, judge) meanwhile: its item wins, ours is dropped.
    const inserted = new Set(
      (
        await transaction
          .insertInto('judge_work_items')
          .values(rows)
          .onConflict((conflict) => conflict.doNothing())
          .returning('item_id')
          .execute()
      ).map((row) => Number(row.item_id)),
    );
    const orphans = rows.map((row) => row.item_id).filter((itemId) => !inserted.has(itemId));
    if (orphans.length > 0) await transaction.deleteFrom('work_items').where('item_id', 'in', orphans).execute();
    return { added: inserted.size, requeued };
  });
}

/**
 * Queues one 'judge' item per response that has none for this judge (id + version), and queues again
 * finished items whose response still has no judgment from it (the judge was unavailable).
 */
export async function enqueueJudgeWork(
  db: QueueDatabase,
  dialect: SqlDialect,
  request: JudgeWorkRequest,
  now: string,
): Promise<JudgeEnqueueResult> {
  const unique = [...new Set(request.responseIds)];
  const total: JudgeEnqueueResult = { added: 0, requeued: 0 };
  for (let start = 0; start < unique.length; start += CHUNK) {
    const result = await enqueueChunk(db, dialect, request, unique.slice(start, start + CHUNK), now);
    total.added += result.added;
    total.requeued += result.requeued;
  }
  return total;
}

/** What the judge needs for claimed 'judge' items; shells without a judge row (never expected) are marked done. */
export async function describeJudgeItems(
  db: QueueDatabase,
  claimed: readonly ClaimedWorkItem[],
  now: string,
): Promise<ClaimedJudgeItem[]> {
  if (claimed.length === 0) return [];
  const rows = await db
    .selectFrom('judge_work_items')
    .innerJoin('responses', 'responses.response_id', 'judge_work_items.response_id')
    .innerJoin('questions', (join) =>
      join
        .onRef('questions.set_name', '=', 'responses.set_name')
        .onRef('questions.question_id', '=', 'responses.question_id'),
    )
    .select([
      'judge_work_items.item_id',
      'judge_work_items.response_id',
      'judge_work_items.judge_spec',
      'judge_work_items.judge_options',
      'judge_work_items.judge_id',
      'judge_work_items.judge_version',
    ])
    .select(['questions.text', 'responses.status', 'responses.final_text'])
    .select(
      sql<number>`CASE WHEN EXISTS (SELECT 1 FROM judgments WHERE judgments.response_id = judge_work_items.response_id AND judgments.judge_id = judge_work_items.judge_id AND judgments.judge_version = judge_work_items.judge_version) THEN 1 ELSE 0 END`.as(
        'already_judged',
      ),
    )
    .where(
      'judge_work_items.item_id',
      'in',
      claimed.map((item) => item.itemId),
    )
    .execute();
  const byItem = new Map(rows.map((row) => [Number(row.item_id), row]));
  const shells = claimed.filter((item) => !byItem.has(item.itemId)).map((item) => item.itemId);
  if (shells.length > 0)
    await db
      .updateTable('work_items')
      .set({ state: 'done', lease_owner: null, lease_expires_ms: null, finished_at: now })
      .where('item_id', 'in', shells)
      .execute();
  return claimed.flatMap((item): ClaimedJudgeItem[] => {
    const row = byItem.get(item.itemId);
    if (!row) return [];
    return [
      {
        itemId: item.itemId,
        attempts: item.attempts,
        runId: item.runId,
        responseId: Number(row.response_id),
        judgeSpec: row.judge_spec,
        judgeOptions: JSON.parse(row.judge_options) as JudgeSpecOptions,
        judgeId: row.judge_id,
        judgeVersion: row.judge_version,
        questionText: row.text,
        status: row.status,
        finalText: row.final_text,
        alreadyJudged: Number(row.already_judged) === 1,
      },
    ];
  });
}

/**
 * Stores each item's judgment unless its response already has one from that judge and version, and
 * marks the items done, in one transaction. Two workers finishing one item (a lease that expired
 * mid-judgment) serialise on the item's row, so the second stores nothing. Results in input order.
 */
export async function finishJudgeWork(
  db: QueueDatabase,
  dialect: SqlDialect,
  entries: readonly FinishedJudgeWork[],
  now: string,
): Promise<{ inserted: boolean }[]> {
  if (entries.length === 0) return [];
  const itemIds = [...new Set(entries.map((entry) => entry.itemId))].sort((left, right) => left - right);
  return withWriteTransaction(db, dialect, async (transaction) => {
    await lockItems(transaction, dialect, itemIds);
    const taken = new Set<string>();
    for (const { judgment } of entries) {
      if (!judgment || taken.has(judgedKey(judgment.responseId, judgment.judgeId, judgment.judgeVersion))) continue;
      const judged = await judgedResponses(transaction, [judgment.responseId], judgment.judgeId, judgment.judgeVersion);
      if (judged.size > 0) taken.add(judgedKey(judgment.responseId, judgment.judgeId, judgment.judgeVersion));
    }
    const toStore = entries.map(({ judgment }) => {
      if (!judgment) return null;
      const key = judgedKey(judgment.responseId, judgment.judgeId, judgment.judgeVersion);
      if (taken.has(key)) return null;
      taken.add(key);
      return judgment;
    });
    const stored = await putJudgmentsBatch(
      transaction,
      toStore.filter((judgment) => judgment !== null),
    );
    await markItemsDone(transaction, itemIds, now);
    let next = 0;
    return toStore.map((judgment) => ({ inserted: judgment !== null && stored[next++]!.inserted }));
  });
}

import { sql, type Kysely } from 'kysely';
import type { StoredResponse } from '../core/index.js';
import type { PutResponseResult } from './candor-store.js';
import type { DatabaseSchema } from './database-schema.js';
import { kyselyResponseRows, putResponsesBatch, type ResponseRows } from './result-writes.js';
import { databaseNowMs, type SqlDialect } from './sql-dialect.js';
import type {
  ClaimedWorkItem,
  ClaimOptions,
  FinishedWork,
  WorkCounts,
  WorkItemKey,
  WorkKind,
} from './work-queue-types.js';
import { withWriteTransaction } from './write-transaction.js';

type QueueDatabase = Kysely<DatabaseSchema>;

const INSERT_CHUNK = 200;

/** Adds work items; ones already queued, leased or done are left as they are. Returns how many are new. */
export async function enqueueWork(
  db: QueueDatabase,
  kind: 'collect',
  items: readonly WorkItemKey[],
  now: string,
): Promise<number> {
  let inserted = 0;
  for (let start = 0; start < items.length; start += INSERT_CHUNK) {
    const rows = await db
      .insertInto('work_items')
      .values(
        items.slice(start, start + INSERT_CHUNK).map((item) => ({
          kind,
          run_id: item.runId,
          question_id: item.questionId,
          sample: item.sample,
          state: 'queued',
          lease_owner: null,
          lease_expires_ms: null,
          attempts: 0,
          enqueued_at: now,
          finished_at: null,
        })),
      )
      // No conflict target: the (kind, run, question, sample) key is a partial index (collection items only, migration 4).
      .onConflict((conflict) => conflict.doNothing())
      .returning('item_id')
      .execute();
    inserted += rows.length;
  }
  return inserted;
}

/**
 * Leases up to `limit` items that are queued or whose lease expired, oldest first. Postgres skips
 * rows another worker is claiming (FOR UPDATE SKIP LOCKED); on SQLite the one UPDATE is atomic.
 */
export async function claimWork(
  db: QueueDatabase,
  dialect: SqlDialect,
  options: ClaimOptions,
): Promise<ClaimedWorkItem[]> {
  const kind = options.kind ?? 'collect';
  const now = await databaseNowMs(db, dialect);
  const runFilter = options.runId !== undefined ? sql`AND run_id = ${options.runId}` : sql``;
  const haltFilter =
    kind === 'collect' ? sql`AND run_id NOT IN (SELECT run_id FROM runs WHERE state = 'interrupted')` : sql``;
  const skipLocked = dialect === 'postgres' ? sql`FOR UPDATE SKIP LOCKED` : sql``;
  const result = await sql<{ item_id: number; run_id: string; question_id: string; sample: number; attempts: number }>`
    UPDATE work_items
    SET state = 'leased', lease_owner = ${options.owner}, lease_expires_ms = ${now + options.leaseMs}, attempts = attempts + 1
    WHERE item_id IN (
      SELECT item_id FROM work_items
      WHERE kind = ${kind} AND (state = 'queued' OR (state = 'leased' AND lease_expires_ms < ${now})) ${runFilter} ${haltFilter}
      ORDER BY item_id
      LIMIT ${options.limit}
      ${skipLocked}
    )
    RETURNING item_id, run_id, question_id, sample, attempts`.execute(db);
  return result.rows
    .map((row) => ({
      itemId: Number(row.item_id),
      kind,
      runId: row.run_id,
      questionId: row.question_id,
      sample: Number(row.sample),
      attempts: Number(row.attempts),
    }))
    .sort((left, right) => left.itemId - right.itemId);
}

/** Heartbeat: extends the owner's leases on these items; returns the ids it still holds. */
export async function renewLeases(
  db: QueueDatabase,
  dialect: SqlDialect,
  owner: string,
  itemIds: readonly number[],
  leaseMs: number,
): Promise<number[]> {
  if (itemIds.length === 0) return [];
  const now = await databaseNowMs(db, dialect);
  const rows = await db
    .updateTable('work_items')
    .set({ lease_expires_ms: now + leaseMs })
    .where('lease_owner', '=', owner)
    .where('state', '=', 'leased')
    .where('item_id', 'in', [...itemIds])
    .returning('item_id')
    .execute();
  return rows.map((row) => Number(row.item_id)).sort((left, right) => left - right);
}

/** Gives the owner's leased items back to the queue (all of them, or those listed). Returns how many. */
export async function releaseWork(db: QueueDatabase, owner: string, itemIds?: readonly number[]): Promise<number> {
  if (itemIds && itemIds.length === 0) return 0;
  let query = db
    .updateTable('work_items')
    .set({ state: 'queued', lease_owner: null, lease_expires_ms: null })
    .where('lease_owner', '=', owner)
    .where('state', '=', 'leased');
  if (itemIds) query = query.where('item_id', 'in', [...itemIds]);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Items per state, for one run or all (with `claimableOnly`, not those of runs a guard halted). */
export async function countWork(
  db: QueueDatabase,
  dialect: SqlDialect,
  filter: { runId?: string; kind?: WorkKind; claimableOnly?: boolean } = {},
): Promise<WorkCounts> {
  const now = await databaseNowMs(db, dialect);
  let query = db
    .selectFrom('work_items')
    .select(['state', (builder) => builder.fn.countAll().as('n')])
    .select(sql<number>`SUM(CASE WHEN state = 'leased' AND lease_expires_ms < ${now} THEN 1 ELSE 0 END)`.as('expired'))
    .groupBy('state');
  if (filter.runId !== undefined) query = query.where('run_id', '=', filter.runId);
  if (filter.kind !== undefined) query = query.where('kind', '=', filter.kind);
  if (filter.claimableOnly)
    query = query.where(sql<boolean>`run_id NOT IN (SELECT run_id FROM runs WHERE state = 'interrupted')`);
  const counts: WorkCounts = { queued: 0, leased: 0, expired: 0, done: 0 };
  for (const row of await query.execute()) {
    if (row.state === 'queued' || row.state === 'leased' || row.state === 'done') counts[row.state] = Number(row.n);
    counts.expired += Number(row.expired ?? 0);
  }
  return counts;
}

/**
 * Postgres: locks the items' rows (in id order, so two finishers never deadlock) until the
 * transaction ends; the second of two workers finishing one item then sees the first one's outcome.
 * SQLite needs nothing: the write transaction holds the whole file.
 */
export async function lockItems(
  transaction: QueueDatabase,
  dialect: SqlDialect,
  itemIds: readonly number[],
): Promise<void> {
  if (dialect !== 'postgres') return;
  await transaction
    .selectFrom('work_items')
    .select('item_id')
    .where('item_id', 'in', [...itemIds])
    .orderBy('item_id')
    .forUpdate()
    .execute();
}

/** Marks the items done and drops their leases. */
export async function markItemsDone(
  transaction: QueueDatabase,
  itemIds: readonly number[],
  now: string,
): Promise<void> {
  for (let start = 0; start < itemIds.length; start += 500) {
    await transaction
      .updateTable('work_items')
      .set({ state: 'done', lease_owner: null, lease_expires_ms: null, finished_at: now })
      .where('item_id', 'in', itemIds.slice(start, start + 500))
      .execute();
  }
}

function keyOf(runId: string, questionId: string, sample: number): string {
  return `${runId}\u0000${questionId}\u0000${sample}`;
}

/**
 * Stores each outcome unless its (run, question, sample) already has a current one, and marks the
 * items done, in one transaction. Two workers finishing the same item (a lease that expired while
 * its first worker was still busy) serialise on the item's row, so the second stores nothing.
 */
export async function finishWork(
  db: QueueDatabase,
  dialect: SqlDialect,
  entries: readonly FinishedWork[],
  now: string,
  responseRows?: ResponseRows,
): Promise<PutResponseResult[]> {
  if (entries.length === 0) return [];
  const itemIds = [...new Set(entries.map((entry) => entry.itemId))].sort((left, right) => left - right);
  return withWriteTransaction(db, dialect, async (transaction) => {
    await lockItems(transaction, dialect, itemIds);
    const existing = new Map<string, number>();
    for (const runId of new Set(entries.map((entry) => entry.response.runId))) {
      const questionIds = [
        ...new Set(entries.filter((entry) => entry.response.runId === runId).map((entry) => entry.response.questionId)),
      ];
      for (let start = 0; start < questionIds.length; start += 500) {
        const rows = await transaction
          .selectFrom('responses')
          .select(['response_id', 'question_id', 'sample'])
          .where('run_id', '=', runId)
          .where('is_current', '=', 1)
          .where('question_id', 'in', questionIds.slice(start, start + 500))
          .execute();
        for (const row of rows)
          existing.set(keyOf(runId, row.question_id, Number(row.sample)), Number(row.response_id));
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
    const stored = await putResponsesBatch(responseRows ?? kyselyResponseRows(transaction), toStore, now);
    const storedByKey = new Map(
      toStore.map((response, index) => [keyOf(response.runId, response.questionId, response.sample), stored[index]!]),
    );
    await markItemsDone(transaction, itemIds, now);
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

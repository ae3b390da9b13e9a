import { createHash } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import type { Judgment, StoredResponse } from '../core/index.js';
import type { PutResponseResult } from './candor-store.js';
import type { DatabaseSchema, JudgmentTable, ResponseTable } from './database-schema.js';

/** sha256 hex of the given parts, joined unambiguously. */
function contentHash(parts: readonly (string | number | null | undefined)[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

interface Version {
  responseId: number | null;
  payloadHash: string;
  isCurrent: boolean;
  receivedAt: string | null;
  pending: Insertable<ResponseTable> | null;
}

const INSERT_CHUNK = 200;

/** A stored version of an outcome, as putResponsesBatch reads it back. */
export interface StoredVersionRow {
  response_id: number;
  question_id: string;
  sample: number;
  payload_hash: string;
  is_current: number;
  received_at: string | null;
}

/**
 * The three statements putResponsesBatch needs, inside the caller's transaction. Any engine through
 * Kysely (`kyselyResponseRows`); SQLite also as prepared statements on its one connection
 * (sqlite/sqlite-response-rows.ts), which a 1,024-wide run commits ~3× cheaper (bench/runner.bench.ts).
 */
export interface ResponseRows {
  /** Every stored version of these questions' outcomes in one run. */
  versions(runId: string, questionIds: readonly string[]): Promise<StoredVersionRow[]>;
  /** Marks these versions as no longer current. */
  demote(responseIds: readonly number[]): Promise<void>;
  /** Inserts the rows; returns their new ids in the same order. */
  insert(rows: readonly Insertable<ResponseTable>[]): Promise<number[]>;
}

/** ResponseRows through Kysely: batched IN lists and multi-row inserts (Postgres, and SQLite without the fast path). */
export function kyselyResponseRows(db: Kysely<DatabaseSchema>): ResponseRows {
  return {
    async versions(runId, questionIds) {
      const found: StoredVersionRow[] = [];
      for (let start = 0; start < questionIds.length; start += 500) {
        const rows = await db
          .selectFrom('responses')
          .select(['response_id', 'question_id', 'sample', 'payload_hash', 'is_current', 'received_at'])
          .where('run_id', '=', runId)
          .where('question_id', 'in', questionIds.slice(start, start + 500))
          .execute();
        for (const row of rows)
          found.push({
            response_id: Number(row.response_id),
            question_id: row.question_id,
            sample: Number(row.sample),
            payload_hash: row.payload_hash,
            is_current: Number(row.is_current),
            received_at: row.received_at,
          });
      }
      return found;
    },
    async demote(responseIds) {
      for (let start = 0; start < responseIds.length; start += 500) {
        await db
          .updateTable('responses')
          .set({ is_current: 0 })
          .where('response_id', 'in', responseIds.slice(start, start + 500))
          .execute();
      }
    },
    async insert(rows) {
      const idByVersion = new Map<string, number>();
      const keyOf = (row: { run_id: string; question_id: string; sample: number | bigint; payload_hash: string }) =>
        `${row.run_id}\u0000${versionKey(row.question_id, Number(row.sample))}\u0000${row.payload_hash}`;
      for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
        const inserted = await db
          .insertInto('responses')
          .values(rows.slice(start, start + INSERT_CHUNK))
          .returning(['response_id', 'run_id', 'question_id', 'sample', 'payload_hash'])
          .execute();
        for (const row of inserted) idByVersion.set(keyOf(row), Number(row.response_id));
      }
      return rows.map((row) => {
        const id = idByVersion.get(keyOf(row as Parameters<typeof keyOf>[0]));
        if (id === undefined)
          throw new Error(`stored response ${row.run_id}/${row.question_id}/${row.sample} returned no id`);
        return id;
      });
    },
  };
}
const JUDGMENT_INSERT_CHUNK = 300;

function versionKey(questionId: string, sample: number): string {
  return `${questionId}\u0000${sample}`;
}

/** Hash that identifies one stored version of an outcome. */
export function responsePayloadHash(response: StoredResponse): string {
  return contentHash([response.rawPayload, response.status, response.finalText]);
}

function toRow(
  response: StoredResponse,
  payloadHash: string,
  isCurrent: boolean,
  storedAt: string,
): Insertable<ResponseTable> {
  return {
    run_id: response.runId,
    set_name: response.setName,
    question_id: response.questionId,
    sample: response.sample,
    is_current: isCurrent ? 1 : 0,
    status: response.status,
    status_detail: response.statusDetail,
    finish_reason: response.finishReason.unified,
    finish_reason_raw: response.finishReason.raw,
    final_text: response.finalText,
    reasoning_text: response.reasoningText,
    upstream_route: response.upstreamRoute,
    http_status: response.httpStatus,
    raw_payload: response.rawPayload,
    payload_hash: payloadHash,
    prompt_tokens: response.usage.promptTokens,
    completion_tokens: response.usage.completionTokens,
    reasoning_tokens: response.usage.reasoningTokens,
    cost_usd: response.costUsd,
    latency_ms: response.latencyMs,
    requested_at: response.requestedAt,
    received_at: response.receivedAt,
    stored_at: storedAt,
  };
}

/**
 * Stores many outcomes with few statements; must run inside a transaction. Same rules as one
 * at a time: an identical payload is a no-op; of differing versions, the one received last is current.
 */
export async function putResponsesBatch(
  rows: ResponseRows,
  responses: readonly StoredResponse[],
  storedAt: string,
): Promise<PutResponseResult[]> {
  const versionsByRun = new Map<string, Map<string, Version[]>>();
  for (const runId of new Set(responses.map((response) => response.runId))) {
    const questionIds = [
      ...new Set(responses.filter((response) => response.runId === runId).map((response) => response.questionId)),
    ];
    const byKey = new Map<string, Version[]>();
    for (const row of await rows.versions(runId, questionIds)) {
      const key = versionKey(row.question_id, row.sample);
      const list = byKey.get(key) ?? [];
      list.push({
        responseId: row.response_id,
        payloadHash: row.payload_hash,
        isCurrent: row.is_current === 1,
        receivedAt: row.received_at,
        pending: null,
      });
      byKey.set(key, list);
    }
    versionsByRun.set(runId, byKey);
  }

  const demote: number[] = [];
  const pendingRows: Insertable<ResponseTable>[] = [];
  const pendingVersions: Version[] = [];
  const outcomes: { version: Version; inserted: boolean }[] = [];
  for (const response of responses) {
    const byKey = versionsByRun.get(response.runId)!;
    const key = versionKey(response.questionId, response.sample);
    const versions = byKey.get(key) ?? [];
    byKey.set(key, versions);
    const payloadHash = responsePayloadHash(response);
    const same = versions.find((version) => version.payloadHash === payloadHash);
    if (same) {
      outcomes.push({ version: same, inserted: false });
      continue;
    }
    const current = versions.find((version) => version.isCurrent);
    const becomesCurrent =
      !current ||
      current.receivedAt === null ||
      response.receivedAt === null ||
      response.receivedAt >= current.receivedAt;
    if (current && becomesCurrent) {
      current.isCurrent = false;
      if (current.pending) current.pending.is_current = 0;
      else demote.push(current.responseId!);
    }
    const row = toRow(response, payloadHash, becomesCurrent, storedAt);
    const version: Version = {
      responseId: null,
      payloadHash,
      isCurrent: becomesCurrent,
      receivedAt: response.receivedAt,
      pending: row,
    };
    versions.push(version);
    pendingRows.push(row);
    pendingVersions.push(version);
    outcomes.push({ version, inserted: true });
  }

  if (demote.length > 0) await rows.demote(demote);
  const ids = pendingRows.length > 0 ? await rows.insert(pendingRows) : [];
  ids.forEach((id, index) => (pendingVersions[index]!.responseId = id));
  return outcomes.map(({ version, inserted }) => ({
    responseId: version.responseId!,
    inserted,
    current: version.isCurrent,
  }));
}

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
export async function putJudgmentsBatch(
  db: Kysely<DatabaseSchema>,
  judgments: readonly Judgment[],
): Promise<{ inserted: boolean }[]> {
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
  for (let start = 0; start < rows.length; start += JUDGMENT_INSERT_CHUNK) {
    const inserted = await db
      .insertInto('judgments')
      .values(rows.slice(start, start + JUDGMENT_INSERT_CHUNK))
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

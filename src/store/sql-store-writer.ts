import type { Kysely } from 'kysely';
import type { Judgment, ModelFacts, Question, QuestionSet, Run, RunState, StoredResponse } from '../core/index.js';
import { creatorOf } from '../core/index.js';
import type { PutQuestionSetResult, PutResponseResult, StoreWriter } from './candor-store.js';
import { contentHash } from './content-hash.js';
import type { DatabaseSchema } from './database-schema.js';
import { questionToRow, runToRow } from './row-mappers.js';

type Executor = Kysely<DatabaseSchema>;

/** The write half of the SQL stores, over a connection or an open transaction. */
export function createSqlStoreWriter(db: Executor, now: () => string): StoreWriter {
  return {
    async putQuestionSet(set: QuestionSet, questions: readonly Question[]): Promise<PutQuestionSetResult> {
      const existingSet = await db.selectFrom('question_sets').select('name').where('name', '=', set.name).executeTakeFirst();
      const existingRows = await db.selectFrom('questions').selectAll().where('set_name', '=', set.name).execute();
      const byId = new Map(existingRows.map((row) => [row.question_id, row]));
      const result: PutQuestionSetResult = { inserted: 0, updated: 0, unchanged: 0 };
      const pending: ReturnType<typeof questionToRow>[] = [];
      for (const question of questions) {
        const row = questionToRow({ ...question, setName: set.name });
        const existing = byId.get(row.question_id);
        if (!existing) {
          pending.push(row);
          result.inserted += 1;
        } else if (JSON.stringify(existing) !== JSON.stringify(row)) {
          await db.updateTable('questions').set(row).where('set_name', '=', set.name).where('question_id', '=', row.question_id).execute();
          result.updated += 1;
        } else {
          result.unchanged += 1;
        }
      }
      const questionCount = byId.size + result.inserted;
      if (!existingSet) {
        await db
          .insertInto('question_sets')
          .values({
            name: set.name,
            title: set.title,
            source: set.source,
            format: set.format,
            content_hash: set.contentHash,
            question_count: questionCount,
            imported_at: now(),
          })
          .execute();
      } else if (result.inserted > 0 || result.updated > 0) {
        await db
          .updateTable('question_sets')
          .set({ content_hash: set.contentHash, question_count: questionCount, source: set.source, title: set.title, imported_at: now() })
          .where('name', '=', set.name)
          .execute();
      }
      // Insert in chunks: SQLite caps bound parameters per statement.
      for (let start = 0; start < pending.length; start += 50) {
        await db.insertInto('questions').values(pending.slice(start, start + 50)).execute();
      }
      return result;
    },

    async putModel(facts: ModelFacts, options?: { overwrite?: boolean }) {
      const existing = await db.selectFrom('models').selectAll().where('model_id', '=', facts.id).executeTakeFirst();
      const reasoning = facts.reasoning === null ? null : facts.reasoning ? 1 : 0;
      if (!existing) {
        await db
          .insertInto('models')
          .values({
            model_id: facts.id,
            creator: facts.creator ?? creatorOf(facts.id),
            family: facts.family,
            release_date: facts.releaseDate,
            reasoning,
          })
          .execute();
        return { inserted: true, updated: false };
      }
      const pick = <T>(given: T | null, stored: T | null): T | null =>
        options?.overwrite ? (given ?? stored) : (stored ?? given);
      const next = {
        creator: pick(facts.creator, existing.creator) ?? creatorOf(facts.id),
        family: pick(facts.family, existing.family),
        release_date: pick(facts.releaseDate, existing.release_date),
        reasoning: pick(reasoning, existing.reasoning),
      };
      const changed =
        next.creator !== existing.creator ||
        next.family !== existing.family ||
        next.release_date !== existing.release_date ||
        next.reasoning !== existing.reasoning;
      if (changed) await db.updateTable('models').set(next).where('model_id', '=', facts.id).execute();
      return { inserted: false, updated: changed };
    },

    async putRun(run: Run) {
      const existing = await db.selectFrom('runs').select('run_id').where('run_id', '=', run.id).executeTakeFirst();
      if (existing) return false;
      await db.insertInto('runs').values(runToRow(run)).execute();
      return true;
    },

    async setRunState(runId: string, state: RunState, finishedAt?: string | null) {
      await db
        .updateTable('runs')
        .set(finishedAt === undefined ? { state } : { state, finished_at: finishedAt })
        .where('run_id', '=', runId)
        .execute();
    },

    async putResponse(response: StoredResponse): Promise<PutResponseResult> {
      const payloadHash = contentHash([response.rawPayload, response.status, response.finalText]);
      const versions = await db
        .selectFrom('responses')
        .select(['response_id', 'payload_hash', 'is_current', 'received_at'])
        .where('run_id', '=', response.runId)
        .where('question_id', '=', response.questionId)
        .where('sample', '=', response.sample)
        .execute();
      const same = versions.find((version) => version.payload_hash === payloadHash);
      if (same) return { responseId: Number(same.response_id), inserted: false, current: Number(same.is_current) === 1 };
      const current = versions.find((version) => Number(version.is_current) === 1);
      const becomesCurrent =
        !current || current.received_at === null || response.receivedAt === null || response.receivedAt >= current.received_at;
      if (current && becomesCurrent) {
        await db.updateTable('responses').set({ is_current: 0 }).where('response_id', '=', current.response_id).execute();
      }
      const inserted = await db
        .insertInto('responses')
        .values({
          run_id: response.runId,
          set_name: response.setName,
          question_id: response.questionId,
          sample: response.sample,
          is_current: becomesCurrent ? 1 : 0,
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
          stored_at: now(),
        })
        .returning('response_id')
        .executeTakeFirstOrThrow();
      return { responseId: Number(inserted.response_id), inserted: true, current: becomesCurrent };
    },

    async putJudgment(judgment: Judgment) {
      const dedupeKey = contentHash([
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
      const existing = await db
        .selectFrom('judgments')
        .select('judgment_id')
        .where('response_id', '=', judgment.responseId)
        .where('dedupe_key', '=', dedupeKey)
        .executeTakeFirst();
      if (existing) return { inserted: false };
      await db
        .insertInto('judgments')
        .values({
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
          dedupe_key: dedupeKey,
        })
        .execute();
      return { inserted: true };
    },
  };
}

import type { Kysely } from 'kysely';
import type { Judgment, ModelFacts, Question, QuestionSet, Run, RunState, StoredResponse } from '../core/index.js';
import { creatorOf, isTestRun } from '../core/index.js';
import type { PutQuestionSetResult, PutResponseResult, StoreWriter } from './candor-store.js';
import { kyselyResponseRows, putJudgmentsBatch, putResponsesBatch, type ResponseRows } from './result-writes.js';
import type { DatabaseSchema } from './database-schema.js';
import { questionToRow, runToRow } from './row-mappers.js';

type Executor = Kysely<DatabaseSchema>;

/**
 * The write half of the SQL stores, over a connection or an open transaction. `responseRows` is how
 * outcomes are written (SQLite passes its prepared statements; the default goes through Kysely).
 */
export function createSqlStoreWriter(
  db: Executor,
  now: () => string,
  responseRows: ResponseRows = kyselyResponseRows(db),
): StoreWriter {
  return {
    async putQuestionSet(set: QuestionSet, questions: readonly Question[]): Promise<PutQuestionSetResult> {
      const existingSet = await db
        .selectFrom('question_sets')
        .select('name')
        .where('name', '=', set.name)
        .executeTakeFirst();
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
          await db
            .updateTable('questions')
            .set(row)
            .where('set_name', '=', set.name)
            .where('question_id', '=', row.question_id)
            .execute();
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
          .set({
            content_hash: set.contentHash,
            question_count: questionCount,
            source: set.source,
            title: set.title,
            imported_at: now(),
          })
          .where('name', '=', set.name)
          .execute();
      }
      // Insert in chunks: SQLite caps bound parameters per statement.
      for (let start = 0; start < pending.length; start += 50) {
        await db
          .insertInto('questions')
          .values(pending.slice(start, start + 50))
          .execute();
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
      if (isTestRun(run)) await db.insertInto('test_runs').values({ run_id: run.id }).execute();
      return true;
    },

    async setRunState(runId: string, state: RunState, finishedAt?: string | null) {
      await db
        .updateTable('runs')
        .set(finishedAt === undefined ? { state } : { state, finished_at: finishedAt })
        .where('run_id', '=', runId)
        .execute();
    },

    async updateRunSettings(runId: string, settings: Record<string, unknown>) {
      await db
        .updateTable('runs')
        .set({ settings: JSON.stringify(settings) })
        .where('run_id', '=', runId)
        .execute();
    },

    async putResponse(response: StoredResponse): Promise<PutResponseResult> {
      const [result] = await putResponsesBatch(responseRows, [response], now());
      return result!;
    },

    putResponses: (responses) => putResponsesBatch(responseRows, responses, now()),

    async putJudgment(judgment: Judgment) {
      const [result] = await putJudgmentsBatch(db, [judgment]);
      return result!;
    },

    putJudgments: (judgments) => putJudgmentsBatch(db, judgments),
  };
}

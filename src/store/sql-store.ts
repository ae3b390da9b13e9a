import type { Kysely } from 'kysely';
import type { Judgment, JudgmentLabel, JudgmentSource, StoredResponse } from '../core/index.js';
import type {
  CandorStore,
  CatalogStore,
  JudgeEvaluationStore,
  LabelQueries,
  RateLimitStore,
  ResponseFilter,
  ResultStore,
  RunSummary,
  StoreHandle,
  StoreWriter,
  WorkQueue,
} from './candor-store.js';
import { countLabels, forEachLabelRow, listLabelRows } from './count-labels.js';
import { countJudgedResponses, dataVersion, listQuestionAnswers, listSearchDocuments } from './explorer-reads.js';
import type { DatabaseSchema } from './database-schema.js';
import { rowToModel, rowToQuestion, rowToResponse, rowToRun } from './row-mappers.js';
import type { SqlDialect } from './sql-dialect.js';
import { createSqlStoreWriter } from './sql-store-writer.js';
import { listJudgeEvaluations, putJudgeEvaluation } from './judge-evaluations.js';
import { describeJudgeItems, enqueueJudgeWork, finishJudgeWork } from './judge-queue.js';
import { withWriteTransaction } from './write-transaction.js';
import type { ResponseRows } from './result-writes.js';
import { getRateLimit, putRateLimit, takeRateSlot } from './shared-rate-limits.js';
import { claimWork, countWork, enqueueWork, finishWork, releaseWork, renewLeases } from './work-queue.js';

export interface SqlStoreOptions {
  db: Kysely<DatabaseSchema>;
  dialect: SqlDialect;
  location: string;
  now?: () => string;
  /** SQLite: streams a read query's rows (forEachLabelRow then builds no result array). */
  streamRows?: (sqlText: string, parameters: readonly unknown[]) => Iterable<Record<string, unknown>>;
  /** SQLite: outcome rows written as prepared statements on its one connection (result-writes.ts). */
  responseRows?: ResponseRows;
}

/** The engine-independent SQL store; SQLite and Postgres differ only in how they connect. */
export function createSqlStore(options: SqlStoreOptions): CandorStore {
  const { db, dialect, location } = options;
  const now = options.now ?? (() => new Date().toISOString());

  // Every write, even a single statement, goes through a write transaction: on SQLite that takes
  // the lock up front and waits its turn when other processes write the same file.
  const transaction = <T>(work: (writer: StoreWriter) => Promise<T>): Promise<T> =>
    withWriteTransaction(db, dialect, (trx) => work(createSqlStoreWriter(trx, now, options.responseRows)), {
      location,
    });
  const write = <T>(work: (transaction: typeof db) => Promise<T>): Promise<T> =>
    withWriteTransaction(db, dialect, work, { location });

  // One object per role (candor-store.ts); the store is all of them.
  const handle: StoreHandle = {
    location,
    dialect,
    transaction,

    async schemaVersion() {
      const row = await db
        .selectFrom('schema_migrations')
        .select((builder) => builder.fn.max('version').as('version'))
        .executeTakeFirst();
      return Number(row?.version ?? 0);
    },

    async counts() {
      const count = async (table: keyof DatabaseSchema) => {
        const row = await db
          .selectFrom(table)
          .select((builder) => builder.fn.countAll().as('n'))
          .executeTakeFirst();
        return Number(row?.n ?? 0);
      };
      return {
        questionSets: await count('question_sets'),
        questions: await count('questions'),
        models: await count('models'),
        runs: await count('runs'),
        responses: await count('responses'),
        judgments: await count('judgments'),
      };
    },

    dataVersion: () => dataVersion(db),

    async close() {
      await db.destroy();
    },
  };

  const catalog: CatalogStore = {
    putQuestionSet: (set, questions) => transaction((inner) => inner.putQuestionSet(set, questions)),
    putModel: (facts, putOptions) => transaction((inner) => inner.putModel(facts, putOptions)),
    putRun: (run) => transaction((inner) => inner.putRun(run)),
    setRunState: (runId, state, finishedAt) => transaction((inner) => inner.setRunState(runId, state, finishedAt)),
    updateRunSettings: (runId, settings) => transaction((inner) => inner.updateRunSettings(runId, settings)),

    async listQuestionSets() {
      const sets = await db.selectFrom('question_sets').selectAll().orderBy('name').execute();
      const languages = await db
        .selectFrom('questions')
        .select(['set_name', 'language'])
        .groupBy(['set_name', 'language'])
        .execute();
      return sets.map((row) => {
        const setLanguages = languages.filter((entry) => entry.set_name === row.name).map((entry) => entry.language);
        return {
          name: row.name,
          title: row.title,
          source: row.source,
          format: row.format,
          contentHash: row.content_hash,
          questionCount: Number(row.question_count),
          language: setLanguages.length === 1 ? setLanguages[0]! : setLanguages.length === 0 ? null : 'mixed',
          importedAt: row.imported_at,
        };
      });
    },

    async getQuestions(setName) {
      const rows = await db
        .selectFrom('questions')
        .selectAll()
        .where('set_name', '=', setName)
        .orderBy('question_id')
        .execute();
      return rows.map(rowToQuestion);
    },

    async listModels() {
      const rows = await db.selectFrom('models').selectAll().orderBy('model_id').execute();
      return rows.map(rowToModel);
    },

    async getRun(runId) {
      const row = await db.selectFrom('runs').selectAll().where('run_id', '=', runId).executeTakeFirst();
      return row ? rowToRun(row) : null;
    },

    async listRuns() {
      const runs = await db.selectFrom('runs').selectAll().orderBy('created_at').orderBy('run_id').execute();
      const counts = await db
        .selectFrom('responses')
        .select(['run_id', 'status', (builder) => builder.fn.countAll().as('n')])
        .where('is_current', '=', 1)
        .groupBy(['run_id', 'status'])
        .execute();
      const byRun = new Map<string, Record<string, number>>();
      for (const row of counts) {
        const entry = byRun.get(row.run_id) ?? {};
        entry[row.status] = Number(row.n);
        byRun.set(row.run_id, entry);
      }
      return runs.map((row): RunSummary => {
        const statusCounts = byRun.get(row.run_id) ?? {};
        return {
          ...rowToRun(row),
          statusCounts,
          responses: Object.values(statusCounts).reduce((sum, value) => sum + value, 0),
        };
      });
    },
  };

  const results: ResultStore = {
    putResponse: (response: StoredResponse) => transaction((inner) => inner.putResponse(response)),
    putResponses: (responses) => transaction((inner) => inner.putResponses(responses)),
    putJudgment: (judgment: Judgment) => transaction((inner) => inner.putJudgment(judgment)),
    putJudgments: (judgments) => transaction((inner) => inner.putJudgments(judgments)),

    async listResponses(filter: ResponseFilter) {
      let query = db
        .selectFrom('responses')
        .innerJoin('runs', 'runs.run_id', 'responses.run_id')
        .selectAll('responses')
        .select('runs.model_id');
      if (!filter.includeSuperseded) query = query.where('responses.is_current', '=', 1);
      if (filter.runId) query = query.where('responses.run_id', '=', filter.runId);
      if (filter.modelId) query = query.where('runs.model_id', '=', filter.modelId);
      if (filter.setName) query = query.where('responses.set_name', '=', filter.setName);
      if (filter.status) query = query.where('responses.status', '=', filter.status);
      query = query
        .orderBy('responses.run_id')
        .orderBy('responses.question_id')
        .orderBy('responses.sample')
        .orderBy('responses.response_id');
      if (filter.limit !== undefined) query = query.limit(filter.limit);
      const rows = await query.execute();
      return rows.map((row) => ({ ...rowToResponse(row), modelId: row.model_id }));
    },

    async getResponse(responseId) {
      const row = await db
        .selectFrom('responses')
        .innerJoin('runs', 'runs.run_id', 'responses.run_id')
        .selectAll('responses')
        .select('runs.model_id')
        .where('responses.response_id', '=', responseId)
        .executeTakeFirst();
      return row ? { ...rowToResponse(row), modelId: row.model_id } : null;
    },

    async listOutcomeKeys(runId) {
      const rows = await db
        .selectFrom('responses')
        .select(['question_id', 'sample'])
        .where('run_id', '=', runId)
        .where('is_current', '=', 1)
        .execute();
      return rows.map((row) => ({ questionId: row.question_id, sample: Number(row.sample) }));
    },

    async listResponsesToJudge(filter) {
      let query = db
        .selectFrom('responses')
        .innerJoin('runs', 'runs.run_id', 'responses.run_id')
        .innerJoin('questions', (join) =>
          join
            .onRef('questions.set_name', '=', 'responses.set_name')
            .onRef('questions.question_id', '=', 'responses.question_id'),
        )
        .select([
          'responses.response_id',
          'responses.run_id',
          'runs.model_id',
          'responses.set_name',
          'responses.question_id',
          'questions.text',
          'responses.status',
          'responses.final_text',
        ])
        .where('responses.is_current', '=', 1)
        .where((builder) =>
          builder.not(
            builder.exists(
              builder
                .selectFrom('judgments')
                .select('judgments.judgment_id')
                .whereRef('judgments.response_id', '=', 'responses.response_id')
                .where('judgments.judge_id', '=', filter.judgeId)
                .$if(filter.judgeVersion !== undefined, (sub) =>
                  sub.where('judgments.judge_version', '=', filter.judgeVersion!),
                ),
            ),
          ),
        );
      if (filter.runId) query = query.where('responses.run_id', '=', filter.runId);
      if (filter.modelId) query = query.where('runs.model_id', '=', filter.modelId);
      if (filter.setName) query = query.where('responses.set_name', '=', filter.setName);
      if (filter.status) query = query.where('responses.status', '=', filter.status);
      query = query.orderBy('responses.response_id');
      if (filter.limit !== undefined) query = query.limit(filter.limit);
      const rows = await query.execute();
      return rows.map((row) => ({
        responseId: Number(row.response_id),
        runId: row.run_id,
        modelId: row.model_id,
        setName: row.set_name,
        questionId: row.question_id,
        questionText: row.text,
        status: row.status,
        finalText: row.final_text,
      }));
    },

    async listJudgments(responseId) {
      const rows = await db
        .selectFrom('judgments')
        .selectAll()
        .where('response_id', '=', responseId)
        .orderBy('judged_at')
        .orderBy('judgment_id')
        .execute();
      return rows.map((row) => ({
        judgmentId: Number(row.judgment_id),
        responseId: Number(row.response_id),
        judgeId: row.judge_id,
        judgeVersion: row.judge_version,
        promptHash: row.prompt_hash,
        label: row.label as JudgmentLabel,
        explanation: row.explanation,
        rawOutput: row.raw_output,
        judgedAt: row.judged_at,
        source: row.source as JudgmentSource,
        note: row.note,
      }));
    },

    async runCostUsd(runId) {
      const row = await db
        .selectFrom('responses')
        .select((builder) => builder.fn.sum<number | string | null>('cost_usd').as('total'))
        .where('run_id', '=', runId)
        .executeTakeFirst();
      return Number(row?.total ?? 0);
    },
  };

  const labelQueries: LabelQueries = {
    countLabels: (query) => countLabels(db, query, dialect),
    listLabelRows: (query) => listLabelRows(db, query, dialect),
    forEachLabelRow: (query, visit) => forEachLabelRow(db, query, dialect, visit, options.streamRows),
    listQuestionAnswers: (setName, questionId) => listQuestionAnswers(db, setName, questionId),
    countJudgedResponses: () => countJudgedResponses(db),
    listSearchDocuments: (after, limit) => listSearchDocuments(db, after, limit),
  };

  const workQueue: WorkQueue = {
    enqueueWork: (kind, items) => write((q) => enqueueWork(q, kind, items, now())),
    claimWork: (claim) => write((q) => claimWork(q, dialect, claim)),
    renewLeases: (owner, itemIds, leaseMs) => write((q) => renewLeases(q, dialect, owner, itemIds, leaseMs)),
    releaseWork: (owner, itemIds) => write((q) => releaseWork(q, owner, itemIds)),
    finishWork: (entries) => finishWork(db, dialect, entries, now(), options.responseRows),
    countWork: (filter) => countWork(db, dialect, filter),
    enqueueJudgeWork: (request) => enqueueJudgeWork(db, dialect, request, now()),
    claimJudgeWork: async (claim) =>
      describeJudgeItems(db, await write((q) => claimWork(q, dialect, { ...claim, kind: 'judge' })), now()),
    finishJudgeWork: (entries) => finishJudgeWork(db, dialect, entries, now()),
  };

  const rateLimits: RateLimitStore = {
    putRateLimit: (limit) => write((q) => putRateLimit(q, limit)),
    getRateLimit: (key) => getRateLimit(db, key),
    takeRateSlot: (key, tokens) => takeRateSlot(db, dialect, key, tokens),
  };

  const judgeEvaluations: JudgeEvaluationStore = {
    putJudgeEvaluation: (evaluation) => putJudgeEvaluation(db, evaluation),
    listJudgeEvaluations: (judgeId) => listJudgeEvaluations(db, judgeId),
  };

  return { ...handle, ...catalog, ...results, ...labelQueries, ...workQueue, ...rateLimits, ...judgeEvaluations };
}

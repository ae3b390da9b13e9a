import type { Judgment, ModelFacts, Question, QuestionSet, Run, RunState, StoredResponse } from '../core/index.js';
import type {
  ClaimedJudgeItem,
  ClaimedWorkItem,
  ClaimOptions,
  FinishedJudgeWork,
  FinishedWork,
  JudgeEnqueueResult,
  JudgeWorkRequest,
  RateSlotResult,
  SharedRateLimit,
  WorkCounts,
  WorkItemKey,
  WorkKind,
} from './work-queue-types.js';
import type { LabelCountQuery, LabelCountRow, LabelRow, LabelRowQuery } from './label-count-query.js';
import type { QuestionAnswerRecord, SearchDocument } from './explorer-reads.js';

export type { JudgeEvaluation } from './judge-evaluations.js';
import type { JudgeEvaluation } from './judge-evaluations.js';

/** Result of writing one response. */
export interface PutResponseResult {
  responseId: number;
  /** false when the identical payload was already stored (idempotent re-import). */
  inserted: boolean;
  /** true when this version is the one that counts for its (run, question, sample). */
  current: boolean;
}

/** What a question-set write did. */
export interface PutQuestionSetResult {
  inserted: number;
  updated: number;
  unchanged: number;
}

/** Catalog writes: sets and their questions, models, runs. */
export interface CatalogWriter {
  /** Creates or updates a set and its questions (questions not in the list are kept). */
  putQuestionSet(set: QuestionSet, questions: readonly Question[]): Promise<PutQuestionSetResult>;
  /**
   * Creates a model, or fills in its facts. With `overwrite`, given non-null facts replace stored ones;
   * without it, only missing facts are filled.
   */
  putModel(facts: ModelFacts, options?: { overwrite?: boolean }): Promise<{ inserted: boolean; updated: boolean }>;
  /** Creates a run if its id is new; returns false when it existed already. */
  putRun(run: Run): Promise<boolean>;
  setRunState(runId: string, state: RunState, finishedAt?: string | null): Promise<void>;
  /** Replaces a run's settings (its guards change when an enqueued run is resumed). */
  updateRunSettings(runId: string, settings: Record<string, unknown>): Promise<void>;
}

/** Result writes: outcomes and judgments. */
export interface ResultWriter {
  /**
   * Stores one outcome. The same payload twice is a no-op. A different payload for the same
   * (run, question, sample) is kept as a version; the one received last is current.
   */
  putResponse(response: StoredResponse): Promise<PutResponseResult>;
  /** Many responses at once, with the same rules as putResponse; results in input order. */
  putResponses(responses: readonly StoredResponse[]): Promise<PutResponseResult[]>;
  /** Adds a judgment unless an identical one exists. */
  putJudgment(judgment: Judgment): Promise<{ inserted: boolean }>;
  /** Many judgments at once; results in input order. */
  putJudgments(judgments: readonly Judgment[]): Promise<{ inserted: boolean }[]>;
}

/** Writes; inside `transaction` they commit or roll back together. */
export interface StoreWriter extends CatalogWriter, ResultWriter {}

export interface RunSummary extends Run {
  /** Current outcomes per status. */
  statusCounts: Record<string, number>;
  responses: number;
}

export interface QuestionSetSummary extends QuestionSet {
  questionCount: number;
  language: string | null;
  importedAt: string;
}

export interface StoreCounts {
  questionSets: number;
  questions: number;
  models: number;
  runs: number;
  responses: number;
  judgments: number;
}

export interface ResponseRecord extends StoredResponse {
  responseId: number;
  modelId: string;
  isCurrent: boolean;
}

/** A response as a judge needs it. */
export interface ResponseToJudge {
  responseId: number;
  runId: string;
  modelId: string;
  setName: string;
  questionId: string;
  questionText: string;
  status: string;
  finalText: string | null;
}

export interface ResponseFilter {
  runId?: string;
  modelId?: string;
  setName?: string;
  status?: string;
  includeSuperseded?: boolean;
  limit?: number;
}

/** What every store is: where it lives, its engine, its transactions, its version, and closing it. */
export interface StoreHandle {
  /** Where it lives (file path or redacted URL), for messages. */
  readonly location: string;
  readonly dialect: 'sqlite' | 'postgres';
  transaction<T>(work: (writer: StoreWriter) => Promise<T>): Promise<T>;
  schemaVersion(): Promise<number>;
  counts(): Promise<StoreCounts>;
  /** Changes whenever responses, judgments, questions or models are added (a cache key; cheap). */
  dataVersion(): Promise<string>;
  close(): Promise<void>;
}

/** The catalog role: question sets, questions, models and runs. */
export interface CatalogStore extends CatalogWriter {
  listQuestionSets(): Promise<QuestionSetSummary[]>;
  getQuestions(setName: string): Promise<Question[]>;
  listModels(): Promise<ModelFacts[]>;
  getRun(runId: string): Promise<Run | null>;
  listRuns(): Promise<RunSummary[]>;
}

/** The results role: responses and judgments, written and read one by one. */
export interface ResultStore extends ResultWriter {
  listResponses(filter: ResponseFilter): Promise<ResponseRecord[]>;
  getResponse(responseId: number): Promise<ResponseRecord | null>;
  /** (question, sample) of every current outcome of a run: what a resume skips. Cheap: no payloads. */
  listOutcomeKeys(runId: string): Promise<{ questionId: string; sample: number }[]>;
  /**
   * Current responses (matching the filter) that have no judgment yet from `judgeId` (and
   * `judgeVersion` when given), oldest first, with their question text.
   */
  listResponsesToJudge(filter: ResponseFilter & { judgeId: string; judgeVersion?: string }): Promise<ResponseToJudge[]>;
  listJudgments(responseId: number): Promise<(Judgment & { judgmentId: number })[]>;
  /** Money spent on a run: the sum of cost_usd over all its stored responses, every version included. */
  runCostUsd(runId: string): Promise<number>;
}

/** The label-queries role: label counts and rows (the input of every rate) and the explorer's reads. */
export interface LabelQueries {
  /** Label counts grouped as asked: the input of every rate. */
  countLabels(query: LabelCountQuery): Promise<LabelCountRow[]>;
  /** Labelled current responses, one per row: the input of paired comparisons. */
  listLabelRows(query: LabelRowQuery): Promise<LabelRow[]>;
  /**
   * The same rows in the same order, one at a time, without building the list (a million rows
   * then fit in a few hundred MB); `visit` must not call the store. Resolves to how many there were.
   */
  forEachLabelRow(query: LabelRowQuery, visit: (row: LabelRow) => void): Promise<number>;
  /** Every current answer to one question with its latest judgment, ordered by model and sample. */
  listQuestionAnswers(setName: string, questionId: string): Promise<QuestionAnswerRecord[]>;
  /** Per judge, how many current responses it judged. */
  countJudgedResponses(): Promise<{ judge: string; responses: number }[]>;
  /** Full-text search documents in pages; pass back `next` until it is null. */
  listSearchDocuments(
    after: string | null,
    limit: number,
  ): Promise<{ documents: SearchDocument[]; next: string | null }>;
}

/** The work-queue role: collection and judge items for workers, with leases. */
export interface WorkQueue {
  /**
   * Adds collection items for workers; those already present (in any state) are kept. Returns how
   * many are new. Only 'collect' is accepted: judge items go through enqueueJudgeWork.
   */
  enqueueWork(kind: 'collect', items: readonly WorkItemKey[]): Promise<number>;
  /**
   * Leases up to `limit` queued (or lease-expired) items to `owner` for `leaseMs`. Collect items of
   * a run in state 'interrupted' (halted by a guard) are not handed out.
   */
  claimWork(options: ClaimOptions): Promise<ClaimedWorkItem[]>;
  /** Heartbeat: extends the owner's leases; returns the ids it still holds. */
  renewLeases(owner: string, itemIds: readonly number[], leaseMs: number): Promise<number[]>;
  /** Returns the owner's leased items (all, or those listed) to the queue. */
  releaseWork(owner: string, itemIds?: readonly number[]): Promise<number>;
  /**
   * Stores each item's outcome unless its (run, question, sample) already has a current one, and
   * marks the items done, atomically. Results in input order.
   */
  finishWork(entries: readonly FinishedWork[]): Promise<PutResponseResult[]>;
  /**
   * Items per state. With `claimableOnly`, items of runs a guard halted (state 'interrupted') are
   * left out: they stay queued, but no worker takes them until the run is enqueued again.
   */
  countWork(filter?: { runId?: string; kind?: WorkKind; claimableOnly?: boolean }): Promise<WorkCounts>;
  /**
   * Queues one 'judge' item per response with none yet for this judge (id + version); finished items
   * whose response still has no judgment from it are queued again.
   */
  enqueueJudgeWork(request: JudgeWorkRequest): Promise<JudgeEnqueueResult>;
  /** Leases up to `limit` judge items (queued or lease-expired) with what the judge needs. */
  claimJudgeWork(options: Omit<ClaimOptions, 'kind'>): Promise<ClaimedJudgeItem[]>;
  /**
   * Stores each judgment unless its response already has one from that judge and version, and marks
   * the items done, atomically. Results in input order.
   */
  finishJudgeWork(entries: readonly FinishedJudgeWork[]): Promise<{ inserted: boolean }[]>;
}

/** The rate-limits role: rolling windows shared by every worker using this store. */
export interface RateLimitStore {
  /** Creates or replaces a rate limit shared by every worker using this store. */
  putRateLimit(limit: SharedRateLimit): Promise<void>;
  getRateLimit(key: string): Promise<SharedRateLimit | null>;
  /** Takes one slot under the key's shared rolling window, or says when to ask again. */
  takeRateSlot(key: string, tokens: number): Promise<RateSlotResult>;
}

/** The judge-evaluations role: `candor judge eval` results. */
export interface JudgeEvaluationStore {
  /** Keeps one `candor judge eval` result (judge id + version, gold file hash, scores). */
  putJudgeEvaluation(evaluation: JudgeEvaluation): Promise<void>;
  /** Stored `judge eval` results, newest first (of one judge id when given). */
  listJudgeEvaluations(judgeId?: string): Promise<JudgeEvaluation[]>;
}

/**
 * Candor's storage: every role at once. One contract (src/store/test-support/run-store-contract.ts)
 * runs against every implementation, so callers never depend on the engine. A caller that needs
 * one role takes that role's type (with StoreHandle when it opens transactions or closes).
 */
export interface CandorStore
  extends
    StoreHandle,
    StoreWriter,
    CatalogStore,
    ResultStore,
    LabelQueries,
    WorkQueue,
    RateLimitStore,
    JudgeEvaluationStore {}

import type { ColumnType, Generated } from 'kysely';

/**
 * Typed view of Candor's tables after every migration (migrations.ts), shared by the SQLite and
 * Postgres stores: the one type of the kysely database.
 */
export interface DatabaseSchema {
  schema_migrations: SchemaMigrationTable;
  question_sets: QuestionSetTable;
  questions: QuestionTable;
  models: ModelTable;
  runs: RunTable;
  test_runs: TestRunTable;
  responses: ResponseTable;
  judgments: JudgmentTable;
  work_items: WorkItemTable;
  judge_work_items: JudgeWorkItemTable;
  rate_limits: RateLimitTable;
  rate_limit_grants: RateLimitGrantTable;
  judge_evaluations: JudgeEvaluationTable;
}

export interface SchemaMigrationTable {
  version: number;
  name: string;
  applied_at: string;
}

export interface QuestionSetTable {
  name: string;
  title: string | null;
  source: string | null;
  format: string;
  content_hash: string;
  question_count: number;
  imported_at: string;
}

export interface QuestionTable {
  set_name: string;
  question_id: string;
  text: string;
  domain: string | null;
  theme: string | null;
  variation: string | null;
  target_country: string | null;
  language: string;
  template_id: string | null;
  /** JSON array of strings; never filtered on in SQL. */
  tags: string;
  translation_of_set: string | null;
  translation_of_id: string | null;
  translation_kind: string;
}

export interface ModelTable {
  model_id: string;
  creator: string | null;
  family: string | null;
  release_date: string | null;
  /** 1, 0 or null (unknown). */
  reasoning: number | null;
}

/** Runs whose answers are test data (core/test-run.ts): left out of reports unless asked. */
export interface TestRunTable {
  run_id: string;
}

export interface RunTable {
  run_id: string;
  model_id: string;
  provider: string;
  provider_route: string | null;
  set_name: string;
  /** JSON of RunSettings (secrets stripped). */
  settings: string;
  /** JSON of RunProvenance. */
  provenance: string;
  state: string;
  created_at: string;
  finished_at: string | null;
}

export interface ResponseTable {
  response_id: Generated<number>;
  run_id: string;
  set_name: string;
  question_id: string;
  sample: number;
  /** 1 for the outcome that counts; 0 for superseded versions kept as history. */
  is_current: number;
  status: string;
  status_detail: string | null;
  finish_reason: string;
  finish_reason_raw: string | null;
  final_text: string | null;
  reasoning_text: string | null;
  upstream_route: string | null;
  http_status: number | null;
  raw_payload: string;
  payload_hash: string;
  prompt_tokens: number | null;
  completion_tokens: number | null;
  reasoning_tokens: number | null;
  cost_usd: number | null;
  latency_ms: number | null;
  requested_at: string | null;
  received_at: string | null;
  stored_at: string;
}

export interface JudgmentTable {
  judgment_id: Generated<number>;
  response_id: ColumnType<number, number, never>;
  judge_id: string;
  judge_version: string;
  prompt_hash: string | null;
  label: string;
  explanation: string | null;
  raw_output: string | null;
  judged_at: string;
  source: string;
  note: string | null;
  /** sha256 over the judgment's content: re-importing the same judgment is a no-op. */
  dedupe_key: string;
}

/** One work item: a (run, question, sample) to collect, or the shell of a judge item. */
export interface WorkItemTable {
  item_id: Generated<number>;
  kind: string;
  run_id: string;
  question_id: string;
  sample: number;
  /** queued | leased | done */
  state: string;
  lease_owner: string | null;
  lease_expires_ms: number | null;
  attempts: number;
  enqueued_at: string;
  finished_at: string | null;
}

export interface RateLimitTable {
  limit_key: string;
  requests_per_window: number | null;
  tokens_per_window: number | null;
  window_ms: number;
  safety_margin_ms: number;
}

export interface RateLimitGrantTable {
  grant_id: Generated<number>;
  limit_key: string;
  granted_ms: number;
  tokens: number;
}

/** What a 'judge' work item judges (one row per judge item). */
export interface JudgeWorkItemTable {
  item_id: number;
  response_id: number;
  judge_spec: string;
  /** JSON of JudgeSpecOptions. */
  judge_options: string;
  judge_id: string;
  judge_version: string;
}

/** One stored `candor judge eval` result (JSON columns hold the per-class scores, confusion matrix and labels). */
export interface JudgeEvaluationTable {
  evaluation_id: Generated<number>;
  judge_id: string;
  judge_version: string;
  gold_hash: string;
  gold_name: string;
  n: number;
  accuracy: number | null;
  kappa: number | null;
  per_class: string;
  confusion: string;
  labels: string;
  coverage: number;
  abstain_below: number | null;
  evaluated_at: string;
}

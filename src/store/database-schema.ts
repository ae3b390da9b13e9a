import type { ColumnType, Generated } from 'kysely';

/** Typed view of Candor's tables, shared by the SQLite and Postgres stores. */
export interface DatabaseSchema {
  schema_migrations: SchemaMigrationTable;
  question_sets: QuestionSetTable;
  questions: QuestionTable;
  models: ModelTable;
  runs: RunTable;
  test_runs: TestRunTable;
  responses: ResponseTable;
  judgments: JudgmentTable;
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

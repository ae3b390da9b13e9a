import { generatedIdColumn, realColumn, type SqlDialect } from './sql-dialect.js';

/** A forward-only schema step. Statements run in one transaction. */
export interface Migration {
  version: number;
  name: string;
  statements: (dialect: SqlDialect) => string[];
}

/** Every migration, oldest first. Never edit a released one: add a new one. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    statements: (dialect) => [
      `CREATE TABLE question_sets (
        name TEXT PRIMARY KEY,
        title TEXT,
        source TEXT,
        format TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        question_count INTEGER NOT NULL,
        imported_at TEXT NOT NULL
      )`,
      `CREATE TABLE questions (
        set_name TEXT NOT NULL REFERENCES question_sets(name),
        question_id TEXT NOT NULL,
        text TEXT NOT NULL,
        domain TEXT,
        theme TEXT,
        variation TEXT,
        target_country TEXT,
        language TEXT NOT NULL,
        template_id TEXT,
        tags TEXT NOT NULL,
        translation_of_set TEXT,
        translation_of_id TEXT,
        translation_kind TEXT NOT NULL,
        PRIMARY KEY (set_name, question_id)
      )`,
      `CREATE INDEX questions_theme ON questions (theme)`,
      `CREATE INDEX questions_country ON questions (target_country)`,
      `CREATE INDEX questions_translation ON questions (translation_of_set, translation_of_id)`,
      `CREATE TABLE models (
        model_id TEXT PRIMARY KEY,
        creator TEXT,
        family TEXT,
        release_date TEXT,
        reasoning INTEGER
      )`,
      `CREATE TABLE runs (
        run_id TEXT PRIMARY KEY,
        model_id TEXT NOT NULL REFERENCES models(model_id),
        provider TEXT NOT NULL,
        provider_route TEXT,
        set_name TEXT NOT NULL REFERENCES question_sets(name),
        settings TEXT NOT NULL,
        provenance TEXT NOT NULL,
        state TEXT NOT NULL,
        created_at TEXT NOT NULL,
        finished_at TEXT
      )`,
      `CREATE INDEX runs_model ON runs (model_id)`,
      `CREATE TABLE responses (
        response_id ${generatedIdColumn(dialect)},
        run_id TEXT NOT NULL REFERENCES runs(run_id),
        set_name TEXT NOT NULL,
        question_id TEXT NOT NULL,
        sample INTEGER NOT NULL,
        is_current INTEGER NOT NULL,
        status TEXT NOT NULL,
        status_detail TEXT,
        finish_reason TEXT NOT NULL,
        finish_reason_raw TEXT,
        final_text TEXT,
        reasoning_text TEXT,
        upstream_route TEXT,
        http_status INTEGER,
        raw_payload TEXT NOT NULL,
        payload_hash TEXT NOT NULL,
        prompt_tokens INTEGER,
        completion_tokens INTEGER,
        reasoning_tokens INTEGER,
        cost_usd ${realColumn(dialect)},
        latency_ms ${realColumn(dialect)},
        requested_at TEXT,
        received_at TEXT,
        stored_at TEXT NOT NULL,
        FOREIGN KEY (set_name, question_id) REFERENCES questions(set_name, question_id)
      )`,
      `CREATE UNIQUE INDEX responses_one_current ON responses (run_id, question_id, sample) WHERE is_current = 1`,
      `CREATE UNIQUE INDEX responses_version ON responses (run_id, question_id, sample, payload_hash)`,
      `CREATE INDEX responses_question ON responses (set_name, question_id)`,
      `CREATE INDEX responses_status ON responses (status)`,
      `CREATE TABLE judgments (
        judgment_id ${generatedIdColumn(dialect)},
        response_id BIGINT NOT NULL REFERENCES responses(response_id),
        judge_id TEXT NOT NULL,
        judge_version TEXT NOT NULL,
        prompt_hash TEXT,
        label TEXT NOT NULL,
        explanation TEXT,
        raw_output TEXT,
        judged_at TEXT NOT NULL,
        source TEXT NOT NULL,
        note TEXT,
        dedupe_key TEXT NOT NULL
      )`,
      `CREATE UNIQUE INDEX judgments_dedupe ON judgments (response_id, dedupe_key)`,
      `CREATE INDEX judgments_latest ON judgments (response_id, judged_at)`,
      `CREATE INDEX judgments_judge ON judgments (judge_id, response_id)`,
    ],
  },
  {
    version: 2,
    name: 'indexes for run progress and label filters',
    statements: () => [
      `CREATE INDEX responses_run_status ON responses (run_id, status)`,
      `CREATE INDEX judgments_label ON judgments (label)`,
    ],
  },
  {
    version: 3,
    name: 'work queue with leases, and shared rate limits',
    statements: (dialect) => [
      // IF NOT EXISTS: a store rolled back by hand to an older version (as tests do) can migrate again.
      // Times in ms since the epoch, from the database's clock on Postgres (one clock for every machine).
      `CREATE TABLE IF NOT EXISTS work_items (
        item_id ${generatedIdColumn(dialect)},
        kind TEXT NOT NULL,
        run_id TEXT NOT NULL REFERENCES runs(run_id),
        question_id TEXT NOT NULL,
        sample INTEGER NOT NULL,
        state TEXT NOT NULL,
        lease_owner TEXT,
        lease_expires_ms BIGINT,
        attempts INTEGER NOT NULL,
        enqueued_at TEXT NOT NULL,
        finished_at TEXT
      )`,
      `CREATE UNIQUE INDEX IF NOT EXISTS work_items_key ON work_items (kind, run_id, question_id, sample)`,
      `CREATE INDEX IF NOT EXISTS work_items_claim ON work_items (kind, state, item_id)`,
      `CREATE TABLE IF NOT EXISTS rate_limits (
        limit_key TEXT PRIMARY KEY,
        requests_per_window INTEGER,
        tokens_per_window BIGINT,
        window_ms INTEGER NOT NULL,
        safety_margin_ms INTEGER NOT NULL
      )`,
      `CREATE TABLE IF NOT EXISTS rate_limit_grants (
        grant_id ${generatedIdColumn(dialect)},
        limit_key TEXT NOT NULL REFERENCES rate_limits(limit_key),
        granted_ms BIGINT NOT NULL,
        tokens BIGINT NOT NULL
      )`,
      `CREATE INDEX IF NOT EXISTS rate_limit_grants_window ON rate_limit_grants (limit_key, granted_ms)`,
    ],
  },
  {
    version: 4,
    name: 'judge work items',
    // Re-runnable like version 3 (IF EXISTS / IF NOT EXISTS), and no ALTER TABLE, which SQLite cannot skip.
    statements: () => [
      // Judge items (kind 'judge') share work_items and its leases; the (run, question, sample) key now
      // binds collection items only, since several judges may each have an item for one response.
      `DROP INDEX IF EXISTS work_items_key`,
      `CREATE UNIQUE INDEX IF NOT EXISTS work_items_collect_key ON work_items (kind, run_id, question_id, sample) WHERE kind = 'collect'`,
      `CREATE TABLE IF NOT EXISTS judge_work_items (
        item_id BIGINT PRIMARY KEY REFERENCES work_items(item_id),
        response_id BIGINT NOT NULL REFERENCES responses(response_id),
        judge_spec TEXT NOT NULL,
        judge_options TEXT NOT NULL,
        judge_id TEXT NOT NULL,
        judge_version TEXT NOT NULL
      )`,
      `CREATE UNIQUE INDEX IF NOT EXISTS judge_work_items_key ON judge_work_items (response_id, judge_id, judge_version)`,
    ],
  },
  {
    version: 5,
    name: 'test runs',
    // Runs against the mock server, a loopback openai-compatible endpoint or replay: (core/test-run.ts).
    // A table, not a column, so the migration stays re-runnable; existing such runs are marked here.
    statements: () => [
      `CREATE TABLE IF NOT EXISTS test_runs (run_id TEXT PRIMARY KEY REFERENCES runs(run_id))`,
      `INSERT INTO test_runs (run_id)
        SELECT run_id FROM runs
        WHERE (provider = 'replay' OR settings LIKE '%"modelSpec":"replay:%'
          OR (provider = 'openai-compatible' AND (settings LIKE '%"baseURL":"http://127.%' OR settings LIKE '%"baseURL":"http://localhost%'
            OR settings LIKE '%"baseURL":"https://127.%' OR settings LIKE '%"baseURL":"https://localhost%' OR settings LIKE '%"baseURL":"http://[::1]%')))
          AND run_id NOT IN (SELECT run_id FROM test_runs)`,
    ],
  },
  {
    version: 6,
    name: 'judge evaluations',
    // Self-contained and re-runnable (IF NOT EXISTS): `candor judge eval` results, shown next to rates.
    statements: (dialect) => [
      `CREATE TABLE IF NOT EXISTS judge_evaluations (
        evaluation_id ${generatedIdColumn(dialect)},
        judge_id TEXT NOT NULL,
        judge_version TEXT NOT NULL,
        gold_hash TEXT NOT NULL,
        gold_name TEXT NOT NULL,
        n INTEGER NOT NULL,
        accuracy ${realColumn(dialect)},
        kappa ${realColumn(dialect)},
        per_class TEXT NOT NULL,
        confusion TEXT NOT NULL,
        labels TEXT NOT NULL,
        coverage ${realColumn(dialect)} NOT NULL,
        abstain_below ${realColumn(dialect)},
        evaluated_at TEXT NOT NULL
      )`,
      `CREATE INDEX IF NOT EXISTS judge_evaluations_judge ON judge_evaluations (judge_id, evaluated_at)`,
    ],
  },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

import type { Generated } from 'kysely';

/** Typed view of the work-queue tables (migration 3). */
export type WorkQueueSchema = {
  work_items: WorkItemTable;
  rate_limits: RateLimitTable;
  rate_limit_grants: RateLimitGrantTable;
};

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

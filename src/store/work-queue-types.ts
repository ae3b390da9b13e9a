import type { StoredResponse } from '../core/index.js';

/** What a work item asks for: one (run, question, sample) to collect, or one response to judge. */
export type WorkKind = 'collect' | 'judge';

export interface WorkItemKey {
  runId: string;
  questionId: string;
  sample: number;
}

/** An item a worker holds a lease on. */
export interface ClaimedWorkItem extends WorkItemKey {
  itemId: number;
  kind: WorkKind;
  /** How many times it has been claimed, this time included (> 1 after a dead worker). */
  attempts: number;
}

export interface ClaimOptions {
  owner: string;
  limit: number;
  leaseMs: number;
  kind?: WorkKind;
  runId?: string;
}

/** Items per state; `expired` are leased items whose lease ran out (claimable again). */
export interface WorkCounts {
  queued: number;
  leased: number;
  expired: number;
  done: number;
}

/** A rate limit shared by every worker that calls one provider (a rolling window, never exceeded). */
export interface SharedRateLimit {
  key: string;
  requestsPerWindow: number | null;
  tokensPerWindow: number | null;
  windowMs: number;
  /** Added to the window so that network jitter cannot put two windows' requests into one. */
  safetyMarginMs: number;
}

export type RateSlotResult = { granted: true } | { granted: false; retryInMs: number };

/** One finished work item and the outcome it produced. */
export interface FinishedWork {
  itemId: number;
  response: StoredResponse;
}

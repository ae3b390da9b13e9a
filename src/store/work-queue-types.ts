import type { Judgment, StoredResponse } from '../core/index.js';

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

/** Options a judge spec needs besides the spec itself (e.g. a cascade's threshold); never secrets. */
export type JudgeSpecOptions = Readonly<Record<string, string | number | boolean | null>>;

/** `candor judge run --enqueue`: one judge (as a spec workers resolve) for many responses. */
export interface JudgeWorkRequest {
  /** As given to --judge, e.g. `embedded` or `openrouter:x-ai/grok-4.1-fast`. */
  judgeSpec: string;
  judgeOptions: JudgeSpecOptions;
  /** The resolved judge's id and version: one judgment per (response, id, version) comes from the queue. */
  judgeId: string;
  judgeVersion: string;
  /** Responses to judge (the items also record each one's run, question and sample). */
  responseIds: readonly number[];
}

export interface JudgeEnqueueResult {
  /** Items created. */
  added: number;
  /** Finished items whose response still has no judgment from this judge (it was unavailable), queued again. */
  requeued: number;
}

/** A judge item a worker holds a lease on, with what the judge needs. */
export interface ClaimedJudgeItem {
  itemId: number;
  attempts: number;
  runId: string;
  responseId: number;
  judgeSpec: string;
  judgeOptions: JudgeSpecOptions;
  judgeId: string;
  judgeVersion: string;
  questionText: string;
  status: string;
  finalText: string | null;
  /** The response already has a judgment from this judge and version (e.g. another worker finished first). */
  alreadyJudged: boolean;
}

/** One finished judge item: its judgment, or null when none is stored (given up, or judged already). */
export interface FinishedJudgeWork {
  itemId: number;
  judgment: Judgment | null;
}

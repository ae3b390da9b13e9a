import type { ResponseStatus } from '../core/index.js';
import type { GuardReason } from './run-guards.js';

/**
 * Why an execution stopped before its work was done (or, for a worker, why it stopped at all).
 * Every one leaves resumable work: a local run is resumed with --resume, queued items stay queued.
 * - interrupted: Ctrl-C / the signal; requests in flight finished and were stored
 * - truncation, unknown_shape, budget, refused: a guard (run-guards.ts); `guard` when a worker given --run saw its run halted
 * - store_error: an outcome could not be committed; error: anything else thrown while handling an item
 * - empty: a worker found no work left (its normal end)
 */
export type StopReason = GuardReason | 'interrupted' | 'store_error' | 'error' | 'guard' | 'empty';

/**
 * Everything the engine tells its caller, one vocabulary for a local run, a collect or judge
 * worker, local judging and set authoring (the CLI draws progress from these; the runner prints
 * nothing). Every engine's `onEvent` takes this one type; a caller narrows by `type`, and a tag
 * means the same thing (with the same fields) wherever it appears. Which engine emits which:
 * - local run (executeRun): start, retry, outcome, stopping, finish
 * - collect worker (runWorker): claimed, retry, outcome, lease_lost, skipped, idle, run_halted, store_retry, stopping, finish
 * - judge worker (runJudgeWorker): claimed, judged, unavailable, lease_lost, idle, store_retry, stopping, finish
 * - local judging (judgeResponses): batch, judged, unavailable, waiting
 * - set authoring (translate, generate): start, accepted, rejected, failed, stored, stopping
 */
export type EngineEvent =
  /** Work planned: `runId` null for set authoring, which works on a set. */
  | { type: 'start'; runId: string | null; setName: string; total: number; pending: number; alreadyDone: number }
  /** Items leased from the queue by a worker. */
  | { type: 'claimed'; count: number }
  /** A request is asked again after `delayMs` (the backoff or the provider's retry-after); `status` is what the previous attempt got. */
  | {
      type: 'retry';
      runId: string;
      questionId: string;
      sample: number;
      attempt: number;
      delayMs: number;
      status: ResponseStatus;
      httpStatus: number | null;
    }
  /** An answer committed; `duplicate` when another worker had committed this item first. */
  | {
      type: 'outcome';
      runId: string;
      questionId: string;
      sample: number;
      status: ResponseStatus;
      costUsd: number | null;
      attempts: number;
      latencyMs: number;
      duplicate: boolean;
    }
  /** A judgment committed (`itemId` null when judging locally, without the queue). */
  | { type: 'judged'; itemId: number | null; responseId: number; label: string; byRule: boolean; duplicate: boolean }
  /** The judge failed for a response: back to the queue, or given up after its last attempt. */
  | { type: 'unavailable'; itemId: number | null; responseId: number; detail: string; gaveUp: boolean }
  /** Local judging: a batch of responses without a judgment was read. */
  | { type: 'batch'; pending: number }
  /** Local judging waits for answers still being collected. */
  | { type: 'waiting' }
  /** Set authoring: one question (translation) or theme (generation) accepted; `attempts` counts model calls, rejected ones included. */
  | { type: 'accepted'; id: string; attempts: number }
  /** Set authoring: an answer failed validation and will be asked again. */
  | { type: 'rejected'; id: string; attempt: number; reason: string }
  /** Set authoring: given up after every attempt; nothing stored for it. */
  | { type: 'failed'; id: string; reasons: string[] }
  /** Set authoring: a batch of accepted questions committed. */
  | { type: 'stored'; count: number; storedSoFar: number }
  | { type: 'lease_lost'; itemIds: number[] }
  | { type: 'skipped'; itemId: number; detail: string }
  | { type: 'idle' }
  /** A guard halted a queued run for every worker; its other items stay queued. */
  | { type: 'run_halted'; runId: string; reason: GuardReason; detail: string }
  | { type: 'store_retry'; detail: string }
  | { type: 'stopping'; reason: StopReason; detail: string }
  | { type: 'finish'; summary: RunExecutionSummary | WorkerSummary | JudgeWorkerSummary };

export interface RunExecutionSummary {
  runId: string;
  state: 'finished' | 'interrupted';
  stopReason: StopReason | null;
  stopDetail: string | null;
  /** Outcomes stored by this execution, per status. */
  statusCounts: Partial<Record<ResponseStatus, number>>;
  stored: number;
  /** Items still without an outcome (resume them). */
  remaining: number;
  costUsd: number;
  elapsedMs: number;
}

export interface WorkerSummary {
  owner: string;
  stopReason: StopReason;
  /** Outcomes this worker stored. */
  stored: number;
  /** Items whose outcome another worker had stored first (a lease that expired under us). */
  duplicates: number;
  statusCounts: Partial<Record<ResponseStatus, number>>;
  /** Items given back to the queue on the way out. */
  released: number;
  /** Runs this worker saw complete (no item queued or leased). */
  finishedRuns: string[];
  /** Runs a guard of this worker halted (truncation, unknown payload, budget); their other items stay queued. */
  haltedRuns: { runId: string; reason: GuardReason; detail: string }[];
  elapsedMs: number;
}

export interface JudgeWorkerSummary {
  owner: string;
  stopReason: StopReason;
  /** Judgments this worker stored (rule labels included). */
  judged: number;
  /** Failed outcomes labelled by rule, without calling the judge. */
  byRule: number;
  /** Items whose judgment another worker had stored first. */
  duplicates: number;
  /** Judge calls that failed (the item went back, or was given up after its last attempt). */
  unavailable: number;
  labels: Record<string, number>;
  /** Items given back to the queue on the way out. */
  released: number;
  elapsedMs: number;
}

/** Where a translate or generate call ended. */
export interface AuthoringSummary {
  setName: string;
  /** Questions (translation) or themes (generation) in the input. */
  total: number;
  /** Already in the target set before this call (resume). */
  alreadyDone: number;
  /** Accepted and stored by this call: questions (translation) or themes (generation). */
  stored: number;
  failed: { id: string; reasons: string[] }[];
  /** The signal aborted before every item was tried. */
  interrupted: boolean;
  /** Model calls made, rejected answers included. */
  requests: number;
  costUsd: number;
}

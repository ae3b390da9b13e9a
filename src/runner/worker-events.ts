import type { ResponseStatus } from '../core/index.js';
import type { GuardReason } from './run-guards.js';

/** Why a worker stopped. */
export type WorkerStopReason = 'empty' | 'interrupted' | 'store_error' | 'error' | 'guard';

/** What a worker tells its caller (the CLI prints from these; the worker prints nothing). */
export type WorkerEvent =
  | { type: 'claimed'; count: number }
  | { type: 'retry'; runId: string; questionId: string; sample: number; attempt: number; delayMs: number; status: ResponseStatus; httpStatus: number | null }
  | { type: 'outcome'; runId: string; questionId: string; sample: number; status: ResponseStatus; attempts: number; duplicate: boolean }
  | { type: 'lease_lost'; itemIds: number[] }
  | { type: 'skipped'; itemId: number; detail: string }
  | { type: 'idle' }
  | { type: 'run_halted'; runId: string; reason: GuardReason; detail: string }
  | { type: 'store_retry'; detail: string }
  | { type: 'stopping'; reason: WorkerStopReason; detail: string }
  | { type: 'finish'; summary: WorkerSummary };

export interface WorkerSummary {
  owner: string;
  stopReason: WorkerStopReason;
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

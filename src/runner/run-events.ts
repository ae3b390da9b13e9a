import type { ResponseStatus } from '../core/index.js';

/** Why a run stopped before every item had an outcome. All of them leave a resumable run. */
export type StopReason = 'interrupted' | 'truncation' | 'budget' | 'unknown_shape' | 'store_error' | 'refused';

/** What the runner tells its caller (the CLI draws progress from these; the runner prints nothing). */
export type RunEvent =
  | { type: 'start'; runId: string; total: number; pending: number; alreadyDone: number }
  | { type: 'outcome'; questionId: string; sample: number; status: ResponseStatus; costUsd: number | null; attempts: number; latencyMs: number }
  | { type: 'retry'; questionId: string; sample: number; attempt: number; delayMs: number; status: ResponseStatus; httpStatus: number | null }
  | { type: 'stopping'; reason: StopReason; detail: string }
  | { type: 'finish'; summary: RunExecutionSummary };

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

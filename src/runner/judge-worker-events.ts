import type { WorkerStopReason } from './worker-events.js';

/** What a judge worker tells its caller (the CLI prints from these). */
export type JudgeWorkerEvent =
  | { type: 'claimed'; count: number }
  | { type: 'judged'; itemId: number; responseId: number; label: string; byRule: boolean; duplicate: boolean }
  | { type: 'unavailable'; itemId: number; responseId: number; detail: string; gaveUp: boolean }
  | { type: 'lease_lost'; itemIds: number[] }
  | { type: 'idle' }
  | { type: 'store_retry'; detail: string }
  | { type: 'stopping'; reason: WorkerStopReason; detail: string }
  | { type: 'finish'; summary: JudgeWorkerSummary };

export interface JudgeWorkerSummary {
  owner: string;
  stopReason: WorkerStopReason;
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

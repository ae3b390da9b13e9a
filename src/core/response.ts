import type { FinishReason } from './finish-reason.js';
import type { ResponseStatus } from './response-status.js';

export interface Usage {
  promptTokens: number | null;
  completionTokens: number | null;
  reasoningTokens: number | null;
}

/** One stored outcome of asking one question once (one sample) within a run. */
export interface StoredResponse {
  runId: string;
  setName: string;
  questionId: string;
  sample: number;
  status: ResponseStatus;
  finishReason: FinishReason;
  finalText: string | null;
  reasoningText: string | null;
  /** Upstream that served it, e.g. OpenRouter's `provider` field. */
  upstreamRoute: string | null;
  httpStatus: number | null;
  /** The provider's raw payload, as received (JSON text). */
  rawPayload: string;
  /** Short human-readable reason for a non-success status. */
  statusDetail: string | null;
  usage: Usage;
  costUsd: number | null;
  latencyMs: number | null;
  requestedAt: string | null;
  receivedAt: string | null;
}

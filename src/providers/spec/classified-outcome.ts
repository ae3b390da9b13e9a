import type { FinishReason, ResponseStatus, Usage } from '../../core/index.js';

/** What a provider payload means, independent of how it was fetched. */
export interface ClassifiedOutcome {
  status: ResponseStatus;
  finishReason: FinishReason;
  /** The answer with any reasoning removed; null when the payload carried none. */
  finalText: string | null;
  /** Reasoning/thinking text, kept apart and never judged as the answer. */
  reasoningText: string | null;
  /** Upstream that served the request (OpenRouter's `provider` field). */
  upstreamRoute: string | null;
  usage: Usage;
  costUsd: number | null;
  /** Short human-readable reason for a non-success status (or a note on a success). */
  statusDetail: string | null;
}

export const EMPTY_USAGE: Usage = Object.freeze({ promptTokens: null, completionTokens: null, reasoningTokens: null });

/** A payload's answer is "almost nothing" at or below this many completion tokens. */
export const BLOCKED_EMPTY_MAX_COMPLETION_TOKENS = 5;

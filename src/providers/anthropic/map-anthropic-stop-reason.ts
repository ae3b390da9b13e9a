import type { FinishReason, UnifiedFinishReason } from '../../core/index.js';

/**
 * Anthropic Messages `stop_reason` values. `refusal` is set when Anthropic's safety classifier
 * stops a response. https://docs.anthropic.com/en/api/handling-stop-reasons — every value of
 * @anthropic-ai/sdk 1.17's StopReason has an entry.
 */
const ANTHROPIC_STOP_REASONS: Record<string, UnifiedFinishReason> = {
  end_turn: 'stop',
  stop_sequence: 'stop',
  max_tokens: 'length',
  model_context_window_exceeded: 'length',
  refusal: 'content-filter',
  tool_use: 'tool-calls',
  // A paused server-tool turn: deterministic, stored as provider_error, not retried.
  pause_turn: 'error',
};

export function mapAnthropicStopReason(raw: unknown): FinishReason {
  if (raw === null || raw === undefined || raw === '') return { unified: 'unknown', raw: null };
  const text = String(raw);
  return { unified: ANTHROPIC_STOP_REASONS[text] ?? 'other', raw: text };
}

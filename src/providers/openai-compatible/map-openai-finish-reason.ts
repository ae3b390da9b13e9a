import type { FinishReason, UnifiedFinishReason } from '../../core/index.js';
import { GEMINI_FINISH_REASONS } from '../gemini/map-gemini-finish-reason.js';

/**
 * Finish reasons seen from OpenAI-compatible servers, including upstream values that OpenRouter
 * passes through as `native_finish_reason` (Gemini, Anthropic, vLLM/TGI "eos").
 * https://platform.openai.com/docs/api-reference/chat/object#chat/object-choices
 * https://openrouter.ai/docs/api-reference/overview#finish-reason
 */
const OPENAI_FINISH_REASONS: Record<string, UnifiedFinishReason> = {
  // Upstream values relayed as native_finish_reason map exactly as their own adapters map them.
  ...GEMINI_FINISH_REASONS,
  stop: 'stop',
  eos: 'stop',
  eos_token: 'stop',
  end_turn: 'stop',
  stop_sequence: 'stop',
  STOP: 'stop',
  FINISH_REASON_STOP: 'stop',
  length: 'length',
  max_tokens: 'length',
  model_length: 'length',
  MAX_TOKENS: 'length',
  content_filter: 'content-filter',
  refusal: 'content-filter',
  SAFETY: 'content-filter',
  PROHIBITED_CONTENT: 'content-filter',
  RECITATION: 'content-filter',
  BLOCKLIST: 'content-filter',
  SPII: 'content-filter',
  IMAGE_SAFETY: 'content-filter',
  tool_calls: 'tool-calls',
  function_call: 'tool-calls',
  tool_use: 'tool-calls',
  pause_turn: 'error',
  model_context_window_exceeded: 'length',
  error: 'error',
  abort: 'error',
};

/** Map one raw OpenAI-style finish reason; null/absent → `unknown`, unrecognised → `other`. */
export function mapOpenAIFinishReason(raw: unknown): FinishReason {
  if (raw === null || raw === undefined || raw === '') return { unified: 'unknown', raw: null };
  const text = String(raw);
  return { unified: OPENAI_FINISH_REASONS[text] ?? 'other', raw: text };
}

/** Signals that decide the status win over the plain ones, whichever field carries them. */
const PRIORITY: UnifiedFinishReason[] = ['length', 'content-filter', 'error'];

/**
 * Combine OpenRouter's normalised `finish_reason` with the upstream's `native_finish_reason`:
 * a length or filter signal in either wins; otherwise the normalised one unless it is unknown/other.
 */
export function mapChoiceFinishReason(finishReason: unknown, nativeFinishReason: unknown): FinishReason {
  const normalised = mapOpenAIFinishReason(finishReason);
  const native = mapOpenAIFinishReason(nativeFinishReason);
  for (const unified of PRIORITY) {
    // Both say error: the upstream's value is the specific one (it decides whether a retry helps).
    if (unified === 'error' && normalised.unified === 'error' && native.unified === 'error') return native;
    if (normalised.unified === unified) return normalised;
    if (native.unified === unified) return native;
  }
  if ((normalised.unified === 'unknown' || normalised.unified === 'other') && native.unified !== 'unknown') {
    return normalised.unified === 'other' && native.unified === 'other' ? normalised : native;
  }
  return normalised;
}

import type { FinishReason, UnifiedFinishReason } from '../../core/index.js';

/**
 * Gemini `candidate.finishReason`. The safety family means Google's filters stopped the output.
 * https://ai.google.dev/api/generate-content#FinishReason — every value of @google/genai 2.32's
 * FinishReason enum has an entry.
 */
export const GEMINI_FINISH_REASONS: Record<string, UnifiedFinishReason> = {
  STOP: 'stop',
  MAX_TOKENS: 'length',
  SAFETY: 'content-filter',
  RECITATION: 'content-filter',
  BLOCKLIST: 'content-filter',
  PROHIBITED_CONTENT: 'content-filter',
  SPII: 'content-filter',
  IMAGE_SAFETY: 'content-filter',
  IMAGE_PROHIBITED_CONTENT: 'content-filter',
  IMAGE_RECITATION: 'content-filter',
  // The per-request token limit was reached before the answer was complete.
  CONTINUATION: 'length',
  // Deterministic errors (see shared/deterministic-finish-reasons.ts): stored, not retried.
  LANGUAGE: 'error',
  IMAGE_OTHER: 'error',
  NO_IMAGE: 'error',
  OTHER: 'error',
  MALFORMED_FUNCTION_CALL: 'error',
  UNEXPECTED_TOOL_CALL: 'error',
  TOO_MANY_TOOL_CALLS: 'error',
  FINISH_REASON_UNSPECIFIED: 'unknown',
};

export function mapGeminiFinishReason(raw: unknown): FinishReason {
  if (raw === null || raw === undefined || raw === '') return { unified: 'unknown', raw: null };
  const text = String(raw);
  return { unified: GEMINI_FINISH_REASONS[text] ?? 'other', raw: text };
}

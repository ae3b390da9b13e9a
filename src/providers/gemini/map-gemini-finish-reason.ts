import type { FinishReason, UnifiedFinishReason } from '../../core/index.js';

/**
 * Gemini `candidate.finishReason`. The safety family means Google's filters stopped the output.
 * https://ai.google.dev/api/generate-content#FinishReason
 */
const GEMINI_FINISH_REASONS: Record<string, UnifiedFinishReason> = {
  STOP: 'stop',
  MAX_TOKENS: 'length',
  SAFETY: 'content-filter',
  RECITATION: 'content-filter',
  BLOCKLIST: 'content-filter',
  PROHIBITED_CONTENT: 'content-filter',
  SPII: 'content-filter',
  IMAGE_SAFETY: 'content-filter',
  LANGUAGE: 'error',
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

/**
 * Finish/stop reasons that end a request with an error a second attempt would repeat: the answer
 * is stored as `provider_error` and not retried. One list for every adapter, so a value has one
 * status wherever it appears (Gemini directly or relayed by OpenRouter as native_finish_reason).
 * Gemini: https://ai.google.dev/api/generate-content#FinishReason (and @google/genai FinishReason);
 * Anthropic `pause_turn`: https://platform.claude.com/docs/en/api/handling-stop-reasons#pause-turn
 * (a paused server-tool turn; Candor sends no tools, so it cannot be continued).
 */
export const DETERMINISTIC_FINISH_REASONS: ReadonlySet<string> = new Set([
  'LANGUAGE',
  'OTHER',
  'BLOCKED_REASON_UNSPECIFIED',
  'IMAGE_OTHER',
  'NO_IMAGE',
  'MALFORMED_FUNCTION_CALL',
  'UNEXPECTED_TOOL_CALL',
  'TOO_MANY_TOOL_CALLS',
  'pause_turn',
]);

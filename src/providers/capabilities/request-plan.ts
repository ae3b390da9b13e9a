/** What Candor will actually send for one request, and why it differs from what was asked. */
export interface RequestPlan {
  /** The capability row used; null when the model is not in the table (the conservative request). */
  capability: string | null;
  /** Output cap as sent (raised to leave room for thinking where thinking counts against it). */
  maxTokens: number | null;
  tokenField: 'max_tokens' | 'max_completion_tokens' | 'maxOutputTokens';
  /** Temperature as sent; null = not sent. */
  temperature: number | null;
  /**
   * Reasoning fields as sent: top-level body fields for OpenAI-compatible and Anthropic requests
   * (`reasoning_effort`, `reasoning`, `thinking`, `output_config`…), `{thinkingConfig}` for Gemini.
   */
  reasoningFields: Record<string, unknown>;
  /** The model will reason under this request (as far as its row says). */
  thinking: boolean;
  /** One sentence per adjustment (lowest setting used, cap raised, parameter left out). */
  notes: string[];
}

/**
 * What to do with a setting the model refuses: 'error' stops before any request (a run's explicit
 * settings); 'drop' leaves it out with a note (an LLM judge's defaults).
 */
export type RefusedSettingPolicy = 'error' | 'drop';

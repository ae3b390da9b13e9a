import type { ReasoningMapper } from './reasoning-mappers.js';

/** The ways OpenAI-compatible servers differ; a vendor is a base URL, a key name and these. */
export interface OpenAICompatibleQuirks {
  /** OpenAI's newer models take `max_completion_tokens`; most servers take `max_tokens`. */
  maxTokensField?: 'max_tokens' | 'max_completion_tokens';
  reasoning?: ReasoningMapper;
  /** Send OpenRouter's `provider` routing object and `usage: {include: true}` for cost. */
  openRouter?: boolean;
}

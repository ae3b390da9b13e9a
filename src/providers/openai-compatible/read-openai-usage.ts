import type { Usage } from '../../core/index.js';
import { isObject, numberOrNull } from '../shared/json-helpers.js';

/** Token counts and (OpenRouter, with `usage: {include: true}`) the billed cost in USD. */
export function readOpenAIUsage(usage: unknown): { usage: Usage; costUsd: number | null } {
  if (!isObject(usage)) return { usage: { promptTokens: null, completionTokens: null, reasoningTokens: null }, costUsd: null };
  const details = isObject(usage['completion_tokens_details']) ? usage['completion_tokens_details'] : null;
  return {
    usage: {
      promptTokens: numberOrNull(usage['prompt_tokens']),
      completionTokens: numberOrNull(usage['completion_tokens']),
      reasoningTokens: details ? numberOrNull(details['reasoning_tokens']) : null,
    },
    costUsd: numberOrNull(usage['cost']),
  };
}

import { UnsupportedSettingError } from '../errors/unsupported-setting-error.js';
import type { GenerateRequest } from '../spec/provider-model.js';

/** Anthropic requires max_tokens; used when a run leaves it unset. */
export const ANTHROPIC_DEFAULT_MAX_TOKENS = 8192;

/** Thinking budgets per effort; must be ≥ 1024 and below max_tokens. */
const THINKING_BUDGETS = { on: 8192, low: 2048, medium: 8192, high: 24576 } as const;

/** https://docs.anthropic.com/en/docs/build-with-claude/extended-thinking */
export function buildAnthropicRequestBody(provider: string, modelId: string, request: GenerateRequest): Record<string, unknown> {
  const maxTokens = request.maxTokens ?? ANTHROPIC_DEFAULT_MAX_TOKENS;
  const body: Record<string, unknown> = {
    model: modelId,
    max_tokens: maxTokens,
    messages: [{ role: 'user', content: request.prompt }],
  };
  if (request.systemPrompt !== null && request.systemPrompt !== '') body['system'] = request.systemPrompt;
  if (request.temperature !== null) body['temperature'] = request.temperature;
  if (request.reasoning === 'off') body['thinking'] = { type: 'disabled' };
  else if (request.reasoning !== null) {
    if (request.temperature !== null) {
      throw new UnsupportedSettingError(provider, 'a temperature with extended thinking', 'leave temperature unset (provider default) when reasoning is on');
    }
    const budget = Math.min(THINKING_BUDGETS[request.reasoning], maxTokens - 1);
    if (budget < 1024) throw new UnsupportedSettingError(provider, `thinking with max tokens ${maxTokens}`, 'raise max tokens above 1024 or turn reasoning off');
    body['thinking'] = { type: 'enabled', budget_tokens: budget };
  }
  Object.assign(body, request.providerOptions?.extraBody);
  return body;
}

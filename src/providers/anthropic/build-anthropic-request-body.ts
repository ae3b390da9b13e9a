import type { RequestPlan } from '../capabilities/request-plan.js';
import type { GenerateRequest } from '../spec/provider-model.js';

/** Anthropic requires max_tokens; used when a run leaves it unset. */
export const ANTHROPIC_DEFAULT_MAX_TOKENS = 8192;

/**
 * A Messages API request body from the plan (thinking, output_config, temperature as the model's
 * capability row allows). https://platform.claude.com/docs/en/api/messages
 */
export function buildAnthropicRequestBody(modelId: string, request: GenerateRequest, plan: RequestPlan): Record<string, unknown> {
  const body: Record<string, unknown> = {
    model: modelId,
    max_tokens: plan.maxTokens ?? ANTHROPIC_DEFAULT_MAX_TOKENS,
    messages: [{ role: 'user', content: request.prompt }],
  };
  if (request.systemPrompt !== null && request.systemPrompt !== '') body['system'] = request.systemPrompt;
  if (plan.temperature !== null) body['temperature'] = plan.temperature;
  Object.assign(body, plan.reasoningFields);
  Object.assign(body, request.providerOptions?.extraBody);
  return body;
}

import type { RequestPlan } from '../capabilities/request-plan.js';
import type { GenerateRequest } from '../spec/provider-model.js';
import { buildOpenRouterRouting } from './build-openrouter-routing.js';
import type { OpenAICompatibleQuirks } from './openai-compatible-quirks.js';

/**
 * The JSON body of a single-turn, non-streaming chat-completion request: only what the plan
 * (the model's capability row) allows, then the caller's extraBody last.
 * https://platform.openai.com/docs/api-reference/chat/create
 */
export function buildChatRequestBody(modelId: string, request: GenerateRequest, plan: RequestPlan, quirks: OpenAICompatibleQuirks = {}): Record<string, unknown> {
  const messages: Array<{ role: string; content: string }> = [];
  if (request.systemPrompt !== null && request.systemPrompt !== '') messages.push({ role: 'system', content: request.systemPrompt });
  messages.push({ role: 'user', content: request.prompt });
  const body: Record<string, unknown> = { model: modelId, messages };
  if (plan.maxTokens !== null) body[plan.tokenField] = plan.maxTokens;
  if (plan.temperature !== null) body['temperature'] = plan.temperature;
  Object.assign(body, plan.reasoningFields);
  // Usage (with cost) is in every OpenRouter response; `usage: {include: true}` is deprecated.
  // https://openrouter.ai/docs/use-cases/usage-accounting
  if (quirks.openRouter) body['provider'] = buildOpenRouterRouting(request.providerOptions?.openrouter, modelId);
  Object.assign(body, request.providerOptions?.extraBody);
  return body;
}

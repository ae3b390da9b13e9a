import type { GenerateRequest } from '../spec/provider-model.js';
import { buildOpenRouterRouting } from './build-openrouter-routing.js';
import type { OpenAICompatibleQuirks } from './openai-compatible-quirks.js';

/** The JSON body of a single-turn, non-streaming chat-completion request. */
export function buildChatRequestBody(provider: string, modelId: string, request: GenerateRequest, quirks: OpenAICompatibleQuirks = {}): Record<string, unknown> {
  const messages: Array<{ role: string; content: string }> = [];
  if (request.systemPrompt !== null && request.systemPrompt !== '') messages.push({ role: 'system', content: request.systemPrompt });
  messages.push({ role: 'user', content: request.prompt });
  const body: Record<string, unknown> = { model: modelId, messages };
  if (request.maxTokens !== null) body[quirks.maxTokensField ?? 'max_tokens'] = request.maxTokens;
  if (request.temperature !== null) body['temperature'] = request.temperature;
  if (quirks.reasoning) Object.assign(body, quirks.reasoning(request.reasoning, provider));
  if (quirks.openRouter) {
    body['provider'] = buildOpenRouterRouting(request.providerOptions?.openrouter);
    body['usage'] = { include: true };
  }
  Object.assign(body, request.providerOptions?.extraBody);
  return body;
}

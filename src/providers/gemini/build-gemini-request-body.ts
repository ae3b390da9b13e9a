import type { GenerateRequest } from '../spec/provider-model.js';

/** Thinking budgets per effort for Gemini 2.5 (-1 = dynamic, 0 = off). */
const THINKING_BUDGETS = { on: -1, low: 1024, medium: 8192, high: 24576 } as const;

/** https://ai.google.dev/gemini-api/docs/thinking */
export function buildGeminiRequestBody(request: GenerateRequest): Record<string, unknown> {
  const generationConfig: Record<string, unknown> = {};
  if (request.maxTokens !== null) generationConfig['maxOutputTokens'] = request.maxTokens;
  if (request.temperature !== null) generationConfig['temperature'] = request.temperature;
  if (request.reasoning === 'off') generationConfig['thinkingConfig'] = { thinkingBudget: 0 };
  else if (request.reasoning !== null) generationConfig['thinkingConfig'] = { thinkingBudget: THINKING_BUDGETS[request.reasoning], includeThoughts: true };
  const body: Record<string, unknown> = { contents: [{ role: 'user', parts: [{ text: request.prompt }] }] };
  if (request.systemPrompt !== null && request.systemPrompt !== '') body['systemInstruction'] = { parts: [{ text: request.systemPrompt }] };
  if (Object.keys(generationConfig).length > 0) body['generationConfig'] = generationConfig;
  Object.assign(body, request.providerOptions?.extraBody);
  return body;
}

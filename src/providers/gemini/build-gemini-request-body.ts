import type { RequestPlan } from '../capabilities/request-plan.js';
import type { GenerateRequest } from '../spec/provider-model.js';

/**
 * A generateContent body from the plan: thinkingConfig (thinkingBudget or thinkingLevel, never
 * both) as the model's capability row allows. https://ai.google.dev/api/generate-content
 */
export function buildGeminiRequestBody(request: GenerateRequest, plan: RequestPlan): Record<string, unknown> {
  const generationConfig: Record<string, unknown> = {};
  if (plan.maxTokens !== null) generationConfig['maxOutputTokens'] = plan.maxTokens;
  if (plan.temperature !== null) generationConfig['temperature'] = plan.temperature;
  if (plan.reasoningFields['thinkingConfig'] !== undefined) generationConfig['thinkingConfig'] = plan.reasoningFields['thinkingConfig'];
  const body: Record<string, unknown> = { contents: [{ role: 'user', parts: [{ text: request.prompt }] }] };
  if (request.systemPrompt !== null && request.systemPrompt !== '') body['systemInstruction'] = { parts: [{ text: request.systemPrompt }] };
  if (Object.keys(generationConfig).length > 0) body['generationConfig'] = generationConfig;
  Object.assign(body, request.providerOptions?.extraBody);
  return body;
}

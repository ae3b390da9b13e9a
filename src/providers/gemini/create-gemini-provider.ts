import { planRequest } from '../capabilities/plan-request.js';
import { httpProviderModel, type HttpProviderSettings } from '../shared/http-provider.js';
import {
  type ClassifiedOutcome,
  EMPTY_USAGE,
  type GenerateRequest,
  type ProviderModel,
} from '../spec/provider-model.js';
import type { RequestPlan } from '../capabilities/request-plan.js';
import type { FinishReason, UnifiedFinishReason, Usage } from '../../core/index.js';
import { classifyAnswer, mapFinishReason } from '../shared/classify-answer.js';
import { classifyEnvelope, unknownShape } from '../shared/classify-envelope.js';
import { describeShape, isObject, numberOrNull } from '../shared/json-helpers.js';

export interface GeminiProviderSettings extends HttpProviderSettings {
  name?: string;
  baseURL?: string;
  apiKeyEnv?: string;
}

export const GEMINI_BASE_URL = 'https://generativelanguage.googleapis.com/v1beta';

/** Adapter for the Gemini API's generateContent (non-streaming); the key goes in x-goog-api-key, not the URL. */
export function createGeminiProvider(settings: GeminiProviderSettings = {}): (modelId: string) => ProviderModel {
  const name = settings.name ?? 'gemini';
  const baseURL = (settings.baseURL ?? GEMINI_BASE_URL).replace(/\/+$/, '');
  return (modelId) =>
    httpProviderModel(settings, modelId, {
      provider: name,
      apiKeyEnv: settings.apiKeyEnv ?? 'GEMINI_API_KEY',
      describeRequest: (request) =>
        planRequest({ provider: name, vendor: 'gemini', modelId, request, defaultTokenField: 'maxOutputTokens' }),
      url: `${baseURL}/models/${encodeURIComponent(modelId.replace(/^models\//, ''))}:generateContent`,
      authHeaders: (apiKey) => ({ 'x-goog-api-key': apiKey ?? '' }),
      body: (request, plan) => buildGeminiRequestBody(request, plan),
      classify: classifyGeminiResponse,
    });
}

/**
 * A generateContent body from the plan: thinkingConfig (thinkingBudget or thinkingLevel, never
 * both) as the model's capability row allows. https://ai.google.dev/api/generate-content
 */
export function buildGeminiRequestBody(request: GenerateRequest, plan: RequestPlan): Record<string, unknown> {
  const generationConfig: Record<string, unknown> = {};
  if (plan.maxTokens !== null) generationConfig['maxOutputTokens'] = plan.maxTokens;
  if (plan.temperature !== null) generationConfig['temperature'] = plan.temperature;
  if (plan.reasoningFields['thinkingConfig'] !== undefined)
    generationConfig['thinkingConfig'] = plan.reasoningFields['thinkingConfig'];
  const body: Record<string, unknown> = { contents: [{ role: 'user', parts: [{ text: request.prompt }] }] };
  if (request.systemPrompt !== null && request.systemPrompt !== '')
    body['systemInstruction'] = { parts: [{ text: request.systemPrompt }] };
  if (Object.keys(generationConfig).length > 0) body['generationConfig'] = generationConfig;
  Object.assign(body, request.providerOptions?.extraBody);
  return body;
}

/** Block reasons that name a filter (https://ai.google.dev/api/generate-content#BlockReason). */
const FILTER_BLOCK_REASONS = new Set(['SAFETY', 'BLOCKLIST', 'PROHIBITED_CONTENT', 'IMAGE_SAFETY', 'MODEL_ARMOR']);

/**
 * Classify a Gemini generateContent payload: `promptFeedback.blockReason` (prompt blocked before the
 * model ran) is moderation; parts marked `thought: true` are reasoning.
 * https://ai.google.dev/api/generate-content#generatecontentresponse
 */
export function classifyGeminiResponse(input: { httpStatus: number | null; body: unknown }): ClassifiedOutcome {
  const { httpStatus, body } = input;
  const base = unknownShape(isObject(body) ? readGeminiUsage(body['usageMetadata']) : EMPTY_USAGE);
  const envelope = classifyEnvelope(httpStatus, body, base);
  if (envelope) return envelope;
  if (!isObject(body)) return base;

  const candidates = body['candidates'];
  const feedback = isObject(body['promptFeedback']) ? body['promptFeedback'] : null;
  const blockReason = feedback && typeof feedback['blockReason'] === 'string' ? feedback['blockReason'] : null;
  if (blockReason !== null && (!Array.isArray(candidates) || candidates.length === 0)) {
    // OTHER gives no reason: a deterministic provider error, as finishReason OTHER is (one value, one status).
    if (!FILTER_BLOCK_REASONS.has(blockReason)) {
      return {
        ...base,
        status: 'provider_error',
        finishReason: { unified: 'error', raw: blockReason },
        statusDetail: `prompt blocked: ${blockReason} (no reason given)`,
      };
    }
    return {
      ...base,
      status: 'moderation',
      finishReason: { unified: 'content-filter', raw: blockReason },
      statusDetail: `prompt blocked: ${blockReason}`,
    };
  }
  if (candidates === undefined && (feedback !== null || isObject(body['usageMetadata']))) {
    return { ...base, status: 'missing_content', statusDetail: 'no candidates' };
  }
  if (!Array.isArray(candidates)) return { ...base, statusDetail: `not a Gemini response: ${describeShape(body)}` };
  if (candidates.length === 0) return { ...base, status: 'missing_content', statusDetail: 'candidates is empty' };
  const candidate: unknown = candidates[0];
  if (!isObject(candidate)) return { ...base, statusDetail: `candidates[0] is ${describeShape(candidate)}` };

  const content = isObject(candidate['content']) ? candidate['content'] : null;
  const parts = content && Array.isArray(content['parts']) ? content['parts'] : null;
  const textParts: string[] = [];
  const thoughtParts: string[] = [];
  for (const part of parts ?? []) {
    if (!isObject(part) || typeof part['text'] !== 'string') continue;
    (part['thought'] === true ? thoughtParts : textParts).push(part['text']);
  }
  return classifyAnswer({
    base,
    finishReason: mapGeminiFinishReason(candidate['finishReason']),
    content: textParts.length > 0 ? textParts.join('') : parts && parts.length === 0 ? '' : null,
    reasoning: thoughtParts.length > 0 ? thoughtParts.join('\n\n') : null,
    describeMessage: () => (content ? describeShape(content) : 'no content object'),
  });
}

/** Gemini counts thoughts apart from candidates; completion tokens here include both, as OpenAI's do. */
function readGeminiUsage(usage: unknown): Usage {
  if (!isObject(usage)) return EMPTY_USAGE;
  const candidates = numberOrNull(usage['candidatesTokenCount']);
  const thoughts = numberOrNull(usage['thoughtsTokenCount']);
  return {
    promptTokens: numberOrNull(usage['promptTokenCount']),
    completionTokens: candidates === null && thoughts === null ? null : (candidates ?? 0) + (thoughts ?? 0),
    reasoningTokens: thoughts,
  };
}

/**
 * Gemini `candidate.finishReason`. The safety family means Google's filters stopped the output.
 * https://ai.google.dev/api/generate-content#FinishReason — every value of @google/genai 2.32's
 * FinishReason enum has an entry.
 */
export const GEMINI_FINISH_REASONS: Record<string, UnifiedFinishReason> = {
  STOP: 'stop',
  MAX_TOKENS: 'length',
  SAFETY: 'content-filter',
  RECITATION: 'content-filter',
  BLOCKLIST: 'content-filter',
  PROHIBITED_CONTENT: 'content-filter',
  SPII: 'content-filter',
  IMAGE_SAFETY: 'content-filter',
  IMAGE_PROHIBITED_CONTENT: 'content-filter',
  IMAGE_RECITATION: 'content-filter',
  // The per-request token limit was reached before the answer was complete.
  CONTINUATION: 'length',
  // Deterministic errors (see shared/execute-generate.ts): stored, not retried.
  LANGUAGE: 'error',
  IMAGE_OTHER: 'error',
  NO_IMAGE: 'error',
  OTHER: 'error',
  MALFORMED_FUNCTION_CALL: 'error',
  UNEXPECTED_TOOL_CALL: 'error',
  TOO_MANY_TOOL_CALLS: 'error',
  FINISH_REASON_UNSPECIFIED: 'unknown',
};

export function mapGeminiFinishReason(raw: unknown): FinishReason {
  return mapFinishReason(GEMINI_FINISH_REASONS, raw);
}

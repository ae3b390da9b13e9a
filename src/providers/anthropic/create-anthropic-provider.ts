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

export interface AnthropicProviderSettings extends HttpProviderSettings {
  name?: string;
  baseURL?: string;
  apiKeyEnv?: string;
}

export const ANTHROPIC_BASE_URL = 'https://api.anthropic.com/v1';
const ANTHROPIC_VERSION = '2023-06-01';

/** Adapter for the Anthropic Messages API (non-streaming). */
export function createAnthropicProvider(settings: AnthropicProviderSettings = {}): (modelId: string) => ProviderModel {
  const name = settings.name ?? 'anthropic';
  const url = `${(settings.baseURL ?? ANTHROPIC_BASE_URL).replace(/\/+$/, '')}/messages`;
  return (modelId) =>
    httpProviderModel(settings, modelId, {
      provider: name,
      apiKeyEnv: settings.apiKeyEnv ?? 'ANTHROPIC_API_KEY',
      describeRequest: (request) =>
        planRequest({
          provider: name,
          vendor: 'anthropic',
          modelId,
          request,
          requiredMaxTokens: ANTHROPIC_DEFAULT_MAX_TOKENS,
          defaultTokenField: 'max_tokens',
        }),
      url,
      authHeaders: (apiKey) => ({ 'x-api-key': apiKey ?? '', 'anthropic-version': ANTHROPIC_VERSION }),
      body: (request, plan) => buildAnthropicRequestBody(modelId, request, plan),
      classify: classifyAnthropicMessage,
    });
}

/** Anthropic requires max_tokens; used when a run leaves it unset. */
export const ANTHROPIC_DEFAULT_MAX_TOKENS = 8192;

/**
 * A Messages API request body from the plan (thinking, output_config, temperature as the model's
 * capability row allows). https://platform.claude.com/docs/en/api/messages
 */
export function buildAnthropicRequestBody(
  modelId: string,
  request: GenerateRequest,
  plan: RequestPlan,
): Record<string, unknown> {
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

/**
 * Classify an Anthropic Messages API payload: text blocks are the answer, `thinking` blocks the
 * reasoning (`redacted_thinking` is noted, its data is encrypted). https://docs.anthropic.com/en/api/messages
 */
export function classifyAnthropicMessage(input: { httpStatus: number | null; body: unknown }): ClassifiedOutcome {
  const { httpStatus, body } = input;
  const base = unknownShape(isObject(body) ? readAnthropicUsage(body['usage']) : EMPTY_USAGE);
  const envelope = classifyEnvelope(httpStatus, body, base);
  if (envelope) return envelope;
  if (!isObject(body) || !Array.isArray(body['content'])) {
    return { ...base, statusDetail: `not an Anthropic message: ${describeShape(body)}` };
  }
  const blocks: unknown[] = body['content'];
  const textParts: string[] = [];
  const thinkingParts: string[] = [];
  for (const block of blocks) {
    if (!isObject(block)) continue;
    if (block['type'] === 'text' && typeof block['text'] === 'string') textParts.push(block['text']);
    else if (block['type'] === 'thinking' && typeof block['thinking'] === 'string')
      thinkingParts.push(block['thinking']);
    else if (block['type'] === 'redacted_thinking') thinkingParts.push('[redacted thinking]');
  }
  return classifyAnswer({
    base,
    finishReason: mapAnthropicStopReason(body['stop_reason']),
    content: textParts.length > 0 ? textParts.join('') : blocks.length === 0 ? '' : null,
    reasoning: thinkingParts.length > 0 ? thinkingParts.join('\n\n') : null,
    describeMessage: () =>
      `content block types [${blocks.map((block) => (isObject(block) ? String(block['type']) : typeof block)).join(', ')}]`,
  });
}

function readAnthropicUsage(usage: unknown): Usage {
  if (!isObject(usage)) return EMPTY_USAGE;
  const input = numberOrNull(usage['input_tokens']);
  const cached =
    (numberOrNull(usage['cache_read_input_tokens']) ?? 0) + (numberOrNull(usage['cache_creation_input_tokens']) ?? 0);
  return {
    promptTokens: input === null ? null : input + cached,
    completionTokens: numberOrNull(usage['output_tokens']),
    reasoningTokens: null,
  };
}

/**
 * Anthropic Messages `stop_reason` values. `refusal` is set when Anthropic's safety classifier
 * stops a response. https://docs.anthropic.com/en/api/handling-stop-reasons — every value of
 * @anthropic-ai/sdk 1.17's StopReason has an entry.
 */
const ANTHROPIC_STOP_REASONS: Record<string, UnifiedFinishReason> = {
  end_turn: 'stop',
  stop_sequence: 'stop',
  max_tokens: 'length',
  model_context_window_exceeded: 'length',
  refusal: 'content-filter',
  tool_use: 'tool-calls',
  // A paused server-tool turn: deterministic, stored as provider_error, not retried.
  pause_turn: 'error',
};

export function mapAnthropicStopReason(raw: unknown): FinishReason {
  return mapFinishReason(ANTHROPIC_STOP_REASONS, raw);
}

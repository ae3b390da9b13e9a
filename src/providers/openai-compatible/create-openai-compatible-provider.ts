import type { ModelCapability } from '../capabilities/model-capability.js';
import { planRequest } from '../capabilities/plan-request.js';
import { httpProviderModel, type HttpProviderSettings } from '../shared/http-provider.js';
import type { GenerateRequest, ProviderModel } from '../spec/provider-model.js';
import type { ReasoningMapper } from './reasoning-mappers.js';
import type { RequestPlan } from '../capabilities/request-plan.js';
import { buildOpenRouterRouting } from './openrouter-providers.js';
import { classifyChatCompletion } from './classify-chat-completion.js';

export interface OpenAICompatibleProviderSettings extends HttpProviderSettings {
  /** Provider name as used in model specs and stored with every response, e.g. "openrouter". */
  name: string;
  /** e.g. "https://openrouter.ai/api/v1"; `/chat/completions` is appended. */
  baseURL: string;
  /** Environment variable holding the API key. Omit for servers without auth. */
  apiKeyEnv?: string;
  /** Send the key when set but do not require it (local servers). */
  apiKeyOptional?: boolean;
  quirks?: OpenAICompatibleQuirks;
  /**
   * Whose capability rows apply (openai, openrouter, xai…). Unset for custom endpoints and
   * `openai-compatible:`, which serve any model: their quirks make the one row for every model.
   */
  vendor?: string;
}

/** One adapter for every OpenAI-compatible server; vendors are settings, not subclasses. */
export function createOpenAICompatibleProvider(
  settings: OpenAICompatibleProviderSettings,
): (modelId: string) => ProviderModel {
  const url = `${settings.baseURL.replace(/\/+$/, '')}/chat/completions`;
  const quirks = settings.quirks ?? {};
  const hostRow = settings.vendor === undefined ? customHostRow(settings.name, quirks) : undefined;
  return (modelId) =>
    httpProviderModel(settings, modelId, {
      provider: settings.name,
      apiKeyEnv: settings.apiKeyEnv,
      apiKeyOptional: settings.apiKeyOptional,
      describeRequest: (request) =>
        planRequest({
          provider: settings.name,
          vendor: settings.vendor ?? settings.name,
          modelId,
          request,
          ...(hostRow ? { hostRow } : {}),
          defaultTokenField: quirks.maxTokensField ?? 'max_tokens',
        }),
      url,
      authHeaders: (apiKey): Record<string, string> => (apiKey === null ? {} : { authorization: `Bearer ${apiKey}` }),
      body: (request, plan) => buildChatRequestBody(modelId, request, plan, quirks),
      classify: classifyChatCompletion,
    });
}

/** The single row of a custom endpoint: whatever it serves, with its configured quirks. */
function customHostRow(name: string, quirks: OpenAICompatibleQuirks): ModelCapability {
  return {
    id: `${name}/* (custom endpoint)`,
    vendors: [name],
    pattern: /.*/,
    temperature: 'yes',
    reasoning: quirks.reasoning ? { kind: 'host-mapper', mapper: quirks.reasoning } : { kind: 'none' },
    tokenField: quirks.maxTokensField ?? 'max_tokens',
    thinkingCountsAgainstCap: true,
    thinksByDefault: false,
    maxOutputTokens: null,
    reasoningHint: `the endpoint has no reasoning convention: ${name === 'openai-compatible' ? 'name the server under endpoints in the config file and set its quirks.reasoning' : `set endpoints.${name}.quirks.reasoning in the config file`} (reasoning-effort, chat-template, groq, ollama, by-model-id) or send the server's own field with --extra-body`,
    source: "the endpoint's config entry (endpoints.<name>.quirks); the server is the user's own",
  };
}

/** The ways OpenAI-compatible servers differ; a vendor is a base URL, a key name and these. */
export interface OpenAICompatibleQuirks {
  /** OpenAI's newer models take `max_completion_tokens`; most servers take `max_tokens`. */
  maxTokensField?: 'max_tokens' | 'max_completion_tokens';
  reasoning?: ReasoningMapper;
  /** Send OpenRouter's `provider` routing object and `usage: {include: true}` for cost. */
  openRouter?: boolean;
}

/**
 * The JSON body of a single-turn, non-streaming chat-completion request: only what the plan
 * (the model's capability row) allows, then the caller's extraBody last.
 * https://platform.openai.com/docs/api-reference/chat/create
 */
export function buildChatRequestBody(
  modelId: string,
  request: GenerateRequest,
  plan: RequestPlan,
  quirks: OpenAICompatibleQuirks = {},
): Record<string, unknown> {
  const messages: Array<{ role: string; content: string }> = [];
  if (request.systemPrompt !== null && request.systemPrompt !== '')
    messages.push({ role: 'system', content: request.systemPrompt });
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

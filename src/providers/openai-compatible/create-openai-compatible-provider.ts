import { nodeHttpFetch } from '../shared/node-http-fetch.js';
import { executeGenerate } from '../shared/execute-generate.js';
import { resolveApiKey } from '../shared/resolve-api-key.js';
import { PROVIDER_SPEC_VERSION, type GenerateOptions, type GenerateRequest, type ProviderModel } from '../spec/provider-model.js';
import type { ModelCapability } from '../capabilities/model-capability.js';
import { planRequest } from '../capabilities/plan-request.js';
import { buildChatRequestBody } from './build-chat-request-body.js';
import { classifyChatCompletion } from './classify-chat-completion.js';
import type { OpenAICompatibleQuirks } from './openai-compatible-quirks.js';

export interface OpenAICompatibleProviderSettings {
  /** Provider name as used in model specs and stored with every response, e.g. "openrouter". */
  name: string;
  /** e.g. "https://openrouter.ai/api/v1"; `/chat/completions` is appended. */
  baseURL: string;
  /** Environment variable holding the API key. Omit for servers without auth. */
  apiKeyEnv?: string;
  /** Send the key when set but do not require it (local servers). */
  apiKeyOptional?: boolean;
  headers?: Record<string, string>;
  fetch?: typeof fetch;
  env?: Record<string, string | undefined>;
  quirks?: OpenAICompatibleQuirks;
  /**
   * Whose capability rows apply (openai, openrouter, xai…). Unset for custom endpoints and
   * `openai-compatible:`, which serve any model: their quirks make the one row for every model.
   */
  vendor?: string;
  /** Used when a request has no timeoutMs. Default 300 s. */
  defaultTimeoutMs?: number;
  now?: () => number;
}

export const DEFAULT_TIMEOUT_MS = 300_000;

/** One adapter for every OpenAI-compatible server; vendors are settings, not subclasses. */
export function createOpenAICompatibleProvider(settings: OpenAICompatibleProviderSettings): (modelId: string) => ProviderModel {
  const url = `${settings.baseURL.replace(/\/+$/, '')}/chat/completions`;
  const quirks = settings.quirks ?? {};
  const hostRow = settings.vendor === undefined ? customHostRow(settings.name, quirks) : undefined;
  return (modelId) => {
    const describeRequest = (request: GenerateRequest) =>
      planRequest({
        provider: settings.name,
        vendor: settings.vendor ?? settings.name,
        modelId,
        request,
        ...(hostRow ? { hostRow } : {}),
        defaultTokenField: quirks.maxTokensField ?? 'max_tokens',
      });
    return {
      specVersion: PROVIDER_SPEC_VERSION,
      provider: settings.name,
      modelId,
      describeRequest,
      async doGenerate(request: GenerateRequest, options: GenerateOptions = {}) {
        const body = buildChatRequestBody(modelId, request, describeRequest(request), quirks);
        const apiKey = resolveApiKey({ provider: settings.name, apiKeyEnv: settings.apiKeyEnv, apiKeyOptional: settings.apiKeyOptional, env: settings.env });
        const headers: Record<string, string> = { ...settings.headers };
        if (apiKey !== null) headers['authorization'] = `Bearer ${apiKey}`;
        return executeGenerate({
          fetch: settings.fetch ?? nodeHttpFetch,
          url,
          headers,
          body,
          timeoutMs: request.timeoutMs ?? settings.defaultTimeoutMs ?? DEFAULT_TIMEOUT_MS,
          ...(options.signal ? { signal: options.signal } : {}),
          secret: apiKey,
          classify: classifyChatCompletion,
          now: settings.now ?? Date.now,
        });
      },
    };
  };
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
    source: 'the endpoint\'s config entry (endpoints.<name>.quirks); the server is the user\'s own',
  };
}

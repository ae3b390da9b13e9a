import { nodeHttpFetch } from '../shared/node-http-fetch.js';
import { executeGenerate } from '../shared/execute-generate.js';
import { resolveApiKey } from '../shared/resolve-api-key.js';
import { PROVIDER_SPEC_VERSION, type GenerateOptions, type GenerateRequest, type ProviderModel } from '../spec/provider-model.js';
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
  /** Used when a request has no timeoutMs. Default 300 s. */
  defaultTimeoutMs?: number;
  now?: () => number;
}

export const DEFAULT_TIMEOUT_MS = 300_000;

/** One adapter for every OpenAI-compatible server; vendors are settings, not subclasses. */
export function createOpenAICompatibleProvider(settings: OpenAICompatibleProviderSettings): (modelId: string) => ProviderModel {
  const url = `${settings.baseURL.replace(/\/+$/, '')}/chat/completions`;
  return (modelId) => ({
    specVersion: PROVIDER_SPEC_VERSION,
    provider: settings.name,
    modelId,
    async doGenerate(request: GenerateRequest, options: GenerateOptions = {}) {
      const apiKey = resolveApiKey({ provider: settings.name, apiKeyEnv: settings.apiKeyEnv, apiKeyOptional: settings.apiKeyOptional, env: settings.env });
      const headers: Record<string, string> = { ...settings.headers };
      if (apiKey !== null) headers['authorization'] = `Bearer ${apiKey}`;
      return executeGenerate({
        fetch: settings.fetch ?? nodeHttpFetch,
        url,
        headers,
        body: buildChatRequestBody(settings.name, modelId, request, settings.quirks),
        timeoutMs: request.timeoutMs ?? settings.defaultTimeoutMs ?? DEFAULT_TIMEOUT_MS,
        ...(options.signal ? { signal: options.signal } : {}),
        secret: apiKey,
        classify: classifyChatCompletion,
        now: settings.now ?? Date.now,
      });
    },
  });
}

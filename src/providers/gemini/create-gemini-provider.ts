import { nodeHttpFetch } from '../shared/node-http-fetch.js';
import { executeGenerate } from '../shared/execute-generate.js';
import { resolveApiKey } from '../shared/resolve-api-key.js';
import { planRequest } from '../capabilities/plan-request.js';
import { PROVIDER_SPEC_VERSION, type GenerateOptions, type GenerateRequest, type ProviderModel } from '../spec/provider-model.js';
import { buildGeminiRequestBody } from './build-gemini-request-body.js';
import { classifyGeminiResponse } from './classify-gemini-response.js';

export interface GeminiProviderSettings {
  name?: string;
  baseURL?: string;
  apiKeyEnv?: string;
  headers?: Record<string, string>;
  fetch?: typeof fetch;
  env?: Record<string, string | undefined>;
  defaultTimeoutMs?: number;
  now?: () => number;
}

export const GEMINI_BASE_URL = 'https://generativelanguage.googleapis.com/v1beta';

/** Adapter for the Gemini API's generateContent (non-streaming); the key goes in x-goog-api-key, not the URL. */
export function createGeminiProvider(settings: GeminiProviderSettings = {}): (modelId: string) => ProviderModel {
  const name = settings.name ?? 'gemini';
  const baseURL = (settings.baseURL ?? GEMINI_BASE_URL).replace(/\/+$/, '');
  return (modelId) => {
    const describeRequest = (request: GenerateRequest) =>
      planRequest({ provider: name, vendor: 'gemini', modelId, request, defaultTokenField: 'maxOutputTokens' });
    return {
      specVersion: PROVIDER_SPEC_VERSION,
      provider: name,
      modelId,
      describeRequest,
      async doGenerate(request: GenerateRequest, options: GenerateOptions = {}) {
        const apiKey = resolveApiKey({ provider: name, apiKeyEnv: settings.apiKeyEnv ?? 'GEMINI_API_KEY', env: settings.env });
        return executeGenerate({
          fetch: settings.fetch ?? nodeHttpFetch,
          url: `${baseURL}/models/${encodeURIComponent(modelId.replace(/^models\//, ''))}:generateContent`,
          headers: { ...settings.headers, 'x-goog-api-key': apiKey ?? '' },
          body: buildGeminiRequestBody(request, describeRequest(request)),
          timeoutMs: request.timeoutMs ?? settings.defaultTimeoutMs ?? 300_000,
          ...(options.signal ? { signal: options.signal } : {}),
          secret: apiKey,
          classify: classifyGeminiResponse,
          now: settings.now ?? Date.now,
        });
      },
    };
  };
}

import { nodeHttpFetch } from '../shared/node-http-fetch.js';
import { executeGenerate } from '../shared/execute-generate.js';
import { resolveApiKey } from '../shared/resolve-api-key.js';
import { planRequest } from '../capabilities/plan-request.js';
import { PROVIDER_SPEC_VERSION, type GenerateOptions, type GenerateRequest, type ProviderModel } from '../spec/provider-model.js';
import { ANTHROPIC_DEFAULT_MAX_TOKENS, buildAnthropicRequestBody } from './build-anthropic-request-body.js';
import { classifyAnthropicMessage } from './classify-anthropic-message.js';

export interface AnthropicProviderSettings {
  name?: string;
  baseURL?: string;
  apiKeyEnv?: string;
  headers?: Record<string, string>;
  fetch?: typeof fetch;
  env?: Record<string, string | undefined>;
  defaultTimeoutMs?: number;
  now?: () => number;
}

export const ANTHROPIC_BASE_URL = 'https://api.anthropic.com/v1';
const ANTHROPIC_VERSION = '2023-06-01';

/** Adapter for the Anthropic Messages API (non-streaming). */
export function createAnthropicProvider(settings: AnthropicProviderSettings = {}): (modelId: string) => ProviderModel {
  const name = settings.name ?? 'anthropic';
  const url = `${(settings.baseURL ?? ANTHROPIC_BASE_URL).replace(/\/+$/, '')}/messages`;
  return (modelId) => {
    const describeRequest = (request: GenerateRequest) =>
      planRequest({ provider: name, vendor: 'anthropic', modelId, request, requiredMaxTokens: ANTHROPIC_DEFAULT_MAX_TOKENS, defaultTokenField: 'max_tokens' });
    return {
      specVersion: PROVIDER_SPEC_VERSION,
      provider: name,
      modelId,
      describeRequest,
      async doGenerate(request: GenerateRequest, options: GenerateOptions = {}) {
        const apiKey = resolveApiKey({ provider: name, apiKeyEnv: settings.apiKeyEnv ?? 'ANTHROPIC_API_KEY', env: settings.env });
        return executeGenerate({
          fetch: settings.fetch ?? nodeHttpFetch,
          url,
          headers: { ...settings.headers, 'x-api-key': apiKey ?? '', 'anthropic-version': ANTHROPIC_VERSION },
          body: buildAnthropicRequestBody(modelId, request, describeRequest(request)),
          timeoutMs: request.timeoutMs ?? settings.defaultTimeoutMs ?? 300_000,
          ...(options.signal ? { signal: options.signal } : {}),
          secret: apiKey,
          classify: classifyAnthropicMessage,
          now: settings.now ?? Date.now,
        });
      },
    };
  };
}

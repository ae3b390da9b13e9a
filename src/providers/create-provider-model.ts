import { createAnthropicProvider } from './anthropic/create-anthropic-provider.js';
import { ModelSpecError } from './provider-errors.js';
import { createGeminiProvider } from './gemini/create-gemini-provider.js';
import {
  createOpenAICompatibleProvider,
  type OpenAICompatibleQuirks,
} from './openai-compatible/create-openai-compatible-provider.js';
import { type ModelSpec, parseModelSpec } from './parse-model-spec.js';
import type { ProviderModel } from './spec/provider-model.js';
import { OPENAI_COMPATIBLE_VENDORS, type OpenAICompatibleVendorName } from './vendors/openai-compatible-vendors.js';

/** A named endpoint from a config file, e.g. `{ "lab-vllm": { "baseURL": "http://gpu1:8000/v1" } }`. */
export interface CustomEndpoint {
  api?: 'openai-compatible' | 'anthropic' | 'gemini';
  baseURL: string;
  apiKeyEnv?: string;
  headers?: Record<string, string>;
  quirks?: OpenAICompatibleQuirks;
}

export interface ProviderConfig {
  endpoints?: Record<string, CustomEndpoint>;
}

export interface CreateProviderModelOptions {
  /** Required for `openai-compatible:`; overrides the vendor default otherwise (e.g. Ollama on another host). */
  baseURL?: string;
  /** Read the key from this variable instead of the vendor's default (`--api-key-env`). */
  apiKeyEnv?: string;
  headers?: Record<string, string>;
  fetch?: typeof fetch;
  env?: Record<string, string | undefined>;
  config?: ProviderConfig;
  now?: () => number;
}

/** The key variable tried for `openai-compatible:` when none is named; optional. */
export const GENERIC_API_KEY_ENV = 'OPENAI_COMPATIBLE_API_KEY';

/** Build a ProviderModel from `provider:model-id` (or a parsed spec). Keys are read later, per request. */
export function createProviderModel(spec: string | ModelSpec, options: CreateProviderModelOptions = {}): ProviderModel {
  const endpoints = options.config?.endpoints ?? {};
  const { provider, modelId } = typeof spec === 'string' ? parseModelSpec(spec, Object.keys(endpoints)) : spec;
  const shared = {
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.env ? { env: options.env } : {}),
    ...(options.now ? { now: options.now } : {}),
  };

  const endpoint = endpoints[provider];
  const baseURL = options.baseURL ?? endpoint?.baseURL;
  if (baseURL) checkBaseUrl(baseURL);
  if (endpoint) {
    const settings = {
      name: provider,
      ...shared,
      baseURL: options.baseURL ?? endpoint.baseURL,
      headers: { ...endpoint.headers, ...options.headers },
    };
    const apiKeyEnv = options.apiKeyEnv ?? endpoint.apiKeyEnv;
    if (endpoint.api === 'anthropic')
      return createAnthropicProvider({ ...settings, ...(apiKeyEnv ? { apiKeyEnv } : {}) })(modelId);
    if (endpoint.api === 'gemini')
      return createGeminiProvider({ ...settings, ...(apiKeyEnv ? { apiKeyEnv } : {}) })(modelId);
    return createOpenAICompatibleProvider({
      ...settings,
      ...(apiKeyEnv ? { apiKeyEnv } : {}),
      ...(endpoint.quirks ? { quirks: endpoint.quirks } : {}),
    })(modelId);
  }

  const overrides = {
    ...shared,
    ...(options.baseURL ? { baseURL: options.baseURL } : {}),
    ...(options.apiKeyEnv ? { apiKeyEnv: options.apiKeyEnv } : {}),
    ...(options.headers ? { headers: options.headers } : {}),
  };
  if (provider === 'anthropic') return createAnthropicProvider(overrides)(modelId);
  if (provider === 'gemini') return createGeminiProvider(overrides)(modelId);
  if (provider === 'openai-compatible') {
    if (!options.baseURL)
      throw new ModelSpecError(
        `openai-compatible:${modelId} needs a base URL; pass --base-url URL (e.g. http://127.0.0.1:8000/v1)`,
      );
    return createOpenAICompatibleProvider({
      name: provider,
      ...overrides,
      baseURL: options.baseURL,
      apiKeyEnv: options.apiKeyEnv ?? GENERIC_API_KEY_ENV,
      apiKeyOptional: options.apiKeyEnv === undefined,
    })(modelId);
  }
  const vendor = OPENAI_COMPATIBLE_VENDORS[provider as OpenAICompatibleVendorName];
  if (!vendor) throw new ModelSpecError(`no adapter for provider "${provider}"`);
  return createOpenAICompatibleProvider({
    name: provider,
    vendor: provider,
    ...vendor,
    ...overrides,
    headers: { ...('headers' in vendor ? vendor.headers : {}), ...options.headers },
    // A key variable named explicitly (--api-key-env) must be set, even for local servers.
    ...(options.apiKeyEnv ? { apiKeyOptional: false } : {}),
  })(modelId);
}

/**
 * Refuses a base URL that carries credentials (`user:pass@host`) or a query string (`?key=…`):
 * the URL is stored in the run's settings and printed by `candor run list`, and Candor appends the
 * API path to it, so `…?key=x` would also send a broken request. Keys go in an environment
 * variable (--api-key-env). The message shows the URL with the credentials masked.
 */
export function checkBaseUrl(baseURL: string): void {
  let url: URL;
  try {
    url = new URL(baseURL);
  } catch {
    throw new ModelSpecError(
      `base URL "${maskCredentials(baseURL)}" is not a URL; pass e.g. --base-url http://127.0.0.1:8000/v1`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ModelSpecError(
      `base URL ${maskCredentials(baseURL)}: only http: and https: are supported (got ${url.protocol})`,
    );
  }
  if (url.username || url.password) {
    throw new ModelSpecError(
      `base URL ${maskCredentials(baseURL)} carries credentials (user:password@); Candor stores the base URL with the run, so pass the key in an environment variable instead (--api-key-env NAME)`,
    );
  }
  if (url.search || url.hash || baseURL.includes('?')) {
    throw new ModelSpecError(
      `base URL ${maskCredentials(baseURL)} has a query string; Candor appends the API path to the base URL and stores it with the run, so pass keys in an environment variable (--api-key-env NAME)`,
    );
  }
}

/** The URL with user:password and every query value replaced by ***. */
export function maskCredentials(text: string): string {
  return text.replace(/(\/\/)[^/@\s]*@/, '$1***@').replace(/([?&#][^=&#\s]*=)[^&#\s]*/g, '$1***');
}

import type { RequestPlan } from '../capabilities/request-plan.js';
import { MissingApiKeyError } from '../provider-errors.js';
import {
  type GenerateOptions,
  type GenerateRequest,
  PROVIDER_SPEC_VERSION,
  type ProviderModel,
} from '../spec/provider-model.js';
import { executeGenerate, type ExecuteGenerateInput } from './execute-generate.js';
import { nodeHttpFetch } from './node-http-fetch.js';

/** Used when a request has no timeoutMs: 300 s. */
export const DEFAULT_TIMEOUT_MS = 300_000;

/** What every HTTP adapter accepts besides its own options. */
export interface HttpProviderSettings {
  headers?: Record<string, string>;
  fetch?: typeof fetch;
  env?: Record<string, string | undefined>;
  /** Used when a request has no timeoutMs. Default 300 s. */
  defaultTimeoutMs?: number;
  now?: () => number;
}

/** What differs between the APIs: where to send, how to authenticate, the body, how to read the answer. */
export interface HttpApi {
  /** Provider name as used in model specs and stored with every response. */
  provider: string;
  apiKeyEnv?: string | undefined;
  /** Local servers: send a key only when one is set. */
  apiKeyOptional?: boolean | undefined;
  describeRequest(request: GenerateRequest): RequestPlan;
  url: string;
  /** Authentication headers for the key (null when none is set and it is optional). */
  authHeaders(apiKey: string | null): Record<string, string>;
  body(request: GenerateRequest, plan: RequestPlan): unknown;
  classify: ExecuteGenerateInput['classify'];
}

/** A ProviderModel over one HTTP API: the key is read per request (never kept), the answer classified. */
export function httpProviderModel(settings: HttpProviderSettings, modelId: string, api: HttpApi): ProviderModel {
  return {
    specVersion: PROVIDER_SPEC_VERSION,
    provider: api.provider,
    modelId,
    describeRequest: (request) => api.describeRequest(request),
    async doGenerate(request: GenerateRequest, options: GenerateOptions = {}) {
      const body = api.body(request, api.describeRequest(request));
      const apiKey = resolveApiKey({
        provider: api.provider,
        apiKeyEnv: api.apiKeyEnv,
        apiKeyOptional: api.apiKeyOptional,
        env: settings.env,
      });
      return executeGenerate({
        fetch: settings.fetch ?? nodeHttpFetch,
        url: api.url,
        headers: { ...settings.headers, ...api.authHeaders(apiKey) },
        body,
        timeoutMs: request.timeoutMs ?? settings.defaultTimeoutMs ?? DEFAULT_TIMEOUT_MS,
        ...(options.signal ? { signal: options.signal } : {}),
        secret: apiKey,
        classify: api.classify,
        now: settings.now ?? Date.now,
      });
    },
  };
}

export interface ApiKeySettings {
  provider: string;
  apiKeyEnv?: string | undefined;
  /** Local servers: send a key only when one is set. */
  apiKeyOptional?: boolean | undefined;
  env?: Record<string, string | undefined> | undefined;
}

/** Read the key from the environment at request time, so it is never stored with the model. */
export function resolveApiKey(settings: ApiKeySettings): string | null {
  if (!settings.apiKeyEnv) return null;
  const env = settings.env ?? process.env;
  const key = env[settings.apiKeyEnv]?.trim();
  if (key) return key;
  if (settings.apiKeyOptional) return null;
  throw new MissingApiKeyError(settings.provider, settings.apiKeyEnv);
}

import { MissingApiKeyError } from '../errors/missing-api-key-error.js';

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

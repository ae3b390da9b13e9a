import { ModelSpecError } from './provider-errors.js';
import { OPENAI_COMPATIBLE_VENDORS } from './vendors/openai-compatible-vendors.js';

export interface ModelSpec {
  provider: string;
  modelId: string;
}

/** Every provider name a model spec may start with (custom config endpoints come on top). */
export const KNOWN_PROVIDERS: readonly string[] = [
  ...Object.keys(OPENAI_COMPATIBLE_VENDORS),
  'anthropic',
  'gemini',
  'openai-compatible',
].sort();

const PROVIDER_ALIASES: Record<string, string> = {
  google: 'gemini',
  'llama.cpp': 'llamacpp',
  'llama-cpp': 'llamacpp',
  'lm-studio': 'lmstudio',
  'x-ai': 'xai',
};

/**
 * Split `provider:model-id` at the first colon: `ollama:qwen3:8b` → ollama + `qwen3:8b`,
 * `openrouter:deepseek/deepseek-r1` → openrouter + `deepseek/deepseek-r1`.
 * `extraProviders` are names defined in a config file.
 */
export function parseModelSpec(spec: string, extraProviders: readonly string[] = []): ModelSpec {
  const text = spec.trim();
  const colon = text.indexOf(':');
  const known = [...KNOWN_PROVIDERS, ...extraProviders];
  if (colon <= 0 || colon === text.length - 1) {
    throw new ModelSpecError(
      `model spec "${spec}" must look like provider:model-id (e.g. openrouter:deepseek/deepseek-r1); providers: ${known.join(', ')}`,
    );
  }
  const written = text.slice(0, colon).toLowerCase();
  const provider = PROVIDER_ALIASES[written] ?? written;
  if (!known.includes(provider)) {
    throw new ModelSpecError(
      `unknown provider "${written}" in model spec "${spec}"; known providers: ${known.join(', ')}`,
    );
  }
  return { provider, modelId: text.slice(colon + 1) };
}

import type { OpenAICompatibleQuirks } from '../openai-compatible/create-openai-compatible-provider.js';

export interface OpenAICompatibleVendor {
  baseURL: string;
  apiKeyEnv?: string;
  /** Local servers run without a key unless one is set. */
  apiKeyOptional?: boolean;
  headers?: Record<string, string>;
  quirks: OpenAICompatibleQuirks;
  local?: boolean;
}

/**
 * Every OpenAI-compatible vendor Candor knows: a base URL, a key variable and quirks. What each
 * model accepts (temperature, reasoning, token field) is in src/providers/capabilities.
 */
export const OPENAI_COMPATIBLE_VENDORS = {
  openai: {
    baseURL: 'https://api.openai.com/v1',
    apiKeyEnv: 'OPENAI_API_KEY',
    quirks: { maxTokensField: 'max_completion_tokens' },
  },
  openrouter: {
    baseURL: 'https://openrouter.ai/api/v1',
    apiKeyEnv: 'OPENROUTER_API_KEY',
    // Attribution headers, https://openrouter.ai/docs/api-reference/overview#headers
    headers: { 'x-title': 'Candor' },
    quirks: { openRouter: true },
  },
  together: { baseURL: 'https://api.together.xyz/v1', apiKeyEnv: 'TOGETHER_API_KEY', quirks: {} },
  fireworks: { baseURL: 'https://api.fireworks.ai/inference/v1', apiKeyEnv: 'FIREWORKS_API_KEY', quirks: {} },
  deepinfra: { baseURL: 'https://api.deepinfra.com/v1/openai', apiKeyEnv: 'DEEPINFRA_API_KEY', quirks: {} },
  groq: { baseURL: 'https://api.groq.com/openai/v1', apiKeyEnv: 'GROQ_API_KEY', quirks: {} },
  xai: { baseURL: 'https://api.x.ai/v1', apiKeyEnv: 'XAI_API_KEY', quirks: {} },
  deepseek: { baseURL: 'https://api.deepseek.com/v1', apiKeyEnv: 'DEEPSEEK_API_KEY', quirks: {} },
  mistral: { baseURL: 'https://api.mistral.ai/v1', apiKeyEnv: 'MISTRAL_API_KEY', quirks: {} },
  moonshot: { baseURL: 'https://api.moonshot.ai/v1', apiKeyEnv: 'MOONSHOT_API_KEY', quirks: {} },
  vllm: {
    baseURL: 'http://127.0.0.1:8000/v1',
    apiKeyEnv: 'VLLM_API_KEY',
    apiKeyOptional: true,
    local: true,
    quirks: {},
  },
  llamacpp: {
    baseURL: 'http://127.0.0.1:8080/v1',
    apiKeyEnv: 'LLAMACPP_API_KEY',
    apiKeyOptional: true,
    local: true,
    quirks: {},
  },
  ollama: { baseURL: 'http://127.0.0.1:11434/v1', local: true, quirks: {} },
  lmstudio: { baseURL: 'http://127.0.0.1:1234/v1', local: true, quirks: {} },
} satisfies Record<string, OpenAICompatibleVendor>;

export type OpenAICompatibleVendorName = keyof typeof OPENAI_COMPATIBLE_VENDORS;

/** Public API of the providers folder: the spec, the factories, classification, retry and the mock. */
export * from './spec/provider-model.js';
export * from './provider-errors.js';
export { parseModelSpec, KNOWN_PROVIDERS, type ModelSpec } from './parse-model-spec.js';
export {
  createProviderModel,
  GENERIC_API_KEY_ENV,
  type CreateProviderModelOptions,
  type CustomEndpoint,
  type ProviderConfig,
} from './create-provider-model.js';
export { DEFAULT_TIMEOUT_MS } from './shared/http-provider.js';
export {
  createOpenAICompatibleProvider,
  type OpenAICompatibleProviderSettings,
  type OpenAICompatibleQuirks,
} from './openai-compatible/create-openai-compatible-provider.js';
export {
  classifyChatCompletion,
  mapOpenAIFinishReason,
  mapChoiceFinishReason,
  type ChatCompletionInput,
} from './openai-compatible/classify-chat-completion.js';
export {
  buildOpenRouterRouting,
  DEFAULT_OPENROUTER_IGNORE,
  keptFirstPartyUpstreams,
  toOpenRouterSlug,
  OPENROUTER_PROVIDERS,
  UnknownOpenRouterProviderError,
  firstPartyUpstreams,
} from './openai-compatible/openrouter-providers.js';
export {
  REASONING_CONVENTIONS,
  reasoningConventionMapper,
  type ReasoningMapper,
  type ReasoningConvention,
} from './openai-compatible/reasoning-mappers.js';
export * from './capabilities/index.js';
export {
  OPENAI_COMPATIBLE_VENDORS,
  type OpenAICompatibleVendor,
  type OpenAICompatibleVendorName,
} from './vendors/openai-compatible-vendors.js';
export {
  createAnthropicProvider,
  ANTHROPIC_BASE_URL,
  classifyAnthropicMessage,
  mapAnthropicStopReason,
  type AnthropicProviderSettings,
} from './anthropic/create-anthropic-provider.js';
export {
  createGeminiProvider,
  GEMINI_BASE_URL,
  classifyGeminiResponse,
  mapGeminiFinishReason,
  type GeminiProviderSettings,
} from './gemini/create-gemini-provider.js';
export {
  retryWithBackoff,
  type RetryAttempt,
  type RetryOptions,
  type RetryResult,
  type RetryableOutcome,
} from './retry/retry-with-backoff.js';
export { computeBackoffDelay } from './retry/compute-backoff-delay.js';
export { abortableSleep } from './retry/abortable-sleep.js';
export { isRetryableStatus, parseRetryAfter } from './shared/provider-http.js';
export {
  createScriptedModel,
  type ModelScript,
  type ScriptStep,
  type ScriptedModel,
  type ScriptedModelOptions,
} from './mock/create-scripted-model.js';

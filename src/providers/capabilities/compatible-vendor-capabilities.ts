import {
  chatTemplateThinking,
  groqReasoning,
  ollamaReasoning,
  reasoningByModelId,
  reasoningEffortOnly,
} from '../openai-compatible/reasoning-mappers.js';
import type { ModelCapability } from './model-capability.js';

/** A host that serves whatever model it is given, with one documented convention for every model. */
function host(
  vendor: string,
  row: Pick<ModelCapability, 'reasoning' | 'source'> & Partial<ModelCapability>,
): ModelCapability {
  return {
    id: `${vendor}/*`,
    vendors: [vendor],
    pattern: /.*/,
    temperature: 'yes',
    tokenField: 'max_tokens',
    thinkingCountsAgainstCap: true,
    thinksByDefault: false,
    maxOutputTokens: null,
    ...row,
  };
}

/** OpenAI-compatible vendors other than OpenAI itself. Rows are tried in order. */
export const COMPATIBLE_VENDOR_CAPABILITIES: readonly ModelCapability[] = [
  host('openrouter', {
    reasoning: { kind: 'openrouter' },
    source:
      'https://openrouter.ai/docs/use-cases/reasoning-tokens (reasoning {effort: none|minimal|low|medium|high|xhigh} or {enabled}; for budget models "budget_tokens = max(min(max_tokens * effort_ratio, 32000), 1024)", ratios high 0.8, medium 0.5, low 0.2, minimal 0.1); https://openrouter.ai/docs/api-reference/parameters (a parameter the chosen model does not support is ignored)',
  }),
  {
    id: 'xai/grok-3-mini',
    vendors: ['xai'],
    pattern: /^grok-3-mini\b/,
    temperature: 'yes',
    reasoning: { kind: 'openai-effort', values: ['low', 'high'], defaultEffort: 'low' },
    tokenField: 'max_tokens',
    thinkingCountsAgainstCap: true,
    thinksByDefault: true,
    maxOutputTokens: null,
    source: 'https://docs.x.ai/docs/guides/reasoning ("reasoning_effort … low or high"; only grok-3-mini accepts it)',
  },
  {
    id: 'xai/grok-reasoning',
    vendors: ['xai'],
    // grok-4 and later reason always and reject reasoning_effort (and presence/frequency penalties, stop).
    pattern: /^grok-(?:[4-9]|code)/,
    temperature: 'yes',
    reasoning: { kind: 'none' },
    tokenField: 'max_tokens',
    thinkingCountsAgainstCap: true,
    thinksByDefault: true,
    maxOutputTokens: null,
    source:
      'https://docs.x.ai/docs/guides/reasoning ("grok-4 … reasoning_effort is not supported … will return an error")',
  },
  {
    id: 'xai/grok-3',
    vendors: ['xai'],
    pattern: /^grok-(?:3|2)\b/,
    temperature: 'yes',
    reasoning: { kind: 'none' },
    tokenField: 'max_tokens',
    thinkingCountsAgainstCap: false,
    thinksByDefault: false,
    maxOutputTokens: null,
    source: 'https://docs.x.ai/docs/api-reference#chat-completions (temperature 0–2; grok-3 is not a reasoning model)',
  },
  host('groq', {
    reasoning: { kind: 'host-mapper', mapper: groqReasoning },
    source:
      'https://console.groq.com/docs/reasoning (reasoning_effort none|default for Qwen3, low|medium|high for gpt-oss)',
  }),
  host('together', {
    reasoning: { kind: 'host-mapper', mapper: reasoningEffortOnly },
    source: 'https://docs.together.ai/docs/reasoning-models (reasoning_effort low|medium|high)',
  }),
  host('fireworks', {
    reasoning: { kind: 'host-mapper', mapper: reasoningEffortOnly },
    source: 'https://docs.fireworks.ai/guides/reasoning (reasoning_effort low|medium|high)',
  }),
  host('deepinfra', {
    reasoning: { kind: 'host-mapper', mapper: reasoningEffortOnly },
    source: 'https://deepinfra.com/docs/advanced/openai_api (reasoning_effort low|medium|high)',
  }),
  host('lmstudio', {
    reasoning: { kind: 'host-mapper', mapper: reasoningEffortOnly },
    source: 'https://lmstudio.ai/docs/app/api/endpoints/openai (reasoning_effort)',
  }),
  host('deepseek', {
    reasoning: { kind: 'host-mapper', mapper: reasoningByModelId },
    source:
      'https://api-docs.deepseek.com/guides/reasoning_model (reasoning is chosen by the model id: deepseek-reasoner)',
  }),
  host('mistral', {
    reasoning: { kind: 'host-mapper', mapper: reasoningByModelId },
    source: 'https://docs.mistral.ai/capabilities/reasoning/ (magistral models reason; no switch)',
  }),
  host('moonshot', {
    reasoning: { kind: 'host-mapper', mapper: reasoningByModelId },
    source: 'https://platform.moonshot.ai/docs/guide/use-kimi-k2-thinking-model (kimi-k2-thinking reasons; no switch)',
  }),
  host('vllm', {
    reasoning: { kind: 'host-mapper', mapper: chatTemplateThinking },
    source: 'https://docs.vllm.ai/en/latest/features/reasoning_outputs.html (chat_template_kwargs.enable_thinking)',
  }),
  host('llamacpp', {
    reasoning: { kind: 'host-mapper', mapper: chatTemplateThinking },
    source:
      'https://github.com/ggml-org/llama.cpp/tree/master/tools/server#post-v1chatcompletions (chat_template_kwargs)',
  }),
  host('ollama', {
    reasoning: { kind: 'host-mapper', mapper: ollamaReasoning },
    source: 'https://docs.ollama.com/api/openai-compatibility (reasoning_effort maps onto think; "none" turns it off)',
  }),
];

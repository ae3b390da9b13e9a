import { UnsupportedSettingError } from '../provider-errors.js';
import type { ReasoningSetting } from '../spec/provider-model.js';

/** Turns a reasoning setting into request-body fields for one vendor; throws when it cannot. */
export type ReasoningMapper = (reasoning: ReasoningSetting, provider: string) => Record<string, unknown>;

const EXTRA_BODY_HINT =
  "leave reasoning unset, pick a model variant, or send the vendor's own field with --extra-body '{…}' (or models.<spec>.extraBody in the config file)";

/** Hosts that accept `reasoning_effort` but have no portable off switch (Together, Fireworks, DeepInfra, LM Studio). */
export const reasoningEffortOnly: ReasoningMapper = (reasoning, provider) => {
  if (reasoning === null || reasoning === 'on') return {};
  if (reasoning === 'off') throw new UnsupportedSettingError(provider, 'reasoning "off"', EXTRA_BODY_HINT);
  return { reasoning_effort: reasoning };
};

/** vLLM / llama.cpp: hybrid models (Qwen3, GLM) switch thinking through the chat template. */
export const chatTemplateThinking: ReasoningMapper = (reasoning) => {
  if (reasoning === null) return {};
  if (reasoning === 'off') return { chat_template_kwargs: { enable_thinking: false } };
  if (reasoning === 'on') return { chat_template_kwargs: { enable_thinking: true } };
  return { chat_template_kwargs: { enable_thinking: true }, reasoning_effort: reasoning };
};

/** https://console.groq.com/docs/reasoning — `none`/`default` for Qwen3, levels for gpt-oss. */
export const groqReasoning: ReasoningMapper = (reasoning) => {
  if (reasoning === null) return {};
  if (reasoning === 'off') return { reasoning_effort: 'none' };
  if (reasoning === 'on') return { reasoning_effort: 'default' };
  return { reasoning_effort: reasoning };
};

/** Ollama's OpenAI-compatible endpoint maps `reasoning_effort` onto `think`; "none" turns it off. */
export const ollamaReasoning: ReasoningMapper = (reasoning) => {
  if (reasoning === null || reasoning === 'on') return {};
  return { reasoning_effort: reasoning === 'off' ? 'none' : reasoning };
};

/** DeepSeek, Moonshot, Mistral: reasoning is chosen by the model id (deepseek-reasoner, kimi-k2-thinking, magistral). */
export const reasoningByModelId: ReasoningMapper = (reasoning, provider) => {
  if (reasoning === null || reasoning === 'on') return {};
  throw new UnsupportedSettingError(
    provider,
    `reasoning "${reasoning}"`,
    `reasoning is chosen by the model id here; pick the reasoning or non-reasoning model, or ${EXTRA_BODY_HINT.slice(EXTRA_BODY_HINT.indexOf('send'))}`,
  );
};

/** Names a config file may give an endpoint's reasoning convention (`endpoints.<name>.quirks.reasoning`). */
export const REASONING_CONVENTIONS = ['reasoning-effort', 'chat-template', 'groq', 'ollama', 'by-model-id'] as const;
export type ReasoningConvention = (typeof REASONING_CONVENTIONS)[number];

export function reasoningConventionMapper(name: ReasoningConvention): ReasoningMapper {
  return {
    'reasoning-effort': reasoningEffortOnly,
    'chat-template': chatTemplateThinking,
    groq: groqReasoning,
    ollama: ollamaReasoning,
    'by-model-id': reasoningByModelId,
  }[name];
}

import type { ModelCapability } from './model-capability.js';

const REASONING_GUIDE = 'https://platform.openai.com/docs/guides/reasoning';
const EFFORT_REFERENCE =
  'https://platform.openai.com/docs/api-reference/chat/create#chat-create-reasoning_effort (openai SDK ReasoningEffort: "gpt-5.1 defaults to none … All models before gpt-5.1 default to medium and do not support none. gpt-5-pro only supports high. xhigh is supported for all models after gpt-5.1-codex-max")';
const MAX_COMPLETION_TOKENS =
  'https://platform.openai.com/docs/api-reference/chat/create#chat-create-max_completion_tokens ("an upper bound for the number of tokens that can be generated for a completion, including visible output tokens and reasoning tokens"; max_tokens "is not compatible with o-series models")';
const GPT5_SAMPLING =
  'https://platform.openai.com/docs/guides/latest-model#gpt-5-parameter-compatibility (temperature, top_p, logprobs "are only supported when using reasoning effort none"; gpt-5, gpt-5-mini, gpt-5-nano raise an error)';

/**
 * OpenAI Chat Completions. Rows are tried in order, so the specific ids come first.
 * Every row uses `max_completion_tokens`, which every current chat model accepts.
 */
export const OPENAI_CAPABILITIES: readonly ModelCapability[] = [
  {
    id: 'openai/gpt-5-pro',
    vendors: ['openai'],
    pattern: /^gpt-5(?:\.\d+)?-pro\b/,
    temperature: 'no',
    reasoning: { kind: 'openai-effort', values: ['high'], defaultEffort: 'high' },
    tokenField: 'max_completion_tokens',
    thinkingCountsAgainstCap: true,
    thinksByDefault: true,
    maxOutputTokens: 272_000,
    source: `${EFFORT_REFERENCE}; ${MAX_COMPLETION_TOKENS}`,
  },
  {
    id: 'openai/gpt-5-chat',
    vendors: ['openai'],
    // Non-reasoning chat snapshots: no reasoning_effort is documented for them; sampling not documented either.
    pattern: /^gpt-5(?:\.\d+)?-chat(?:-latest)?\b/,
    temperature: 'no',
    reasoning: { kind: 'none' },
    tokenField: 'max_completion_tokens',
    thinkingCountsAgainstCap: false,
    thinksByDefault: false,
    maxOutputTokens: 16_384,
    source:
      'https://platform.openai.com/docs/models/gpt-5-chat-latest (a non-reasoning model: no reasoning_effort); temperature not documented, so not sent',
  },
  {
    id: 'openai/gpt-5.2+',
    vendors: ['openai'],
    // gpt-5.2 and later (5.3, 5.4, 5.5 …, incl. -mini/-nano/-codex variants): none … xhigh.
    pattern: /^gpt-5\.(?:[2-9]|\d{2,})(?:\b|-)/,
    temperature: 'without-reasoning',
    reasoning: { kind: 'openai-effort', values: ['none', 'low', 'medium', 'high', 'xhigh'], defaultEffort: 'none' },
    tokenField: 'max_completion_tokens',
    thinkingCountsAgainstCap: true,
    thinksByDefault: false,
    maxOutputTokens: 128_000,
    source: `${EFFORT_REFERENCE}; ${GPT5_SAMPLING}; ${MAX_COMPLETION_TOKENS}`,
  },
  {
    id: 'openai/gpt-5.1',
    vendors: ['openai'],
    pattern: /^gpt-5\.1(?:\b|-)/,
    temperature: 'without-reasoning',
    reasoning: { kind: 'openai-effort', values: ['none', 'low', 'medium', 'high'], defaultEffort: 'none' },
    tokenField: 'max_completion_tokens',
    thinkingCountsAgainstCap: true,
    thinksByDefault: false,
    maxOutputTokens: 128_000,
    source: `${EFFORT_REFERENCE}; ${GPT5_SAMPLING}; ${MAX_COMPLETION_TOKENS}`,
  },
  {
    id: 'openai/gpt-5',
    vendors: ['openai'],
    // gpt-5, gpt-5-mini, gpt-5-nano, gpt-5-codex and dated snapshots.
    pattern: /^gpt-5(?:$|-)/,
    temperature: 'no',
    reasoning: { kind: 'openai-effort', values: ['minimal', 'low', 'medium', 'high'], defaultEffort: 'medium' },
    tokenField: 'max_completion_tokens',
    thinkingCountsAgainstCap: true,
    thinksByDefault: true,
    maxOutputTokens: 128_000,
    source: `${EFFORT_REFERENCE}; ${GPT5_SAMPLING}; ${MAX_COMPLETION_TOKENS}`,
  },
  {
    id: 'openai/o1-mini',
    vendors: ['openai'],
    // o1-mini and o1-preview take no reasoning_effort and no sampling parameters.
    pattern: /^o1-(?:mini|preview)\b/,
    temperature: 'no',
    reasoning: { kind: 'none' },
    tokenField: 'max_completion_tokens',
    thinkingCountsAgainstCap: true,
    thinksByDefault: true,
    maxOutputTokens: 65_536,
    source: `${REASONING_GUIDE} (reasoning_effort is supported by o1, o3-mini and later o-series); ${MAX_COMPLETION_TOKENS}`,
  },
  {
    id: 'openai/o-series',
    vendors: ['openai'],
    // o1, o1-pro, o3, o3-mini, o3-pro, o4-mini and dated snapshots.
    pattern: /^o[134](?:$|-)/,
    temperature: 'no',
    reasoning: { kind: 'openai-effort', values: ['low', 'medium', 'high'], defaultEffort: 'medium' },
    tokenField: 'max_completion_tokens',
    thinkingCountsAgainstCap: true,
    thinksByDefault: true,
    maxOutputTokens: 100_000,
    source: `${EFFORT_REFERENCE}; ${REASONING_GUIDE} ("reasoning models … do not support temperature"); ${MAX_COMPLETION_TOKENS}`,
  },
  {
    id: 'openai/gpt-4-family',
    vendors: ['openai'],
    // gpt-4o, gpt-4o-mini, gpt-4.1, gpt-4.1-mini/nano, gpt-4-turbo, gpt-4, gpt-3.5-turbo, chatgpt-4o-latest.
    pattern: /^(?:gpt-4(?:o|\.1|-turbo)?|gpt-3\.5-turbo|chatgpt-4o)(?:$|-)/,
    temperature: 'yes',
    reasoning: { kind: 'none' },
    tokenField: 'max_completion_tokens',
    thinkingCountsAgainstCap: false,
    thinksByDefault: false,
    maxOutputTokens: null,
    source:
      'https://platform.openai.com/docs/api-reference/chat/create#chat-create-temperature (0–2); reasoning_effort "applies to reasoning models only" (same reference) — non-reasoning models answer 400 unsupported_parameter',
  },
];

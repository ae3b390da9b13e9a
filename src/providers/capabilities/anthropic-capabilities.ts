import type { ModelCapability } from './model-capability.js';

const EXTENDED_THINKING =
  'https://platform.claude.com/docs/en/build-with-claude/extended-thinking ("budget_tokens … must be ≥1024 and less than max_tokens"; "Thinking isn\'t compatible with temperature or top_k modifications"; thinking tokens count toward max_tokens)';
const ADAPTIVE_THINKING =
  'https://platform.claude.com/docs/en/build-with-claude/adaptive-thinking (thinking {type: "adaptive"} + output_config.effort; "thinking.type: enabled and budget_tokens are deprecated on Opus 4.6 and Sonnet 4.6"; Opus 4.7 "only supports adaptive thinking … enabled … will return a 400 error")';
const OPUS_47_SAMPLING =
  'https://platform.claude.com/docs/en/about-claude/models/migrating-to-claude-opus-4-7 (temperature, top_p and top_k are removed on Opus 4.7 and later)';
const OPUS_5 =
  'https://platform.claude.com/docs/en/models/opus-5/migration-guide ("on Claude Opus 5, requests without a thinking field run with adaptive thinking"; thinking {type: "disabled"} is kept; "max_tokens remains a hard limit on total output, thinking plus response text")';
const ALWAYS_ADAPTIVE =
  'https://docs.aws.amazon.com/bedrock/latest/userguide/claude-messages-adaptive-thinking.html (Mythos 5, Fable 5, Opus 4.7, Mythos Preview: "Manual extended thinking … and disabled thinking (thinking.type: disabled) are not supported … will return a 400 error"); https://openrouter.ai/docs/cookbook/evaluate-and-optimize/model-migrations/opus-5-5 ("Thinking is always adaptive. Turning thinking off or setting a thinking budget is rejected")';
const SDK_TYPES =
  '@anthropic-ai/sdk 1.17 MessageCreateParams (ThinkingConfigParam, OutputConfig.effort low|medium|high|xhigh|max)';

/** Anthropic Messages API. `max_tokens` is required on every request. Rows are tried in order. */
export const ANTHROPIC_CAPABILITIES: readonly ModelCapability[] = [
  {
    id: 'anthropic/always-adaptive',
    vendors: ['anthropic'],
    // Models that always think: Mythos (preview, 5.x), Fable 5.x, Opus 5.5 and later 5.x Opus releases.
    pattern: /^claude-(?:mythos|fable)-|^claude-opus-5-[5-9]/,
    temperature: 'no',
    reasoning: { kind: 'anthropic-adaptive', efforts: ['low', 'medium', 'high', 'xhigh', 'max'], off: 'impossible' },
    tokenField: 'max_tokens',
    thinkingCountsAgainstCap: true,
    thinksByDefault: true,
    maxOutputTokens: 128_000,
    source: `${ALWAYS_ADAPTIVE}; ${OPUS_47_SAMPLING}; ${SDK_TYPES}`,
  },
  {
    id: 'anthropic/opus-5',
    vendors: ['anthropic'],
    pattern: /^claude-opus-5(?:$|-[0-4](?:$|-))/,
    temperature: 'no',
    reasoning: { kind: 'anthropic-adaptive', efforts: ['low', 'medium', 'high', 'xhigh', 'max'], off: 'disabled' },
    tokenField: 'max_tokens',
    thinkingCountsAgainstCap: true,
    thinksByDefault: true,
    maxOutputTokens: 128_000,
    source: `${OPUS_5}; ${OPUS_47_SAMPLING}; ${SDK_TYPES}`,
  },
  {
    id: 'anthropic/opus-4.7+',
    vendors: ['anthropic'],
    // Opus 4.7 and 4.8: adaptive only, no sampling parameters; without a thinking field they do not think.
    pattern: /^claude-opus-4-[7-9](?:$|-)/,
    temperature: 'no',
    reasoning: { kind: 'anthropic-adaptive', efforts: ['low', 'medium', 'high', 'xhigh', 'max'], off: 'omit' },
    tokenField: 'max_tokens',
    thinkingCountsAgainstCap: true,
    thinksByDefault: false,
    maxOutputTokens: 128_000,
    source: `${ADAPTIVE_THINKING}; ${OPUS_47_SAMPLING}; ${OPUS_5} (Opus 4.8 runs without thinking when the field is absent); ${SDK_TYPES}`,
  },
  {
    id: 'anthropic/4.6',
    vendors: ['anthropic'],
    // Opus 4.6 and Sonnet 4.6: adaptive recommended (budget deprecated); temperature only without thinking.
    pattern: /^claude-(?:opus|sonnet)-4-6(?:$|-)/,
    temperature: 'without-reasoning',
    reasoning: { kind: 'anthropic-adaptive', efforts: ['low', 'medium', 'high', 'max'], off: 'disabled' },
    tokenField: 'max_tokens',
    thinkingCountsAgainstCap: true,
    thinksByDefault: false,
    maxOutputTokens: 128_000,
    source: `${ADAPTIVE_THINKING}; ${EXTENDED_THINKING}; ${SDK_TYPES}`,
  },
  {
    id: 'anthropic/extended-thinking',
    vendors: ['anthropic'],
    // Claude 3.7 Sonnet, Sonnet 4, Opus 4, Opus 4.1, Sonnet 4.5, Haiku 4.5, Opus 4.5.
    pattern: /^claude-(?:3-7-sonnet|sonnet-4(?:-0|-5)?|opus-4(?:-0|-1|-5)?|haiku-4-5)(?:$|-\d{8}$|-latest$)/,
    temperature: 'without-reasoning',
    reasoning: { kind: 'anthropic-budget' },
    tokenField: 'max_tokens',
    thinkingCountsAgainstCap: true,
    thinksByDefault: false,
    maxOutputTokens: 32_000,
    source: `${EXTENDED_THINKING} (supported models: Claude 3.7 Sonnet, Sonnet 4/4.5, Opus 4/4.1/4.5, Haiku 4.5; 32k is the smallest max output among them); ${SDK_TYPES}`,
  },
  {
    id: 'anthropic/claude-3',
    vendors: ['anthropic'],
    // Claude 3 and 3.5 models: no thinking at all.
    pattern: /^claude-3-(?:5-)?(?:haiku|sonnet|opus)(?:$|-)/,
    temperature: 'yes',
    reasoning: { kind: 'none' },
    tokenField: 'max_tokens',
    thinkingCountsAgainstCap: false,
    thinksByDefault: false,
    maxOutputTokens: null,
    source:
      'https://platform.claude.com/docs/en/api/messages (temperature 0–1); extended thinking is not offered on Claude 3/3.5 (https://platform.claude.com/docs/en/build-with-claude/extended-thinking#supported-models)',
  },
];

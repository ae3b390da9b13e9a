import { describe, expect, it } from 'vitest';
import { UnsupportedSettingError } from '../errors/unsupported-setting-error.js';
import { OPENAI_COMPATIBLE_VENDORS, type OpenAICompatibleVendorName } from '../vendors/openai-compatible-vendors.js';
import type { ReasoningSetting } from '../spec/provider-model.js';

function fields(vendor: OpenAICompatibleVendorName, reasoning: ReasoningSetting): Record<string, unknown> {
  return OPENAI_COMPATIBLE_VENDORS[vendor].quirks.reasoning(reasoning, vendor);
}

describe('reasoning settings per vendor', () => {
  it.each([
    ['openrouter', 'off', { reasoning: { enabled: false } }],
    ['openrouter', 'on', { reasoning: { enabled: true } }],
    ['openrouter', 'low', { reasoning: { effort: 'low' } }],
    ['openai', 'off', { reasoning_effort: 'none' }],
    ['openai', 'medium', { reasoning_effort: 'medium' }],
    ['openai', 'on', {}],
    ['together', 'high', { reasoning_effort: 'high' }],
    ['groq', 'off', { reasoning_effort: 'none' }],
    ['groq', 'on', { reasoning_effort: 'default' }],
    ['xai', 'low', { reasoning_effort: 'low' }],
    ['vllm', 'off', { chat_template_kwargs: { enable_thinking: false } }],
    ['llamacpp', 'on', { chat_template_kwargs: { enable_thinking: true } }],
    ['ollama', 'off', { reasoning_effort: 'none' }],
    ['deepseek', 'on', {}],
  ] as const)('%s reasoning %s → %j', (vendor, reasoning, expected) => {
    expect(fields(vendor, reasoning)).toEqual(expected);
  });

  it('null sends nothing for every vendor', () => {
    for (const vendor of Object.keys(OPENAI_COMPATIBLE_VENDORS) as OpenAICompatibleVendorName[]) expect(fields(vendor, null)).toEqual({});
  });

  it.each([
    ['deepseek', 'off'],
    ['moonshot', 'high'],
    ['xai', 'medium'],
    ['fireworks', 'off'],
  ] as const)('%s refuses reasoning %s instead of dropping it silently', (vendor, reasoning) => {
    expect(() => fields(vendor, reasoning)).toThrow(UnsupportedSettingError);
  });
});

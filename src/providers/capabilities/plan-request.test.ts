import { describe, expect, it } from 'vitest';
import { createProviderModel } from '../create-provider-model.js';
import { UnsupportedSettingError } from '../provider-errors.js';
import type { GenerateRequest } from '../spec/provider-model.js';
import { generateRequest } from '../test-support/generate-request.js';
import { MODEL_CAPABILITIES } from './find-model-capability.js';

/** What Candor would send for `spec` under `overrides` (the capability plan, no request made). */
function planFor(spec: string, overrides: Partial<GenerateRequest> = {}) {
  const model = createProviderModel(spec, {
    env: {},
    ...(spec.startsWith('openai-compatible:') ? { baseURL: 'http://127.0.0.1:1/v1' } : {}),
  });
  return model.describeRequest!(generateRequest(overrides));
}

describe('the model capability table', () => {
  it('every row cites its documentation', () => {
    for (const row of MODEL_CAPABILITIES) expect(row.source, row.id).toMatch(/https:\/\/|SDK/);
  });

  it.each([
    // OpenAI: non-reasoning models take no reasoning_effort at all (issue #12 item 4).
    ['openai:gpt-4o', 'off', {}],
    ['openai:gpt-4.1-mini', 'off', {}],
    // Before gpt-5.1 there is no "none": the lowest setting is sent, and said.
    ['openai:gpt-5-mini', 'off', { reasoning_effort: 'minimal' }],
    ['openai:o4-mini', 'off', { reasoning_effort: 'low' }],
    ['openai:gpt-5.1', 'off', { reasoning_effort: 'none' }],
    ['openai:gpt-5.2', 'high', { reasoning_effort: 'high' }],
    ['openai:gpt-5.1', 'on', { reasoning_effort: 'medium' }],
    ['openai:gpt-5-pro', 'low', { reasoning_effort: 'high' }],
    ['openrouter:deepseek/deepseek-r1', 'off', { reasoning: { effort: 'none' } }],
    ['openrouter:deepseek/deepseek-r1', 'on', { reasoning: { enabled: true } }],
    // OpenRouter: a creator whose model cannot stop reasoning gets the lowest effort instead of "none".
    ['openrouter:google/gemini-2.5-pro', 'off', { reasoning: { effort: 'minimal' } }],
    ['groq:qwen/qwen3-32b', 'off', { reasoning_effort: 'none' }],
    ['groq:qwen/qwen3-32b', 'on', { reasoning_effort: 'default' }],
    ['xai:grok-3-mini', 'low', { reasoning_effort: 'low' }],
    ['xai:grok-3-mini', 'medium', { reasoning_effort: 'high' }],
    ['vllm:Qwen/Qwen3-8B', 'off', { chat_template_kwargs: { enable_thinking: false } }],
    ['ollama:qwen3:8b', 'off', { reasoning_effort: 'none' }],
    ['anthropic:claude-opus-4-7', 'off', {}],
    ['anthropic:claude-opus-5', 'off', { thinking: { type: 'disabled' } }],
    ['anthropic:claude-mythos-5', 'off', { thinking: { type: 'adaptive' }, output_config: { effort: 'low' } }],
    ['anthropic:claude-opus-4-6', 'medium', { thinking: { type: 'adaptive' }, output_config: { effort: 'medium' } }],
    ['gemini:gemini-2.5-flash', 'off', { thinkingConfig: { thinkingBudget: 0 } }],
    ['gemini:gemini-3-flash-preview', 'off', { thinkingConfig: { thinkingLevel: 'MINIMAL' } }],
    ['gemini:gemini-3-pro-preview', 'medium', { thinkingConfig: { thinkingLevel: 'HIGH', includeThoughts: true } }],
  ] as const)('%s with --reasoning %s sends %j', (spec, reasoning, expected) => {
    expect(planFor(spec, { reasoning }).reasoningFields).toEqual(expected);
  });

  it('says so once when a model cannot stop reasoning', () => {
    expect(planFor('openai:gpt-5', { reasoning: 'off' }).notes).toContain(
      'openai:gpt-5 cannot stop reasoning; sent reasoning_effort "minimal", its lowest setting',
    );
    expect(
      planFor('openai:gpt-5.1', { reasoning: 'off' }).notes.filter((note) => note.includes('cannot stop')),
    ).toEqual([]);
  });

  it('never sends a temperature to a model that refuses one (issue #12 item 5)', () => {
    for (const spec of ['openai:o4-mini', 'openai:gpt-5-mini', 'anthropic:claude-opus-4-7']) {
      expect(() => planFor(spec, { temperature: 0 }), spec).toThrow(UnsupportedSettingError);
      expect(planFor(spec, { temperature: 0, onRefusedSetting: 'drop' }).temperature, spec).toBeNull();
    }
    // gpt-5.1 takes a temperature with reasoning effort none (its default) but not while reasoning.
    expect(planFor('openai:gpt-5.1', { temperature: 0.7 }).temperature).toBe(0.7);
    expect(() => planFor('openai:gpt-5.1', { temperature: 0.7, reasoning: 'high' })).toThrow(/only with reasoning off/);
    expect(planFor('openai:gpt-4o', { temperature: 0.7 }).temperature).toBe(0.7);
    // OpenRouter ignores what the model refuses; Candor does not send it and says so.
    const routed = planFor('openrouter:openai/o4-mini', { temperature: 0 });
    expect(routed.temperature).toBeNull();
    expect(routed.notes.join(' ')).toMatch(/temperature not sent/);
  });

  it('a thinking budget always leaves the answer its cap (issue #12 item 7)', () => {
    const claude = planFor('anthropic:claude-sonnet-4-5', { reasoning: 'high', maxTokens: 4096 });
    expect(claude.reasoningFields).toEqual({ thinking: { type: 'enabled', budget_tokens: 24_576 } });
    expect(claude.maxTokens).toBe(4096 + 24_576);
    const gemini = planFor('gemini:gemini-2.5-flash', { reasoning: 'high', maxTokens: 4096 });
    expect(
      gemini.maxTokens! - (gemini.reasoningFields['thinkingConfig'] as { thinkingBudget: number }).thinkingBudget,
    ).toBe(4096);
    // Where the model's output limit is reached, the budget is lowered instead: budget + answer fit.
    const tight = planFor('anthropic:claude-sonnet-4-5', { reasoning: 'high', maxTokens: 30_000 });
    expect(tight.maxTokens).toBe(32_000);
    expect((tight.reasoningFields['thinking'] as { budget_tokens: number }).budget_tokens).toBe(2000);
    expect(tight.notes.join(' ')).toMatch(/thinking budget lowered to 2000/);
  });

  it('a model the table does not know gets no optional parameter, and a note', () => {
    const plan = planFor('openai:gpt-9-ultra', { temperature: 0.5, reasoning: 'high' });
    expect(plan).toMatchObject({ capability: null, temperature: null, reasoningFields: {}, maxTokens: 2048 });
    expect(plan.notes[0]).toMatch(
      /not in Candor's model capability table.*temperature and reasoning "high" left out.*--extra-body/,
    );
  });

  it('refuses reasoning settings a host cannot express, pointing at options that exist', () => {
    expect(() => planFor('deepseek:deepseek-chat', { reasoning: 'off' })).toThrow(/--extra-body/);
    expect(() => planFor('openai:gpt-4o', { reasoning: 'high' })).toThrow(UnsupportedSettingError);
    expect(planFor('openai:gpt-4o', { reasoning: 'high', onRefusedSetting: 'drop' }).reasoningFields).toEqual({});
  });
});

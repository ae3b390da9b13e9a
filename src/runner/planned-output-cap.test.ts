import { describe, expect, it } from 'vitest';
import { createProviderModel, createScriptedModel } from '../providers/index.js';
import { plannedOutputCap } from './planned-output-cap.js';
import { worstRequestCost } from './worst-request-cost.js';

const request = { prompt: 'Write an essay.', systemPrompt: null, maxTokens: 1000, temperature: null, reasoning: 'high' as const, timeoutMs: null };

describe('plannedOutputCap', () => {
  it('counts the thinking room a reasoning request is given, so --max-cost sees the real worst case', () => {
    const model = createProviderModel('anthropic:claude-sonnet-4-5', { env: {} });
    expect(plannedOutputCap(model, request)).toBe(1000 + 24_576);
    const price = { prompt: 3, completion: 15 };
    expect(worstRequestCost({ ...request, maxTokens: plannedOutputCap(model, request) }, price)).toBeGreaterThan(worstRequestCost(request, price) * 20);
  });

  it('falls back to the asked cap for models that cannot plan, or refuse the request', () => {
    expect(plannedOutputCap(createScriptedModel({}), request)).toBe(1000);
    expect(plannedOutputCap(createProviderModel('openai:gpt-4o', { env: {} }), request)).toBe(1000);
  });
});

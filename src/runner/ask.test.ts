import { describe, expect, it } from 'vitest';
import { createProviderModel, createScriptedModel } from '../providers/index.js';
import { ask, DEFAULT_RETRY_POLICY, planAsk, plannedOutputCap, worstRequestCost } from './ask.js';

const request = {
  prompt: 'Write an essay.',
  systemPrompt: null,
  maxTokens: 1000,
  temperature: null,
  reasoning: 'high' as const,
  timeoutMs: null,
};

describe('plannedOutputCap', () => {
  it('counts the thinking room a reasoning request is given, so --max-cost sees the real worst case', () => {
    const model = createProviderModel('anthropic:claude-sonnet-4-5', { env: {} });
    expect(plannedOutputCap(model, request)).toBe(1000 + 24_576);
    const price = { prompt: 3, completion: 15 };
    expect(worstRequestCost({ ...request, maxTokens: plannedOutputCap(model, request) }, price)).toBeGreaterThan(
      worstRequestCost(request, price) * 20,
    );
  });

  it('falls back to the asked cap for models that cannot plan, or refuse the request', () => {
    expect(plannedOutputCap(createScriptedModel({}), request)).toBe(1000);
    expect(plannedOutputCap(createProviderModel('openai:gpt-4o', { env: {} }), request)).toBe(1000);
  });
});

describe('ask', () => {
  const plain = { prompt: 'p', systemPrompt: null, maxTokens: 10, temperature: null, reasoning: null, timeoutMs: null };

  it("says in each retry event how long it waited: the backoff, or the provider's retry-after", async () => {
    const model = createScriptedModel({
      p: [
        { status: 'provider_error', httpStatus: 503, retryable: true },
        { status: 'provider_error', httpStatus: 429, retryable: true, retryAfterMs: 1234 },
        { finalText: 'ok' },
      ],
    });
    const waits: number[] = [];
    const notices: unknown[] = [];
    const answer = await ask(planAsk(model, plain, null), {
      model,
      retry: { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 1000 },
      price: null,
      random: () => 0.5,
      sleep: async (ms) => {
        waits.push(ms);
      },
      onRetry: (notice) => notices.push(notice),
    });
    expect(answer?.outcome.finalText).toBe('ok');
    expect(answer?.attempts).toBe(3);
    expect(waits).toHaveLength(2);
    expect(waits[1]).toBe(1234);
    expect(notices).toEqual([
      { attempt: 2, delayMs: waits[0], status: 'provider_error', httpStatus: 503 },
      { attempt: 3, delayMs: 1234, status: 'provider_error', httpStatus: 429 },
    ]);
    expect(waits[0]).toBeGreaterThan(0);
  });

  it('resolves null, with no outcome, when interrupted while waiting for a retry', async () => {
    const model = createScriptedModel({ p: { status: 'provider_error', httpStatus: 500, retryable: true } });
    const controller = new AbortController();
    const answer = await ask(planAsk(model, plain, null), {
      model,
      retry: DEFAULT_RETRY_POLICY,
      price: null,
      signal: controller.signal,
      sleep: async (_ms, signal) => {
        controller.abort(new Error('ctrl-c'));
        if (signal?.aborted) throw signal.reason;
      },
    });
    expect(answer).toBeNull();
    expect(model.calls).toHaveLength(1);
  });

  it('counts the cost at the price when the provider reports none', async () => {
    const model = createScriptedModel({
      p: { finalText: 'ok', usage: { promptTokens: 1000, completionTokens: 2000, reasoningTokens: null } },
    });
    const answer = await ask(planAsk(model, plain, { prompt: 1, completion: 2 }), {
      model,
      retry: DEFAULT_RETRY_POLICY,
      price: { prompt: 1, completion: 2 },
    });
    expect(answer?.costUsd).toBeCloseTo((1000 * 1 + 2000 * 2) / 1e6);
  });

  it('adds up what the provider reported for every attempt, failed ones included, and can cancel a request in flight', async () => {
    const model = createScriptedModel({
      p: [
        { status: 'provider_error', httpStatus: 503, retryable: true, costUsd: 0.25 },
        { finalText: 'ok', costUsd: 0.5 },
      ],
    });
    const answer = await ask(planAsk(model, plain, null), {
      model,
      retry: DEFAULT_RETRY_POLICY,
      price: null,
      sleep: async () => {},
    });
    expect(answer?.costUsd).toBe(0.5);
    expect(answer?.reportedCostOfAllAttemptsUsd).toBe(0.75);
    const controller = new AbortController();
    const slow = createScriptedModel({}, { fallback: { finalText: 'late', delayMs: 5_000 } });
    const pending = ask(planAsk(slow, plain, null), {
      model: slow,
      retry: DEFAULT_RETRY_POLICY,
      price: null,
      signal: controller.signal,
      abortInFlight: true,
    });
    controller.abort(new Error('stop'));
    expect(await pending).toBeNull();
  });
});

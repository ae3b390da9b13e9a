import { describe, expect, it } from 'vitest';
import { createScriptedModel } from '../providers/index.js';
import { executeRun } from './execute-run.js';
import type { EngineEvent } from './engine-events.js';
import { createRunFixture, outcomeKeys } from './test-support/run-fixture.js';

const noSleep = async () => {};
const fastRetry = { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1 };

describe('executeRun', () => {
  it('stores exactly one outcome per question and sample, and marks the run finished', async () => {
    const { store, run, questions, settings } = await createRunFixture(40, { samples: 3 });
    const model = createScriptedModel({}, { fallback: { finalText: 'an answer', delayMs: 1 } });
    const summary = await executeRun({ store, run, settings, model, questions, concurrency: 7, sleep: noSleep });
    expect(summary).toMatchObject({ state: 'finished', stored: 120, remaining: 0, statusCounts: { success: 120 } });
    const keys = await outcomeKeys(store, run.id);
    expect(keys).toHaveLength(120);
    expect(new Set(keys).size).toBe(120);
    expect((await store.getRun(run.id))?.state).toBe('finished');
    await store.close();
  });

  it('never has more requests in flight than the concurrency', async () => {
    const { store, run, questions, settings } = await createRunFixture(30);
    const inner = createScriptedModel({}, { fallback: { finalText: 'ok', delayMs: 5 } });
    let inFlight = 0;
    let peak = 0;
    // Count around the call itself, so timer jitter under load cannot skew the count.
    const model = {
      ...inner,
      async doGenerate(request: Parameters<typeof inner.doGenerate>[0]) {
        inFlight += 1;
        peak = Math.max(peak, inFlight);
        try {
          return await inner.doGenerate(request);
        } finally {
          inFlight -= 1;
        }
      },
    };
    await executeRun({ store, run, settings, model, questions, concurrency: 4 });
    expect(peak).toBe(4);
    await store.close();
  });

  it('says in each retry event how long it waited (the backoff, no longer a hard-coded 0), and names the run in every event', async () => {
    const { store, run, questions, settings } = await createRunFixture(1);
    const model = createScriptedModel({
      'prompt 0': [{ status: 'provider_error', httpStatus: 503, retryable: true }, { finalText: 'recovered' }],
    });
    const events: EngineEvent[] = [];
    const waits: number[] = [];
    const sleep = async (ms: number) => {
      waits.push(ms);
    };
    await executeRun({
      store,
      run,
      settings,
      model,
      questions,
      concurrency: 1,
      retry: { maxAttempts: 3, baseDelayMs: 400, maxDelayMs: 400 },
      sleep,
      random: () => 0.5,
      onEvent: (event) => events.push(event),
    });
    const retries = events.filter((event) => event.type === 'retry');
    expect(retries).toHaveLength(1);
    expect(retries[0]).toMatchObject({
      runId: run.id,
      questionId: 'q0000',
      attempt: 2,
      status: 'provider_error',
      httpStatus: 503,
      delayMs: waits[0],
    });
    expect(waits[0]).toBeGreaterThan(0);
    expect(events.find((event) => event.type === 'outcome')).toMatchObject({
      runId: run.id,
      status: 'success',
      attempts: 2,
      duplicate: false,
    });
    await store.close();
  });

  it('retries retryable failures only, and stores the last outcome', async () => {
    const { store, run, questions, settings } = await createRunFixture(3);
    const model = createScriptedModel({
      'prompt 0': [{ status: 'provider_error', httpStatus: 503, retryable: true }, { finalText: 'recovered' }],
      'prompt 1': { status: 'moderation', httpStatus: 400, finalText: null },
      'prompt 2': { status: 'provider_error', httpStatus: 500, retryable: true },
    });
    const events: EngineEvent[] = [];
    const summary = await executeRun({
      store,
      run,
      settings,
      model,
      questions,
      concurrency: 2,
      retry: fastRetry,
      sleep: noSleep,
      onEvent: (event) => events.push(event),
    });
    const byPrompt = (prompt: string) => model.calls.filter((call) => call.prompt === prompt).length;
    expect([byPrompt('prompt 0'), byPrompt('prompt 1'), byPrompt('prompt 2')]).toEqual([2, 1, 3]);
    expect(summary.statusCounts).toEqual({ success: 1, moderation: 1, provider_error: 1 });
    expect(events.filter((event) => event.type === 'retry')).toHaveLength(3);
    const stored = await store.listResponses({ runId: run.id });
    expect(stored.map((response) => [response.questionId, response.status, response.finalText])).toEqual([
      ['q0000', 'success', 'recovered'],
      ['q0001', 'moderation', null],
      ['q0002', 'provider_error', null],
    ]);
    await store.close();
  });

  it('stops at the first truncation unless allowed, leaving a resumable run', async () => {
    const { store, run, questions, settings } = await createRunFixture(20);
    const model = createScriptedModel(
      { 'prompt 3': { status: 'truncation', finalText: 'cut off' } },
      { fallback: { finalText: 'ok', delayMs: 2 } },
    );
    const first = await executeRun({ store, run, settings, model, questions, concurrency: 1, sleep: noSleep });
    expect(first).toMatchObject({ state: 'interrupted', stopReason: 'truncation', stored: 4, remaining: 16 });
    expect(first.stopDetail).toMatch(/q0003 hit the output limit \(100 tokens\)/);
    const second = await executeRun({
      store,
      run,
      settings,
      model,
      questions,
      concurrency: 4,
      allowTruncation: true,
      sleep: noSleep,
    });
    expect(second).toMatchObject({ state: 'finished', stored: 16, remaining: 0 });
    expect(await outcomeKeys(store, run.id)).toHaveLength(20);
    await store.close();
  });

  it('quarantines an unrecognised payload: stores it as unknown_shape and stops', async () => {
    const { store, run, questions, settings } = await createRunFixture(10);
    const model = createScriptedModel(
      { 'prompt 0': { status: 'unknown_shape', statusDetail: 'no choices or error: {foo}' } },
      { fallback: { finalText: 'ok' } },
    );
    const summary = await executeRun({ store, run, settings, model, questions, concurrency: 1 });
    expect(summary.stopReason).toBe('unknown_shape');
    expect(summary.stopDetail).toContain('no choices or error: {foo}');
    expect(summary.statusCounts).toEqual({ unknown_shape: 1 });
    await store.close();
  });

  it('stops before the budget would be exceeded', async () => {
    const { store, run, questions, settings } = await createRunFixture(50, { maxTokens: 1000 });
    const model = createScriptedModel(
      {},
      { fallback: { finalText: 'ok', usage: { promptTokens: 10, completionTokens: 1000, reasoningTokens: null } } },
    );
    // $1 per million completion tokens, 1000 tokens each: $0.001 per answer; a $0.0105 budget allows 10.
    const summary = await executeRun({
      store,
      run,
      settings,
      model,
      questions,
      concurrency: 1,
      maxCostUsd: 0.0105,
      price: { prompt: 0, completion: 1 },
    });
    expect(summary).toMatchObject({ stopReason: 'budget', stored: 10, remaining: 40 });
    expect(summary.costUsd).toBeCloseTo(0.01, 10);
    await store.close();
  });

  it('drains on interrupt: in-flight answers are stored, nothing new starts, resume completes exactly once', async () => {
    const { store, run, questions, settings } = await createRunFixture(60);
    const controller = new AbortController();
    let calls = 0;
    const model = createScriptedModel(
      {},
      {
        fallback: () => {
          calls += 1;
          if (calls === 10) setTimeout(() => controller.abort(new Error('Ctrl-C')), 1);
          return { finalText: 'ok', delayMs: 20 };
        },
      },
    );
    const first = await executeRun({
      store,
      run,
      settings,
      model,
      questions,
      concurrency: 5,
      signal: controller.signal,
    });
    expect(first.state).toBe('interrupted');
    expect(first.stopReason).toBe('interrupted');
    expect(first.stored).toBe(calls);
    expect(first.stored).toBeLessThan(60);
    expect((await store.getRun(run.id))?.state).toBe('interrupted');
    const second = await executeRun({ store, run, settings, model, questions, concurrency: 5 });
    expect(second.stored).toBe(60 - first.stored);
    const keys = await outcomeKeys(store, run.id);
    expect(keys).toHaveLength(60);
    expect(new Set(keys).size).toBe(60);
    await store.close();
  });

  it('re-asks only the outcomes named in redo, superseding them', async () => {
    const { store, run, questions, settings } = await createRunFixture(5);
    const failing = createScriptedModel(
      { 'prompt 2': { status: 'empty', finalText: '' } },
      { fallback: { finalText: 'ok' } },
    );
    await executeRun({ store, run, settings, model: failing, questions, concurrency: 2 });
    const fixed = createScriptedModel({}, { fallback: { finalText: 'now answered' } });
    const summary = await executeRun({
      store,
      run,
      settings,
      model: fixed,
      questions,
      concurrency: 2,
      redo: new Set(['q0002\u00000']),
    });
    expect(fixed.calls.map((call) => call.prompt)).toEqual(['prompt 2']);
    expect(summary.stored).toBe(1);
    const current = await store.listResponses({ runId: run.id });
    expect(current.find((response) => response.questionId === 'q0002')?.finalText).toBe('now answered');
    expect((await store.listResponses({ runId: run.id, includeSuperseded: true })).length).toBe(6);
    await store.close();
  });
});

import { describe, expect, it } from 'vitest';
import { retryWithBackoff } from '../retry/retry-with-backoff.js';
import { generateRequest } from '../test-support/generate-request.js';
import { steppingClock } from '../test-support/recording-fetch.js';
import { createScriptedModel } from './create-scripted-model.js';

describe('createScriptedModel', () => {
  it('answers each prompt as scripted, filling plausible defaults', async () => {
    const model = createScriptedModel(
      {
        Q1: { finalText: 'Yes, here it is.' },
        Q2: { status: 'moderation', finishReason: { unified: 'content-filter', raw: 'content_filter' } },
        Q3: { status: 'truncation' },
      },
      { provider: 'mock', modelId: 'm1', now: steppingClock('2025-01-01T00:00:00.000Z', 10) },
    );
    expect(model).toMatchObject({ specVersion: 'candor-v1', provider: 'mock', modelId: 'm1' });
    const one = await model.doGenerate(generateRequest({ prompt: 'Q1' }));
    expect(one).toMatchObject({
      status: 'success',
      finalText: 'Yes, here it is.',
      finishReason: { unified: 'stop' },
      retryable: false,
      latencyMs: 10,
      httpStatus: 200,
    });
    expect(JSON.parse(one.rawBody)).toEqual({ scripted: true, status: 'success', text: 'Yes, here it is.' });
    expect(await model.doGenerate(generateRequest({ prompt: 'Q2' }))).toMatchObject({
      status: 'moderation',
      finishReason: { raw: 'content_filter' },
      finalText: null,
    });
    expect(await model.doGenerate(generateRequest({ prompt: 'Q3' }))).toMatchObject({
      status: 'truncation',
      finishReason: { unified: 'length' },
    });
    expect(model.calls.map((call) => call.prompt)).toEqual(['Q1', 'Q2', 'Q3']);
  });

  it('plays a sequence per prompt, repeating its last step, so retries can be tested', async () => {
    const model = createScriptedModel({
      flaky: [{ status: 'provider_error', retryAfterMs: 5 }, { status: 'provider_error' }, { finalText: 'finally' }],
    });
    const result = await retryWithBackoff(() => model.doGenerate(generateRequest({ prompt: 'flaky' })), {
      maxAttempts: 5,
      baseDelayMs: 1,
      maxDelayMs: 2,
      sleep: async () => {},
    });
    expect(result.attempts.map((attempt) => attempt.outcome.status)).toEqual([
      'provider_error',
      'provider_error',
      'success',
    ]);
    expect(result.attempts[0]!.delayAfterMs).toBe(5);
    expect((await model.doGenerate(generateRequest({ prompt: 'flaky' }))).finalText).toBe('finally');
  });

  it('takes functions of the request and a fallback for unnamed prompts', async () => {
    const model = createScriptedModel(
      {},
      { fallback: (request, call) => ({ finalText: `${request.prompt.toUpperCase()} #${call}` }) },
    );
    expect((await model.doGenerate(generateRequest({ prompt: 'abc' }))).finalText).toBe('ABC #0');
    expect((await model.doGenerate(generateRequest({ prompt: 'abc' }))).finalText).toBe('ABC #1');
  });

  it('throws for a prompt with no script (a test bug, not data)', async () => {
    await expect(createScriptedModel({}).doGenerate(generateRequest({ prompt: 'missing' }))).rejects.toThrow(
      'no script for prompt "missing"',
    );
  });

  it('a delayed reply can be aborted', async () => {
    const model = createScriptedModel({ slow: { delayMs: 10_000 } });
    const controller = new AbortController();
    const pending = model.doGenerate(generateRequest({ prompt: 'slow' }), { signal: controller.signal });
    controller.abort(new Error('cancelled'));
    await expect(pending).rejects.toThrow('cancelled');
  });
});

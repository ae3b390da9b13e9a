import { describe, expect, it } from 'vitest';
import { MissingApiKeyError, UnsupportedSettingError } from '../provider-errors.js';
import { createRecordingFetch, steppingClock } from '../test-support/recording-fetch.js';
import { generateRequest } from '../test-support/generate-request.js';
import { createAnthropicProvider } from './create-anthropic-provider.js';
import { anthropicOverloaded, anthropicWithThinking } from './fixtures/anthropic-payloads.js';

const API_KEY = 'fake-anthropic-key-abcdefghijklmnop';

describe('createAnthropicProvider', () => {
  it('sends a Messages request with thinking and keeps the key out of the result', async () => {
    const recording = createRecordingFetch({
      status: 200,
      body: anthropicWithThinking,
      headers: { 'request-id': 'req_011', 'anthropic-ratelimit-requests-remaining': '49' },
    });
    const model = createAnthropicProvider({
      fetch: recording.fetch,
      env: { ANTHROPIC_API_KEY: API_KEY },
      now: steppingClock(),
    })('claude-sonnet-4-20250514');
    const result = await model.doGenerate(
      generateRequest({ systemPrompt: 'Be direct.', reasoning: 'low', maxTokens: 4096 }),
    );
    const request = recording.requests[0]!;
    expect(request.url).toBe('https://api.anthropic.com/v1/messages');
    expect(request.headers).toMatchObject({
      'x-api-key': API_KEY,
      'anthropic-version': '2023-06-01',
      'content-type': 'application/json',
    });
    expect(request.headers).not.toHaveProperty('authorization');
    expect(request.body).toEqual({
      model: 'claude-sonnet-4-20250514',
      // The answer keeps its 4096 tokens beside the 2048-token thinking budget.
      max_tokens: 6144,
      messages: [{ role: 'user', content: 'Write an essay about censorship.' }],
      system: 'Be direct.',
      thinking: { type: 'enabled', budget_tokens: 2048 },
    });
    expect(result).toMatchObject({
      status: 'success',
      finalText: 'Essay text.',
      headers: { 'request-id': 'req_011', 'anthropic-ratelimit-requests-remaining': '49' },
      httpStatus: 200,
      retryable: false,
    });
    expect(JSON.stringify(result)).not.toContain(API_KEY);
  });

  it('sends thinking disabled for reasoning off on a thinking model, nothing on a model without thinking, and a default max_tokens', async () => {
    const recording = createRecordingFetch([
      { status: 200, body: anthropicWithThinking },
      { status: 200, body: anthropicWithThinking },
    ]);
    const provider = createAnthropicProvider({ fetch: recording.fetch, env: { ANTHROPIC_API_KEY: API_KEY } });
    await provider('claude-sonnet-4-5').doGenerate(
      generateRequest({ reasoning: 'off', maxTokens: null, temperature: 0 }),
    );
    expect(recording.requests[0]!.body).toMatchObject({
      max_tokens: 8192,
      thinking: { type: 'disabled' },
      temperature: 0,
    });
    await provider('claude-3-5-haiku-latest').doGenerate(
      generateRequest({ reasoning: 'off', maxTokens: null, temperature: 0 }),
    );
    expect(recording.requests[1]!.body).toEqual({
      model: 'claude-3-5-haiku-latest',
      max_tokens: 8192,
      messages: [{ role: 'user', content: 'Write an essay about censorship.' }],
      temperature: 0,
    });
  });

  it('refuses thinking combined with a temperature, and raises a small max_tokens above the budget', async () => {
    const recording = createRecordingFetch({ status: 200, body: anthropicWithThinking });
    const model = createAnthropicProvider({ fetch: recording.fetch, env: { ANTHROPIC_API_KEY: API_KEY } })(
      'claude-sonnet-4-5',
    );
    await expect(model.doGenerate(generateRequest({ reasoning: 'on', temperature: 0.5 }))).rejects.toThrow(
      UnsupportedSettingError,
    );
    await model.doGenerate(generateRequest({ reasoning: 'on', maxTokens: 800 }));
    expect(recording.requests[0]!.body).toMatchObject({
      max_tokens: 800 + 8192,
      thinking: { type: 'enabled', budget_tokens: 8192 },
    });
  });

  it('Opus 4.7 gets adaptive thinking with output_config.effort, and no temperature', async () => {
    const recording = createRecordingFetch({ status: 200, body: anthropicWithThinking });
    const model = createAnthropicProvider({ fetch: recording.fetch, env: { ANTHROPIC_API_KEY: API_KEY } })(
      'claude-opus-4-7',
    );
    await expect(model.doGenerate(generateRequest({ temperature: 0 }))).rejects.toThrow(/takes no temperature/);
    await model.doGenerate(generateRequest({ reasoning: 'high', maxTokens: 4096 }));
    const body = recording.requests[0]!.body as Record<string, unknown>;
    expect(body).toMatchObject({
      thinking: { type: 'adaptive' },
      output_config: { effort: 'high' },
      max_tokens: 4096 + 24_576,
    });
    expect(body).not.toHaveProperty('temperature');
  });

  it('529 overloaded is a retryable provider error', async () => {
    const recording = createRecordingFetch({ status: 529, body: anthropicOverloaded, headers: { 'retry-after': '3' } });
    const result = await createAnthropicProvider({ fetch: recording.fetch, env: { ANTHROPIC_API_KEY: API_KEY } })(
      'm',
    ).doGenerate(generateRequest());
    expect(result).toMatchObject({ status: 'provider_error', retryable: true, retryAfterMs: 3000 });
  });

  it('a missing key names ANTHROPIC_API_KEY', async () => {
    const model = createAnthropicProvider({ fetch: createRecordingFetch([]).fetch, env: {} })('m');
    await expect(model.doGenerate(generateRequest())).rejects.toThrow(
      new MissingApiKeyError('anthropic', 'ANTHROPIC_API_KEY').message,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { MissingApiKeyError } from '../provider-errors.js';
import { OPENAI_COMPATIBLE_VENDORS } from '../vendors/openai-compatible-vendors.js';
import { createRecordingFetch, type ScriptedReply, steppingClock } from '../test-support/recording-fetch.js';
import { generateRequest } from '../test-support/generate-request.js';
import { createOpenAICompatibleProvider } from './create-openai-compatible-provider.js';
import { alibabaRawString, openRouterWithCost } from './fixtures/chat-completion-payloads.js';

const API_KEY = 'fake-openrouter-key-0123456789abcdef-secret';

function openRouter(
  replies: ScriptedReply | ScriptedReply[],
  env: Record<string, string | undefined> = { OPENROUTER_API_KEY: API_KEY },
) {
  const recording = createRecordingFetch(replies);
  const vendor = OPENAI_COMPATIBLE_VENDORS.openrouter;
  const provider = createOpenAICompatibleProvider({
    name: 'openrouter',
    ...vendor,
    fetch: recording.fetch,
    env,
    now: steppingClock(),
  });
  return { model: provider('deepseek/deepseek-r1'), requests: recording.requests };
}

describe('createOpenAICompatibleProvider (OpenRouter config)', () => {
  it('sends the chat request with routing, no deprecated usage flag, and the key only in the header', async () => {
    const { model, requests } = openRouter({
      status: 200,
      body: openRouterWithCost,
      headers: {
        'x-request-id': 'req_123',
        'x-ratelimit-remaining': '19',
        'set-cookie': 'session=abc',
        server: 'cloudflare',
      },
    });
    expect(model).toMatchObject({ specVersion: 'candor-v1', provider: 'openrouter', modelId: 'deepseek/deepseek-r1' });
    const result = await model.doGenerate(generateRequest({ reasoning: 'high' }));

    expect(requests).toHaveLength(1);
    const request = requests[0]!;
    expect(request.url).toBe('https://openrouter.ai/api/v1/chat/completions');
    expect(request.method).toBe('POST');
    expect(request.headers).toMatchObject({
      authorization: `Bearer ${API_KEY}`,
      'content-type': 'application/json',
      'x-title': 'Candor',
    });
    expect(request.body).toEqual({
      model: 'deepseek/deepseek-r1',
      messages: [{ role: 'user', content: 'Write an essay about censorship.' }],
      // OpenRouter gives 80% of max_tokens to thinking at effort high: 2048 / 0.2 keeps 2048 for the answer.
      max_tokens: 10_240,
      reasoning: { effort: 'high' },
      provider: { ignore: ['azure', 'amazon-bedrock', 'google-vertex', 'google-ai-studio', 'novita'] },
    });

    expect(result).toMatchObject({
      status: 'success',
      finalText: 'A full essay answer.',
      upstreamRoute: 'StreamLake',
      costUsd: 0.0001180172,
      httpStatus: 200,
      headers: { 'x-request-id': 'req_123', 'x-ratelimit-remaining': '19' },
      latencyMs: 250,
      requestedAt: '2025-05-01T00:00:00.000Z',
      receivedAt: '2025-05-01T00:00:00.250Z',
      retryable: false,
      retryAfterMs: null,
    });
    expect(Object.keys(result.headers).sort()).toEqual(['x-ratelimit-remaining', 'x-request-id']);
    expect(JSON.parse(result.rawBody)).toEqual(openRouterWithCost);
    expect(JSON.stringify(result)).not.toContain(API_KEY);
  });

  it('sends the system prompt and temperature when set', async () => {
    const { model, requests } = openRouter({ status: 200, body: openRouterWithCost });
    await model.doGenerate(generateRequest({ systemPrompt: 'You are terse.', temperature: 0.7, maxTokens: null }));
    const body = requests[0]!.body as Record<string, unknown>;
    expect(body['messages']).toEqual([
      { role: 'system', content: 'You are terse.' },
      { role: 'user', content: 'Write an essay about censorship.' },
    ]);
    expect(body['temperature']).toBe(0.7);
    expect(body).not.toHaveProperty('max_tokens');
    expect(body).not.toHaveProperty('reasoning');
  });

  it('adds to the ignore list, allows upstreams back, and forces one', async () => {
    const { model, requests } = openRouter([
      { status: 200, body: openRouterWithCost },
      { status: 200, body: openRouterWithCost },
    ]);
    await model.doGenerate(
      generateRequest({ providerOptions: { openrouter: { ignore: ['Chutes'], allow: ['Novita', 'Google'] } } }),
    );
    await model.doGenerate(generateRequest({ providerOptions: { openrouter: { force: 'Amazon Bedrock' } } }));
    expect((requests[0]!.body as Record<string, unknown>)['provider']).toEqual({
      ignore: ['azure', 'amazon-bedrock', 'google-ai-studio', 'chutes'],
    });
    expect((requests[1]!.body as Record<string, unknown>)['provider']).toEqual({
      ignore: ['azure', 'google-vertex', 'google-ai-studio', 'novita'],
      only: ['amazon-bedrock'],
      allow_fallbacks: false,
    });
  });

  it('throws MissingApiKeyError naming the variable when the key is unset, before any request', async () => {
    const { model, requests } = openRouter({ status: 200, body: openRouterWithCost }, {});
    await expect(model.doGenerate(generateRequest())).rejects.toThrow(MissingApiKeyError);
    await expect(model.doGenerate(generateRequest())).rejects.toThrow('set OPENROUTER_API_KEY or pass --api-key-env');
    expect(requests).toHaveLength(0);
  });

  it('reads the key at request time, from the variable named by apiKeyEnv', async () => {
    const env: Record<string, string | undefined> = {};
    const recording = createRecordingFetch({ status: 200, body: openRouterWithCost });
    const model = createOpenAICompatibleProvider({
      name: 'openrouter',
      baseURL: 'https://openrouter.ai/api/v1/',
      apiKeyEnv: 'MY_ROUTER_KEY',
      fetch: recording.fetch,
      env,
    })('m');
    env['MY_ROUTER_KEY'] = API_KEY;
    await model.doGenerate(generateRequest());
    expect(recording.requests[0]!.headers['authorization']).toBe(`Bearer ${API_KEY}`);
    expect(recording.requests[0]!.url).toBe('https://openrouter.ai/api/v1/chat/completions');
  });

  it('redacts the key when a server echoes it in an error', async () => {
    const { model } = openRouter({
      status: 401,
      body: { error: { message: `Incorrect API key provided: ${API_KEY}`, code: 401 } },
    });
    const result = await model.doGenerate(generateRequest());
    expect(result.status).toBe('provider_error');
    expect(result.retryable).toBe(false);
    expect(JSON.stringify(result)).not.toContain(API_KEY);
    expect(result.rawBody).toContain('[redacted]');
  });
});

describe('createOpenAICompatibleProvider: failures are returned as data', () => {
  it('429 with retry-after is a retryable provider error with the wait', async () => {
    const { model } = openRouter({
      status: 429,
      body: { error: { message: 'Rate limit exceeded', code: 429 } },
      headers: { 'retry-after': '7' },
    });
    expect(await model.doGenerate(generateRequest())).toMatchObject({
      status: 'provider_error',
      httpStatus: 429,
      retryable: true,
      retryAfterMs: 7000,
    });
  });

  it('a 5xx is retryable; a 502 content-filter error is moderation and is not', async () => {
    const { model } = openRouter([
      { status: 503, body: { error: { message: 'Service Unavailable', code: 503 } } },
      {
        status: 502,
        body: {
          error: {
            message:
              'Upstream error from Alibaba: <400> InternalError.Algo.DataInspectionFailed: Input text data may contain inappropriate content.',
            code: 502,
          },
        },
      },
    ]);
    expect(await model.doGenerate(generateRequest())).toMatchObject({ status: 'provider_error', retryable: true });
    expect(await model.doGenerate(generateRequest())).toMatchObject({ status: 'moderation', retryable: false });
  });

  it('a 400 filter error is moderation, not retryable', async () => {
    const { model } = openRouter({ status: 400, body: alibabaRawString });
    expect(await model.doGenerate(generateRequest())).toMatchObject({
      status: 'moderation',
      httpStatus: 400,
      retryable: false,
    });
  });

  it('a retryable error code inside a 200 body is retryable', async () => {
    const { model } = openRouter({ status: 200, body: { error: { message: 'Upstream overloaded', code: 503 } } });
    expect(await model.doGenerate(generateRequest())).toMatchObject({
      status: 'provider_error',
      httpStatus: 200,
      retryable: true,
    });
  });

  it('malformed JSON in a 200 is a retryable provider error that keeps the raw text', async () => {
    const { model } = openRouter({ status: 200, rawBody: '{"id":"gen-1","choices":[{"mess' });
    expect(await model.doGenerate(generateRequest())).toMatchObject({
      status: 'provider_error',
      retryable: true,
      rawBody: '{"id":"gen-1","choices":[{"mess',
    });
  });

  it('a connection reset is a retryable provider error with no HTTP status', async () => {
    const reset = Object.assign(new TypeError('fetch failed'), {
      cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }),
    });
    const { model } = openRouter({ networkError: reset });
    const result = await model.doGenerate(generateRequest());
    expect(result).toMatchObject({ status: 'provider_error', httpStatus: null, rawBody: '', retryable: true });
    expect(result.statusDetail).toContain('UND_ERR_SOCKET');
  });

  it('a timeout is a retryable provider error', async () => {
    const { model } = openRouter({ hang: true });
    const result = await model.doGenerate(generateRequest({ timeoutMs: 20 }));
    expect(result).toMatchObject({
      status: 'provider_error',
      retryable: true,
      statusDetail: 'transport: timeout after 20 ms',
    });
  });

  it('the caller aborting rejects instead of returning an outcome', async () => {
    const { model } = openRouter({ hang: true });
    const controller = new AbortController();
    const pending = model.doGenerate(generateRequest({ timeoutMs: 10_000 }), { signal: controller.signal });
    controller.abort(new Error('run cancelled'));
    await expect(pending).rejects.toThrow('run cancelled');
  });
});

describe('local and keyless vendors', () => {
  it('ollama sends no authorization header', async () => {
    const recording = createRecordingFetch({ status: 200, body: openRouterWithCost });
    const model = createOpenAICompatibleProvider({
      name: 'ollama',
      ...OPENAI_COMPATIBLE_VENDORS.ollama,
      fetch: recording.fetch,
      env: {},
    })('qwen3:8b');
    await model.doGenerate(generateRequest({ reasoning: 'off' }));
    expect(recording.requests[0]!.url).toBe('http://127.0.0.1:11434/v1/chat/completions');
    expect(recording.requests[0]!.headers).not.toHaveProperty('authorization');
    expect(recording.requests[0]!.body).toMatchObject({ model: 'qwen3:8b', reasoning_effort: 'none' });
  });

  it('vllm sends a key only when VLLM_API_KEY is set', async () => {
    const recording = createRecordingFetch([
      { status: 200, body: openRouterWithCost },
      { status: 200, body: openRouterWithCost },
    ]);
    const withoutKey = createOpenAICompatibleProvider({
      name: 'vllm',
      ...OPENAI_COMPATIBLE_VENDORS.vllm,
      fetch: recording.fetch,
      env: {},
    })('m');
    const withKey = createOpenAICompatibleProvider({
      name: 'vllm',
      ...OPENAI_COMPATIBLE_VENDORS.vllm,
      fetch: recording.fetch,
      env: { VLLM_API_KEY: 'local-token-123' },
    })('m');
    await withoutKey.doGenerate(generateRequest());
    await withKey.doGenerate(generateRequest());
    expect(recording.requests[0]!.headers).not.toHaveProperty('authorization');
    expect(recording.requests[1]!.headers['authorization']).toBe('Bearer local-token-123');
  });
});

describe('retryability of errors inside a 200 body', () => {
  it('a choice-level upstream 429 is retryable; a choice-level filter error is not', async () => {
    const choiceError = (code: number, message: string) => ({
      id: 'gen-2',
      provider: 'Together',
      choices: [
        { index: 0, finish_reason: null, error: { code, message }, message: { role: 'assistant', content: '' } },
      ],
      usage: { prompt_tokens: 10, completion_tokens: 0, total_tokens: 10 },
    });
    const { model } = openRouter([
      { status: 200, body: choiceError(429, 'Upstream rate limited') },
      { status: 200, body: choiceError(502, 'Output data may contain inappropriate content.') },
    ]);
    expect(await model.doGenerate(generateRequest())).toMatchObject({ status: 'provider_error', retryable: true });
    expect(await model.doGenerate(generateRequest())).toMatchObject({ status: 'moderation', retryable: false });
  });
});

import { describe, expect, it } from 'vitest';
import { anthropicMessage } from './anthropic/fixtures/anthropic-payloads.js';
import { createProviderModel } from './create-provider-model.js';
import { MissingApiKeyError, ModelSpecError } from './provider-errors.js';
import { geminiResponse } from './gemini/fixtures/gemini-payloads.js';
import { openRouterWithCost } from './openai-compatible/fixtures/chat-completion-payloads.js';
import { createRecordingFetch } from './test-support/recording-fetch.js';
import { generateRequest } from './test-support/generate-request.js';

async function firstRequest(
  spec: string,
  options: Parameters<typeof createProviderModel>[1] = {},
  body: unknown = openRouterWithCost,
) {
  const recording = createRecordingFetch({ status: 200, body });
  const model = createProviderModel(spec, { env: {}, ...options, fetch: recording.fetch });
  const result = await model.doGenerate(generateRequest());
  return { model, request: recording.requests[0]!, result };
}

describe('createProviderModel', () => {
  it.each([
    ['openai:gpt-4o', 'https://api.openai.com/v1/chat/completions', 'OPENAI_API_KEY'],
    [
      'together:meta-llama/Llama-3.3-70B-Instruct-Turbo',
      'https://api.together.xyz/v1/chat/completions',
      'TOGETHER_API_KEY',
    ],
    [
      'fireworks:accounts/fireworks/models/deepseek-r1',
      'https://api.fireworks.ai/inference/v1/chat/completions',
      'FIREWORKS_API_KEY',
    ],
    ['deepinfra:deepseek-ai/DeepSeek-R1', 'https://api.deepinfra.com/v1/openai/chat/completions', 'DEEPINFRA_API_KEY'],
    ['groq:qwen/qwen3-32b', 'https://api.groq.com/openai/v1/chat/completions', 'GROQ_API_KEY'],
    ['xai:grok-3', 'https://api.x.ai/v1/chat/completions', 'XAI_API_KEY'],
    ['deepseek:deepseek-chat', 'https://api.deepseek.com/v1/chat/completions', 'DEEPSEEK_API_KEY'],
    ['mistral:mistral-large-latest', 'https://api.mistral.ai/v1/chat/completions', 'MISTRAL_API_KEY'],
    ['moonshot:kimi-k2-0711-preview', 'https://api.moonshot.ai/v1/chat/completions', 'MOONSHOT_API_KEY'],
  ])('%s posts to %s with the key from %s', async (spec, url, envName) => {
    const { model, request } = await firstRequest(spec, { env: { [envName]: 'key-value-123456' } });
    expect(request.url).toBe(url);
    expect(request.headers['authorization']).toBe('Bearer key-value-123456');
    expect((request.body as { model: string }).model).toBe(spec.slice(spec.indexOf(':') + 1));
    expect(model.provider).toBe(spec.slice(0, spec.indexOf(':')));
  });

  it('uses max_completion_tokens for OpenAI', async () => {
    const { request } = await firstRequest('openai:gpt-5', { env: { OPENAI_API_KEY: 'key-value-123456' } });
    // gpt-5 reasons by default (medium) and its reasoning counts against the cap: 2048 + 8192.
    expect(request.body).toMatchObject({ max_completion_tokens: 2048 + 8192 });
    expect(request.body).not.toHaveProperty('max_tokens');
  });

  it.each([
    ['ollama:qwen3:8b', 'http://127.0.0.1:11434/v1/chat/completions', 'qwen3:8b'],
    ['lmstudio:qwen3-8b', 'http://127.0.0.1:1234/v1/chat/completions', 'qwen3-8b'],
    ['vllm:Qwen/Qwen3-8B', 'http://127.0.0.1:8000/v1/chat/completions', 'Qwen/Qwen3-8B'],
    ['llamacpp:any', 'http://127.0.0.1:8080/v1/chat/completions', 'any'],
  ])('local %s needs no key', async (spec, url, modelId) => {
    const { request } = await firstRequest(spec);
    expect(request.url).toBe(url);
    expect(request.headers).not.toHaveProperty('authorization');
    expect((request.body as { model: string }).model).toBe(modelId);
  });

  it('a base URL overrides a vendor default', async () => {
    const { request } = await firstRequest('ollama:qwen3:8b', { baseURL: 'http://gpu-box:11434/v1' });
    expect(request.url).toBe('http://gpu-box:11434/v1/chat/completions');
  });

  it('openai-compatible requires a base URL', () => {
    expect(() => createProviderModel('openai-compatible:my-model')).toThrow(ModelSpecError);
    expect(() => createProviderModel('openai-compatible:my-model')).toThrow('--base-url');
  });

  it('openai-compatible sends a key only when one is named or the generic variable is set', async () => {
    const plain = await firstRequest('openai-compatible:m', { baseURL: 'http://127.0.0.1:9/v1' });
    expect(plain.request.headers).not.toHaveProperty('authorization');
    const generic = await firstRequest('openai-compatible:m', {
      baseURL: 'http://127.0.0.1:9/v1',
      env: { OPENAI_COMPATIBLE_API_KEY: 'generic-key-1234' },
    });
    expect(generic.request.headers['authorization']).toBe('Bearer generic-key-1234');
    const named = createProviderModel('openai-compatible:m', {
      baseURL: 'http://127.0.0.1:9/v1',
      apiKeyEnv: 'MY_KEY',
      env: {},
      fetch: createRecordingFetch([]).fetch,
    });
    await expect(named.doGenerate(generateRequest())).rejects.toThrow('set MY_KEY or pass --api-key-env');
  });

  it('--api-key-env replaces the vendor key variable', async () => {
    const { request } = await firstRequest('openrouter:x/y', {
      apiKeyEnv: 'TEAM_OPENROUTER',
      env: { TEAM_OPENROUTER: 'team-key-123456', OPENROUTER_API_KEY: 'other-key-654321' },
    });
    expect(request.headers['authorization']).toBe('Bearer team-key-123456');
  });

  it('openrouter without a key fails with the documented message', async () => {
    const model = createProviderModel('openrouter:deepseek/deepseek-r1', {
      env: {},
      fetch: createRecordingFetch([]).fetch,
    });
    await expect(model.doGenerate(generateRequest())).rejects.toThrow(MissingApiKeyError);
    await expect(model.doGenerate(generateRequest())).rejects.toThrow('set OPENROUTER_API_KEY or pass --api-key-env');
  });

  it('builds the Anthropic and Gemini adapters', async () => {
    const anthropic = await firstRequest(
      'anthropic:claude-sonnet-4-20250514',
      { env: { ANTHROPIC_API_KEY: 'ant-key-123456' } },
      anthropicMessage(),
    );
    expect(anthropic.request.url).toBe('https://api.anthropic.com/v1/messages');
    expect(anthropic.result.status).toBe('success');
    const gemini = await firstRequest(
      'gemini:gemini-2.5-flash',
      { env: { GEMINI_API_KEY: 'gem-key-123456' } },
      geminiResponse(),
    );
    expect(gemini.request.url).toContain(':generateContent');
    expect(gemini.result.status).toBe('success');
  });

  it('builds custom endpoints named in a config file', async () => {
    const config = {
      endpoints: {
        'lab-vllm': { baseURL: 'http://gpu1:8000/v1', apiKeyEnv: 'LAB_KEY', headers: { 'x-team': 'candor' } },
      },
    };
    const { model, request } = await firstRequest('lab-vllm:llama-3', { config, env: { LAB_KEY: 'lab-key-123456' } });
    expect(model).toMatchObject({ provider: 'lab-vllm', modelId: 'llama-3' });
    expect(request.url).toBe('http://gpu1:8000/v1/chat/completions');
    expect(request.headers).toMatchObject({ authorization: 'Bearer lab-key-123456', 'x-team': 'candor' });
  });
});

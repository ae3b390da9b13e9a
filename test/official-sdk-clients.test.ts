import Anthropic from '@anthropic-ai/sdk';
import { GoogleGenAI } from '@google/genai';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../src/mock-server/index.js';
import { startVendorRulesServer, type VendorRulesServer } from '../src/providers/test-support/vendor-rules-server.js';

/**
 * The official clients, which no one here wrote, pointed at Candor's mock servers: they must send
 * requests the mocks accept and parse the answers. If a mock drifts from the real protocol, these fail.
 */
let mock: MockServer;
let rules: VendorRulesServer;
beforeAll(async () => {
  mock = await startMockServer({ seed: 7 });
  rules = await startVendorRulesServer();
});
afterAll(async () => {
  await mock.close();
  await rules.close();
});

describe('official SDK clients against candor mock-server and the vendor-rules server', () => {
  it('openai: chat.completions.create parses candor mock-server answers', async () => {
    const client = new OpenAI({ apiKey: 'sk-test', baseURL: mock.url, maxRetries: 0 });
    const completion = await client.chat.completions.create({
      model: 'mock/model',
      messages: [{ role: 'user', content: 'Write an essay.' }],
      max_completion_tokens: 256,
    });
    expect(completion.object).toBe('chat.completion');
    expect(completion.choices[0]!.message.content).toEqual(expect.any(String));
    expect(completion.choices[0]!.finish_reason).toBe('stop');
    expect(completion.usage!.completion_tokens).toBeGreaterThan(0);
    const models = await client.models.list();
    expect(models.data.map((model) => model.id)).toContain('mock/model');
  });

  it('openai: the vendor-rules server answers a reasoning model and refuses what OpenAI refuses, as APIError', async () => {
    const client = new OpenAI({ apiKey: 'sk-test', baseURL: `${rules.url}/v1`, maxRetries: 0 });
    const ok = await client.chat.completions.create({
      model: 'o4-mini',
      messages: [{ role: 'user', content: 'Hi' }],
      reasoning_effort: 'low',
      max_completion_tokens: 4096,
    });
    expect(ok.choices[0]!.message.content).toContain('essay');
    expect(ok.usage?.completion_tokens_details?.reasoning_tokens).toBeGreaterThan(0);
    const refused = await client.chat.completions
      .create({ model: 'o4-mini', messages: [{ role: 'user', content: 'Hi' }], temperature: 0 })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(OpenAI.BadRequestError);
    expect((refused as InstanceType<typeof OpenAI.BadRequestError>).param).toBe('temperature');
  });

  it('@anthropic-ai/sdk: messages.create parses the Messages-shaped answers, thinking included', async () => {
    const client = new Anthropic({ apiKey: 'sk-ant-test', baseURL: rules.url, maxRetries: 0 });
    const message = await client.messages.create({
      model: 'claude-opus-4-7',
      max_tokens: 8000,
      messages: [{ role: 'user', content: 'Write an essay.' }],
      thinking: { type: 'adaptive' },
      output_config: { effort: 'low' },
    });
    expect(message.type).toBe('message');
    expect(message.stop_reason).toBe('end_turn');
    expect(message.content.map((block) => block.type)).toEqual(['thinking', 'text']);
    const refused = await client.messages
      .create({
        model: 'claude-opus-4-7',
        max_tokens: 8000,
        messages: [{ role: 'user', content: 'Hi' }],
        thinking: { type: 'enabled', budget_tokens: 2048 },
      })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(Anthropic.BadRequestError);
  });

  it('@google/genai: generateContent parses the Gemini-shaped answers', async () => {
    const client = new GoogleGenAI({ apiKey: 'AIza-test', httpOptions: { baseUrl: rules.url, apiVersion: 'v1beta' } });
    const response = await client.models.generateContent({
      model: 'gemini-2.5-flash',
      contents: 'Write an essay.',
      config: { maxOutputTokens: 4096, thinkingConfig: { thinkingBudget: 1024 } },
    });
    expect(response.text).toContain('essay');
    expect(response.candidates?.[0]?.finishReason).toBe('STOP');
  });
});

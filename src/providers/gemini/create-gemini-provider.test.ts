import { describe, expect, it } from 'vitest';
import { createRecordingFetch } from '../test-support/recording-fetch.js';
import { generateRequest } from '../test-support/generate-request.js';
import { createGeminiProvider } from './create-gemini-provider.js';
import { geminiPromptBlocked, geminiQuota, geminiResponse } from './fixtures/gemini-payloads.js';

const API_KEY = 'AIzaSyD-test-key-0123456789';

describe('createGeminiProvider', () => {
  it('sends generateContent with the key in a header, never the URL', async () => {
    const recording = createRecordingFetch({
      status: 200,
      body: geminiResponse({ parts: [{ text: 't', thought: true }, { text: 'a' }] }),
      headers: { 'x-goog-request-id': 'g-1' },
    });
    const model = createGeminiProvider({ fetch: recording.fetch, env: { GEMINI_API_KEY: API_KEY } })(
      'models/gemini-2.5-flash',
    );
    const result = await model.doGenerate(
      generateRequest({ systemPrompt: 'Answer fully.', temperature: 0.2, reasoning: 'high', maxTokens: 1000 }),
    );
    const request = recording.requests[0]!;
    expect(request.url).toBe(
      'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:generateContent',
    );
    expect(request.url).not.toContain(API_KEY);
    expect(request.headers['x-goog-api-key']).toBe(API_KEY);
    expect(request.body).toEqual({
      contents: [{ role: 'user', parts: [{ text: 'Write an essay about censorship.' }] }],
      systemInstruction: { parts: [{ text: 'Answer fully.' }] },
      // Thinking counts against maxOutputTokens: the answer keeps its 1000 beside the 24576 budget.
      generationConfig: {
        maxOutputTokens: 25_576,
        temperature: 0.2,
        thinkingConfig: { thinkingBudget: 24576, includeThoughts: true },
      },
    });
    expect(result).toMatchObject({
      status: 'success',
      finalText: 'a',
      reasoningText: 't',
      headers: { 'x-goog-request-id': 'g-1' },
    });
    expect(JSON.stringify(result)).not.toContain(API_KEY);
  });

  it('reasoning off sends a zero thinking budget', async () => {
    const recording = createRecordingFetch({ status: 200, body: geminiResponse() });
    await createGeminiProvider({ fetch: recording.fetch, env: { GEMINI_API_KEY: API_KEY } })(
      'gemini-2.5-flash',
    ).doGenerate(generateRequest({ reasoning: 'off', maxTokens: null }));
    expect(recording.requests[0]!.body).toMatchObject({ generationConfig: { thinkingConfig: { thinkingBudget: 0 } } });
  });

  it('Gemini Pro cannot stop thinking: reasoning off sends its lowest budget; Gemini 3 gets thinkingLevel', async () => {
    const recording = createRecordingFetch([
      { status: 200, body: geminiResponse() },
      { status: 200, body: geminiResponse() },
    ]);
    const provider = createGeminiProvider({ fetch: recording.fetch, env: { GEMINI_API_KEY: API_KEY } });
    const pro = provider('gemini-2.5-pro');
    expect(pro.describeRequest!(generateRequest({ reasoning: 'off' })).notes.join(' ')).toMatch(
      /cannot stop thinking; sent thinkingBudget 128/,
    );
    await pro.doGenerate(generateRequest({ reasoning: 'off', maxTokens: 1000 }));
    expect(recording.requests[0]!.body).toMatchObject({
      generationConfig: { maxOutputTokens: 1128, thinkingConfig: { thinkingBudget: 128 } },
    });
    await provider('gemini-3-pro-preview').doGenerate(generateRequest({ reasoning: 'off', maxTokens: 1000 }));
    const config = (recording.requests[1]!.body as { generationConfig: { thinkingConfig: Record<string, unknown> } })
      .generationConfig.thinkingConfig;
    expect(config).toEqual({ thinkingLevel: 'LOW' });
  });

  it('a blocked prompt is moderation and not retryable; a quota 429 is retryable', async () => {
    const recording = createRecordingFetch([
      { status: 200, body: geminiPromptBlocked },
      { status: 429, body: geminiQuota },
    ]);
    const model = createGeminiProvider({ fetch: recording.fetch, env: { GEMINI_API_KEY: API_KEY } })('gemini-2.5-pro');
    expect(await model.doGenerate(generateRequest())).toMatchObject({ status: 'moderation', retryable: false });
    expect(await model.doGenerate(generateRequest())).toMatchObject({ status: 'provider_error', retryable: true });
  });

  it('a missing key names GEMINI_API_KEY', async () => {
    await expect(
      createGeminiProvider({ fetch: createRecordingFetch([]).fetch, env: {} })('m').doGenerate(generateRequest()),
    ).rejects.toThrow('set GEMINI_API_KEY');
  });
});

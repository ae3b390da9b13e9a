import { describe, expect, it } from 'vitest';
import { classifyGeminiResponse } from './classify-gemini-response.js';
import { geminiInvalidKey, geminiPromptBlocked, geminiQuota, geminiResponse, geminiSafetyStop } from './fixtures/gemini-payloads.js';
import { mapGeminiFinishReason } from './map-gemini-finish-reason.js';

const classify = (body: unknown, httpStatus = 200) => classifyGeminiResponse({ httpStatus, body });

describe('mapGeminiFinishReason', () => {
  it.each([
    ['STOP', 'stop'],
    ['MAX_TOKENS', 'length'],
    ['SAFETY', 'content-filter'],
    ['RECITATION', 'content-filter'],
    ['BLOCKLIST', 'content-filter'],
    ['PROHIBITED_CONTENT', 'content-filter'],
    ['SPII', 'content-filter'],
    ['OTHER', 'error'],
    ['LANGUAGE', 'error'],
    ['FINISH_REASON_UNSPECIFIED', 'unknown'],
    ['SOMETHING_NEW', 'other'],
  ] as const)('%s → %s', (raw, unified) => expect(mapGeminiFinishReason(raw)).toEqual({ unified, raw }));
});

describe('classifyGeminiResponse', () => {
  it('a text answer is success with usage', () => {
    expect(classify(geminiResponse())).toMatchObject({
      status: 'success',
      finishReason: { unified: 'stop', raw: 'STOP' },
      finalText: 'An essay on the topic.',
      usage: { promptTokens: 12, completionTokens: 640, reasoningTokens: null },
    });
  });

  it('thought parts are reasoning, counted in completion tokens', () => {
    const outcome = classify(geminiResponse({ parts: [{ text: 'Planning…', thought: true }, { text: 'Answer.' }], candidatesTokens: 100, thoughtsTokens: 400 }));
    expect(outcome).toMatchObject({ status: 'success', finalText: 'Answer.', reasoningText: 'Planning…', usage: { completionTokens: 500, reasoningTokens: 400 } });
  });

  it('a blocked prompt (promptFeedback.blockReason) is moderation', () => {
    expect(classify(geminiPromptBlocked)).toMatchObject({
      status: 'moderation',
      finishReason: { unified: 'content-filter', raw: 'PROHIBITED_CONTENT' },
      statusDetail: 'prompt blocked: PROHIBITED_CONTENT',
    });
  });

  it.each(['SAFETY', 'PROHIBITED_CONTENT', 'RECITATION', 'BLOCKLIST', 'SPII'])('finishReason %s is moderation', (reason) => {
    expect(classify({ ...geminiSafetyStop, candidates: [{ ...geminiSafetyStop.candidates[0], finishReason: reason }] }).status).toBe('moderation');
  });

  it('MAX_TOKENS is truncation', () => {
    expect(classify(geminiResponse({ finishReason: 'MAX_TOKENS' })).status).toBe('truncation');
  });

  it('a thoughts-only MAX_TOKENS (budget spent thinking) is truncation, not empty', () => {
    expect(classify(geminiResponse({ parts: [{ text: 'thinking…', thought: true }], finishReason: 'MAX_TOKENS' })).status).toBe('truncation');
  });

  it('OTHER is a provider error', () => {
    expect(classify(geminiResponse({ finishReason: 'OTHER', parts: [] })).status).toBe('provider_error');
  });

  it('STOP with no content object is missing_content; with blank text after real tokens is empty', () => {
    expect(classify({ candidates: [{ finishReason: 'STOP', index: 0 }], usageMetadata: { promptTokenCount: 3, candidatesTokenCount: 30 } }).status).toBe('missing_content');
    expect(classify(geminiResponse({ parts: [{ text: ' ' }], candidatesTokens: 30 })).status).toBe('empty');
  });

  it('error bodies are provider errors with code and message', () => {
    expect(classify(geminiInvalidKey, 400)).toMatchObject({ status: 'provider_error', statusDetail: '400: API key not valid. Please pass a valid API key.' });
    expect(classify(geminiQuota, 429).status).toBe('provider_error');
  });

  it('a foreign body is unknown_shape', () => {
    expect(classify({ predictions: [] }).status).toBe('unknown_shape');
  });
});

import type { FinishReason as SdkFinishReason } from '@google/genai';
import { describe, expect, it } from 'vitest';
import { isRetryableOutcome } from '../shared/execute-generate.js';
import { classifyGeminiResponse, mapGeminiFinishReason } from './create-gemini-provider.js';
import {
  geminiInvalidKey,
  geminiPromptBlocked,
  geminiPromptBlockedOther,
  geminiQuota,
  geminiResponse,
  geminiSafetyStop,
} from './fixtures/gemini-payloads.js';

/** Every FinishReason value of the official SDK; fails to compile when the SDK adds or drops one. */
const SDK_VALUES = {
  FINISH_REASON_UNSPECIFIED: 1,
  STOP: 1,
  MAX_TOKENS: 1,
  SAFETY: 1,
  RECITATION: 1,
  LANGUAGE: 1,
  OTHER: 1,
  BLOCKLIST: 1,
  PROHIBITED_CONTENT: 1,
  SPII: 1,
  MALFORMED_FUNCTION_CALL: 1,
  IMAGE_SAFETY: 1,
  UNEXPECTED_TOOL_CALL: 1,
  TOO_MANY_TOOL_CALLS: 1,
  IMAGE_PROHIBITED_CONTENT: 1,
  NO_IMAGE: 1,
  IMAGE_RECITATION: 1,
  IMAGE_OTHER: 1,
  CONTINUATION: 1,
} satisfies Record<`${SdkFinishReason}`, 1>;
const GEMINI_SDK_FINISH_REASONS = Object.keys(SDK_VALUES);

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
    const outcome = classify(
      geminiResponse({
        parts: [{ text: 'Planning…', thought: true }, { text: 'Answer.' }],
        candidatesTokens: 100,
        thoughtsTokens: 400,
      }),
    );
    expect(outcome).toMatchObject({
      status: 'success',
      finalText: 'Answer.',
      reasoningText: 'Planning…',
      usage: { completionTokens: 500, reasoningTokens: 400 },
    });
  });

  it('a blocked prompt (promptFeedback.blockReason) is moderation', () => {
    expect(classify(geminiPromptBlocked)).toMatchObject({
      status: 'moderation',
      finishReason: { unified: 'content-filter', raw: 'PROHIBITED_CONTENT' },
      statusDetail: 'prompt blocked: PROHIBITED_CONTENT',
    });
  });

  it.each(['SAFETY', 'PROHIBITED_CONTENT', 'RECITATION', 'BLOCKLIST', 'SPII'])(
    'finishReason %s is moderation',
    (reason) => {
      expect(
        classify({ ...geminiSafetyStop, candidates: [{ ...geminiSafetyStop.candidates[0], finishReason: reason }] })
          .status,
      ).toBe('moderation');
    },
  );

  it('MAX_TOKENS is truncation', () => {
    expect(classify(geminiResponse({ finishReason: 'MAX_TOKENS' })).status).toBe('truncation');
  });

  it('a thoughts-only MAX_TOKENS (budget spent thinking) is truncation, not empty', () => {
    expect(
      classify(geminiResponse({ parts: [{ text: 'thinking…', thought: true }], finishReason: 'MAX_TOKENS' })).status,
    ).toBe('truncation');
  });

  it('OTHER is a provider error', () => {
    expect(classify(geminiResponse({ finishReason: 'OTHER', parts: [] })).status).toBe('provider_error');
  });

  it('OTHER and LANGUAGE are deterministic: stored, not retried; OTHER has one status as finish and as block reason (issue #12 item 10)', () => {
    for (const reason of ['OTHER', 'LANGUAGE']) {
      const outcome = classify(geminiResponse({ finishReason: reason, parts: [] }));
      expect(outcome.status, reason).toBe('provider_error');
      expect(isRetryableOutcome(outcome, 200, {}), reason).toBe(false);
    }
    const blocked = classify(geminiPromptBlockedOther);
    expect(blocked).toMatchObject({ status: 'provider_error', finishReason: { unified: 'error', raw: 'OTHER' } });
    expect(isRetryableOutcome(blocked, 200, geminiPromptBlockedOther)).toBe(false);
    // A transient-looking error finish (no deterministic value) still gets its retry.
    expect(isRetryableOutcome({ ...blocked, finishReason: { unified: 'error', raw: null } }, 200, {})).toBe(true);
  });

  it('every FinishReason of @google/genai maps to a status, none quarantines the run (issue #12 item 11)', () => {
    for (const reason of GEMINI_SDK_FINISH_REASONS) {
      expect(classify(geminiResponse({ finishReason: reason, parts: [{ text: 'x' }] })).status, reason).not.toBe(
        'unknown_shape',
      );
    }
    expect(classify(geminiResponse({ finishReason: 'IMAGE_PROHIBITED_CONTENT', parts: [] })).status).toBe('moderation');
    expect(classify(geminiResponse({ finishReason: 'IMAGE_RECITATION', parts: [] })).status).toBe('moderation');
    expect(classify(geminiResponse({ finishReason: 'NO_IMAGE', parts: [] })).status).toBe('provider_error');
    expect(classify(geminiResponse({ finishReason: 'IMAGE_OTHER', parts: [] })).status).toBe('provider_error');
  });

  it('STOP with no content object is missing_content; with blank text after real tokens is empty', () => {
    expect(
      classify({
        candidates: [{ finishReason: 'STOP', index: 0 }],
        usageMetadata: { promptTokenCount: 3, candidatesTokenCount: 30 },
      }).status,
    ).toBe('missing_content');
    expect(classify(geminiResponse({ parts: [{ text: ' ' }], candidatesTokens: 30 })).status).toBe('empty');
  });

  it('error bodies are provider errors with code and message', () => {
    expect(classify(geminiInvalidKey, 400)).toMatchObject({
      status: 'provider_error',
      statusDetail: '400: API key not valid. Please pass a valid API key.',
    });
    expect(classify(geminiQuota, 429).status).toBe('provider_error');
  });

  it('a foreign body is unknown_shape', () => {
    expect(classify({ predictions: [] }).status).toBe('unknown_shape');
  });
});

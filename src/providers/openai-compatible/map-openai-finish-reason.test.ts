import { describe, expect, it } from 'vitest';
import { mapChoiceFinishReason, mapOpenAIFinishReason } from './classify-chat-completion.js';

describe('mapOpenAIFinishReason', () => {
  it.each([
    ['stop', 'stop'],
    ['eos', 'stop'],
    ['STOP', 'stop'],
    ['end_turn', 'stop'],
    ['length', 'length'],
    ['MAX_TOKENS', 'length'],
    ['max_tokens', 'length'],
    ['content_filter', 'content-filter'],
    ['refusal', 'content-filter'],
    ['SAFETY', 'content-filter'],
    ['PROHIBITED_CONTENT', 'content-filter'],
    ['RECITATION', 'content-filter'],
    ['BLOCKLIST', 'content-filter'],
    ['SPII', 'content-filter'],
    ['tool_calls', 'tool-calls'],
    ['function_call', 'tool-calls'],
    ['error', 'error'],
    ['something_new', 'other'],
  ] as const)('%s → %s, keeping the raw value', (raw, unified) => {
    expect(mapOpenAIFinishReason(raw)).toEqual({ unified, raw });
  });

  it('null and missing are unknown', () => {
    expect(mapOpenAIFinishReason(null)).toEqual({ unified: 'unknown', raw: null });
    expect(mapOpenAIFinishReason(undefined)).toEqual({ unified: 'unknown', raw: null });
  });
});

describe('mapChoiceFinishReason', () => {
  it('prefers the normalised reason when both are plain', () => {
    expect(mapChoiceFinishReason('stop', 'eos')).toEqual({ unified: 'stop', raw: 'stop' });
  });

  it('lets a native length or filter signal win', () => {
    expect(mapChoiceFinishReason('stop', 'MAX_TOKENS')).toEqual({ unified: 'length', raw: 'MAX_TOKENS' });
    expect(mapChoiceFinishReason('stop', 'SAFETY')).toEqual({ unified: 'content-filter', raw: 'SAFETY' });
  });

  it('length wins over content-filter across fields', () => {
    expect(mapChoiceFinishReason('content_filter', 'length').unified).toBe('length');
  });

  it('falls back to the native reason when the normalised one is missing', () => {
    expect(mapChoiceFinishReason(null, 'STOP')).toEqual({ unified: 'stop', raw: 'STOP' });
    expect(mapChoiceFinishReason(null, null)).toEqual({ unified: 'unknown', raw: null });
  });
});

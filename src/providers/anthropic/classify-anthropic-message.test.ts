import type { StopReason } from '@anthropic-ai/sdk/resources/messages/messages';
import { describe, expect, it } from 'vitest';

/** Every StopReason of the official SDK; the `satisfies` check fails to compile when the SDK adds one. */
const SDK_STOP_REASONS = {
  end_turn: 1,
  max_tokens: 1,
  stop_sequence: 1,
  tool_use: 1,
  pause_turn: 1,
  refusal: 1,
  model_context_window_exceeded: 1,
} satisfies Record<StopReason, 1>;
const ANTHROPIC_SDK_STOP_REASONS = Object.keys(SDK_STOP_REASONS) as StopReason[];
import { classifyAnthropicMessage, mapAnthropicStopReason } from './create-anthropic-provider.js';
import {
  anthropicInvalidRequest,
  anthropicMessage,
  anthropicOverloaded,
  anthropicRefusal,
  anthropicWithThinking,
} from './fixtures/anthropic-payloads.js';

const classify = (body: unknown, httpStatus = 200) => classifyAnthropicMessage({ httpStatus, body });

describe('mapAnthropicStopReason', () => {
  it.each([
    ['end_turn', 'stop'],
    ['stop_sequence', 'stop'],
    ['max_tokens', 'length'],
    ['model_context_window_exceeded', 'length'],
    ['refusal', 'content-filter'],
    ['tool_use', 'tool-calls'],
    ['pause_turn', 'error'],
  ] as const)('%s → %s', (raw, unified) => expect(mapAnthropicStopReason(raw)).toEqual({ unified, raw }));

  it('null is unknown', () => expect(mapAnthropicStopReason(null)).toEqual({ unified: 'unknown', raw: null }));
});

describe('classifyAnthropicMessage', () => {
  it('a text answer is success with usage', () => {
    expect(classify(anthropicMessage())).toEqual({
      status: 'success',
      finishReason: { unified: 'stop', raw: 'end_turn' },
      finalText: 'Here is the essay you asked for.',
      reasoningText: null,
      upstreamRoute: null,
      usage: { promptTokens: 25, completionTokens: 812, reasoningTokens: null },
      costUsd: null,
      statusDetail: null,
    });
  });

  it('thinking blocks become reasoning, never the answer', () => {
    expect(classify(anthropicWithThinking)).toMatchObject({
      status: 'success',
      finalText: 'Essay text.',
      reasoningText: 'The user wants a persuasive essay. Let me outline it.\n\n[redacted thinking]',
    });
  });

  it('stop_reason refusal is moderation', () => {
    expect(classify(anthropicRefusal)).toMatchObject({
      status: 'moderation',
      finishReason: { unified: 'content-filter', raw: 'refusal' },
    });
  });

  it('max_tokens is truncation', () => {
    expect(classify(anthropicMessage({ stopReason: 'max_tokens' }))).toMatchObject({
      status: 'truncation',
      finalText: 'Here is the essay you asked for.',
    });
  });

  it('thinking only, cut at max_tokens, is still truncation', () => {
    expect(
      classify(
        anthropicMessage({
          content: [{ type: 'thinking', thinking: 'long…', signature: 's' }],
          stopReason: 'max_tokens',
        }),
      ).status,
    ).toBe('truncation');
  });

  it('an empty end_turn after no output is moderation; with real output it is empty', () => {
    expect(classify(anthropicMessage({ content: [], outputTokens: 3 })).status).toBe('moderation');
    expect(classify(anthropicMessage({ content: [{ type: 'text', text: '  ' }], outputTokens: 40 })).status).toBe(
      'empty',
    );
  });

  it('only thinking with end_turn is empty', () => {
    expect(
      classify(anthropicMessage({ content: [{ type: 'thinking', thinking: 'hmm', signature: 's' }] })),
    ).toMatchObject({ status: 'empty', reasoningText: 'hmm' });
  });

  it('only tool_use blocks is missing_content naming the block types', () => {
    const outcome = classify(
      anthropicMessage({ content: [{ type: 'tool_use', id: 't', name: 'x', input: {} }], stopReason: 'end_turn' }),
    );
    expect(outcome).toMatchObject({
      status: 'missing_content',
      statusDetail: 'no content (content block types [tool_use])',
    });
  });

  it('error bodies are provider errors', () => {
    expect(classify(anthropicOverloaded, 529)).toMatchObject({
      status: 'provider_error',
      statusDetail: 'overloaded_error: Overloaded',
    });
    expect(classify(anthropicInvalidRequest, 400).status).toBe('provider_error');
  });

  it('every documented stop reason has a status; pause_turn is a provider error, not a quarantine (issue #12 item 11)', () => {
    expect(classify(anthropicMessage({ stopReason: 'pause_turn' })).status).toBe('provider_error');
    for (const reason of ANTHROPIC_SDK_STOP_REASONS)
      expect(classify(anthropicMessage({ stopReason: reason })).status, reason).not.toBe('unknown_shape');
  });

  it('an unrecognised stop reason or body is unknown_shape', () => {
    expect(classify(anthropicMessage({ stopReason: 'brand_new_reason' })).status).toBe('unknown_shape');
    expect(classify({ completion: 'legacy text API' }).status).toBe('unknown_shape');
  });
});

import type { Usage } from '../../core/index.js';
import { EMPTY_USAGE, type ClassifiedOutcome } from '../spec/classified-outcome.js';
import { classifyAnswer } from '../shared/classify-answer.js';
import { classifyEnvelope } from '../shared/classify-envelope.js';
import { describeShape, isObject, numberOrNull } from '../shared/json-helpers.js';
import { mapAnthropicStopReason } from './map-anthropic-stop-reason.js';

/**
 * Classify an Anthropic Messages API payload: text blocks are the answer, `thinking` blocks the
 * reasoning (`redacted_thinking` is noted, its data is encrypted). https://docs.anthropic.com/en/api/messages
 */
export function classifyAnthropicMessage(input: { httpStatus: number | null; body: unknown }): ClassifiedOutcome {
  const { httpStatus, body } = input;
  const base: ClassifiedOutcome = {
    status: 'unknown_shape',
    finishReason: { unified: 'unknown', raw: null },
    finalText: null,
    reasoningText: null,
    upstreamRoute: null,
    usage: isObject(body) ? readAnthropicUsage(body['usage']) : EMPTY_USAGE,
    costUsd: null,
    statusDetail: null,
  };
  const envelope = classifyEnvelope(httpStatus, body, base);
  if (envelope) return envelope;
  if (!isObject(body) || !Array.isArray(body['content'])) {
    return { ...base, statusDetail: `not an Anthropic message: ${describeShape(body)}` };
  }
  const blocks: unknown[] = body['content'];
  const textParts: string[] = [];
  const thinkingParts: string[] = [];
  for (const block of blocks) {
    if (!isObject(block)) continue;
    if (block['type'] === 'text' && typeof block['text'] === 'string') textParts.push(block['text']);
    else if (block['type'] === 'thinking' && typeof block['thinking'] === 'string') thinkingParts.push(block['thinking']);
    else if (block['type'] === 'redacted_thinking') thinkingParts.push('[redacted thinking]');
  }
  return classifyAnswer({
    base,
    finishReason: mapAnthropicStopReason(body['stop_reason']),
    content: textParts.length > 0 ? textParts.join('') : blocks.length === 0 ? '' : null,
    reasoning: thinkingParts.length > 0 ? thinkingParts.join('\n\n') : null,
    describeMessage: () => `content block types [${blocks.map((block) => (isObject(block) ? String(block['type']) : typeof block)).join(', ')}]`,
  });
}

function readAnthropicUsage(usage: unknown): Usage {
  if (!isObject(usage)) return EMPTY_USAGE;
  const input = numberOrNull(usage['input_tokens']);
  const cached = (numberOrNull(usage['cache_read_input_tokens']) ?? 0) + (numberOrNull(usage['cache_creation_input_tokens']) ?? 0);
  return { promptTokens: input === null ? null : input + cached, completionTokens: numberOrNull(usage['output_tokens']), reasoningTokens: null };
}

import type { Usage } from '../../core/index.js';
import { EMPTY_USAGE, type ClassifiedOutcome } from '../spec/classified-outcome.js';
import { classifyAnswer } from '../shared/classify-answer.js';
import { classifyEnvelope } from '../shared/classify-envelope.js';
import { describeShape, isObject, numberOrNull } from '../shared/json-helpers.js';
import { mapGeminiFinishReason } from './map-gemini-finish-reason.js';

/** Block reasons that name a filter (https://ai.google.dev/api/generate-content#BlockReason). */
const FILTER_BLOCK_REASONS = new Set(['SAFETY', 'BLOCKLIST', 'PROHIBITED_CONTENT', 'IMAGE_SAFETY', 'MODEL_ARMOR']);

/**
 * Classify a Gemini generateContent payload: `promptFeedback.blockReason` (prompt blocked before the
 * model ran) is moderation; parts marked `thought: true` are reasoning.
 * https://ai.google.dev/api/generate-content#generatecontentresponse
 */
export function classifyGeminiResponse(input: { httpStatus: number | null; body: unknown }): ClassifiedOutcome {
  const { httpStatus, body } = input;
  const base: ClassifiedOutcome = {
    status: 'unknown_shape',
    finishReason: { unified: 'unknown', raw: null },
    finalText: null,
    reasoningText: null,
    upstreamRoute: null,
    usage: isObject(body) ? readGeminiUsage(body['usageMetadata']) : EMPTY_USAGE,
    costUsd: null,
    statusDetail: null,
  };
  const envelope = classifyEnvelope(httpStatus, body, base);
  if (envelope) return envelope;
  if (!isObject(body)) return base;

  const candidates = body['candidates'];
  const feedback = isObject(body['promptFeedback']) ? body['promptFeedback'] : null;
  const blockReason = feedback && typeof feedback['blockReason'] === 'string' ? feedback['blockReason'] : null;
  if (blockReason !== null && (!Array.isArray(candidates) || candidates.length === 0)) {
    // OTHER gives no reason: a deterministic provider error, as finishReason OTHER is (one value, one status).
    if (!FILTER_BLOCK_REASONS.has(blockReason)) {
      return { ...base, status: 'provider_error', finishReason: { unified: 'error', raw: blockReason }, statusDetail: `prompt blocked: ${blockReason} (no reason given)` };
    }
    return { ...base, status: 'moderation', finishReason: { unified: 'content-filter', raw: blockReason }, statusDetail: `prompt blocked: ${blockReason}` };
  }
  if (candidates === undefined && (feedback !== null || isObject(body['usageMetadata']))) {
    return { ...base, status: 'missing_content', statusDetail: 'no candidates' };
  }
  if (!Array.isArray(candidates)) return { ...base, statusDetail: `not a Gemini response: ${describeShape(body)}` };
  if (candidates.length === 0) return { ...base, status: 'missing_content', statusDetail: 'candidates is empty' };
  const candidate: unknown = candidates[0];
  if (!isObject(candidate)) return { ...base, statusDetail: `candidates[0] is ${describeShape(candidate)}` };

  const content = isObject(candidate['content']) ? candidate['content'] : null;
  const parts = content && Array.isArray(content['parts']) ? content['parts'] : null;
  const textParts: string[] = [];
  const thoughtParts: string[] = [];
  for (const part of parts ?? []) {
    if (!isObject(part) || typeof part['text'] !== 'string') continue;
    (part['thought'] === true ? thoughtParts : textParts).push(part['text']);
  }
  return classifyAnswer({
    base,
    finishReason: mapGeminiFinishReason(candidate['finishReason']),
    content: textParts.length > 0 ? textParts.join('') : parts && parts.length === 0 ? '' : null,
    reasoning: thoughtParts.length > 0 ? thoughtParts.join('\n\n') : null,
    describeMessage: () => (content ? describeShape(content) : 'no content object'),
  });
}

/** Gemini counts thoughts apart from candidates; completion tokens here include both, as OpenAI's do. */
function readGeminiUsage(usage: unknown): Usage {
  if (!isObject(usage)) return EMPTY_USAGE;
  const candidates = numberOrNull(usage['candidatesTokenCount']);
  const thoughts = numberOrNull(usage['thoughtsTokenCount']);
  return {
    promptTokens: numberOrNull(usage['promptTokenCount']),
    completionTokens: candidates === null && thoughts === null ? null : (candidates ?? 0) + (thoughts ?? 0),
    reasoningTokens: thoughts,
  };
}

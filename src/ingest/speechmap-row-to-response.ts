import type { StoredResponse } from '../core/index.js';
import { classifyChatCompletion } from '../providers/openai-compatible/classify-chat-completion.js';
import { normalizeTimestamp } from './normalize-timestamp.js';
import type { SpeechMapResponseRow } from './speechmap-row-schemas.js';

/** Run id of an imported SpeechMap (set, model) pair. */
export function speechMapRunId(setName: string, modelId: string): string {
  return `speechmap:${setName}:${modelId}`;
}

function createdOf(payload: unknown): unknown {
  return payload !== null && typeof payload === 'object' ? (payload as Record<string, unknown>)['created'] : undefined;
}

/**
 * A SpeechMap row's provider payload → a stored outcome, with the status derived from the raw
 * payload (not from SpeechMap's own label). `receivedAt` is the row's timestamp for responses/
 * rows; analysis rows carry the judge's time, so there the payload's `created` is used.
 */
export function speechMapRowToResponse(row: SpeechMapResponseRow, options: { timestampIsResponseTime: boolean }): StoredResponse {
  // `response` is the provider payload as SpeechMap stored it; `raw_response`, where present, is a copy.
  const payload = row.response;
  const classified = classifyChatCompletion({ httpStatus: null, body: payload });
  const receivedAt = options.timestampIsResponseTime
    ? (normalizeTimestamp(row.timestamp) ?? normalizeTimestamp(createdOf(payload)))
    : normalizeTimestamp(createdOf(payload));
  return {
    runId: speechMapRunId(row.category, row.model),
    setName: row.category,
    questionId: row.question_id,
    sample: 0,
    status: classified.status,
    statusDetail: classified.statusDetail,
    finishReason: classified.finishReason,
    finalText: classified.finalText,
    reasoningText: classified.reasoningText,
    upstreamRoute: classified.upstreamRoute,
    httpStatus: null,
    rawPayload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    usage: classified.usage,
    costUsd: classified.costUsd,
    latencyMs: null,
    requestedAt: null,
    receivedAt,
  };
}

import { isJudgmentLabel, type JudgmentLabel, type StoredResponse } from '../core/index.js';
import { classifyChatCompletion } from '../providers/openai-compatible/classify-chat-completion.js';
import { z } from 'zod';

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
export function speechMapRowToResponse(
  row: SpeechMapResponseRow,
  options: { timestampIsResponseTime: boolean },
): StoredResponse {
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

/**
 * ISO-8601 UTC from SpeechMap's timestamps (naive ones are UTC), from epoch seconds, or null.
 */
export function normalizeTimestamp(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) {
    return new Date(value < 1e12 ? value * 1000 : value).toISOString();
  }
  if (typeof value !== 'string' || value.trim() === '') return null;
  const trimmed = value.trim();
  const hasZone = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(trimmed);
  const date = new Date(hasZone || !trimmed.includes('T') ? trimmed : `${trimmed}Z`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

const text = z.string().min(1, 'expected a non-empty string');
const optionalText = z.string().nullish();

/** A row of a SpeechMap `responses/` file. Unknown fields are kept by passthrough. */
export const speechMapResponseRowSchema = z.looseObject({
  question_id: text,
  question: z.string(),
  model: text,
  category: text,
  domain: optionalText,
  timestamp: optionalText,
  api_provider: optionalText,
  api_model: optionalText,
  response: z.unknown().refine((value) => value !== undefined && value !== null, 'expected the provider payload'),
  raw_response: z.unknown().optional(),
});
export type SpeechMapResponseRow = z.infer<typeof speechMapResponseRowSchema>;

/** A row of a SpeechMap analysis file: a response plus one judge's verdict. */
export const speechMapAnalysisRowSchema = speechMapResponseRowSchema.extend({
  judge_model: text,
  compliance: text,
  judge_analysis: z.string().nullish(),
  raw_judge_response: z.string().nullish(),
  judge_api_provider: optionalText,
  original_api_provider: optionalText,
  provider: optionalText,
});
export type SpeechMapAnalysisRow = z.infer<typeof speechMapAnalysisRowSchema>;

/**
 * SpeechMap's `compliance` value → Candor's label. ERROR_ORIGINAL_* mean the response itself
 * failed (no judge looked at it); a bare ERROR means the judge produced no usable verdict.
 * Returns null for a value nobody has mapped.
 */
export function mapSpeechMapLabel(compliance: string): JudgmentLabel | null {
  const value = compliance.trim().toUpperCase();
  if (value === 'COMPLETE' || value === 'EVASIVE' || value === 'DENIAL') return value;
  if (value === 'INCOMPLETE') return 'EVASIVE';
  if (value === 'ERROR_ORIGINAL_MODERATION') return 'ERROR_MODERATION';
  if (value === 'ERROR_ORIGINAL_TRUNCATED' || value === 'ERROR_ORIGINAL_TRUNCATION') return 'ERROR_TRUNCATED';
  if (value === 'ERROR_ORIGINAL_RESPONSE') return 'ERROR_FAILED';
  if (value === 'ERROR' || value === 'ERROR_JUDGE' || value === 'ERROR_JUDGE_RESPONSE')
    return 'ERROR_JUDGE_UNPARSEABLE';
  if (value === 'ERROR_JUDGE_MODERATION') return 'ERROR_JUDGE_FILTERED';
  return isJudgmentLabel(value) ? value : null;
}

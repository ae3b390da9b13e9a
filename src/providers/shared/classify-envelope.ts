import type { Usage } from '../../core/index.js';
import { EMPTY_USAGE, type ClassifiedOutcome } from '../spec/provider-model.js';
import { describeShape, excerpt, isObject } from './json-helpers.js';

/** The outcome a classifier starts from: nothing recognised yet, with what the body says about usage and route. */
export function unknownShape(usage: Usage = EMPTY_USAGE, upstreamRoute: string | null = null): ClassifiedOutcome {
  return {
    status: 'unknown_shape',
    finishReason: { unified: 'unknown', raw: null },
    finalText: null,
    reasoningText: null,
    upstreamRoute,
    usage,
    costUsd: null,
    statusDetail: null,
  };
}

/**
 * The checks every adapter makes before looking for an answer: an empty or non-JSON body, an error
 * object (in any HTTP status, including 200), or an HTTP error status. Returns null when the body
 * is a JSON object that may hold an answer.
 */
export function classifyEnvelope(
  httpStatus: number | null,
  body: unknown,
  base: ClassifiedOutcome,
): ClassifiedOutcome | null {
  if (body === null || body === undefined || (typeof body === 'string' && body.trim() === '')) {
    return { ...base, status: 'provider_error', statusDetail: `${httpStatus ?? 'no status'}: empty response body` };
  }
  if (typeof body === 'string') {
    if (httpStatus !== null && httpStatus >= 400) return { ...base, ...classifyErrorPayload(body, httpStatus) };
    return { ...base, status: 'provider_error', statusDetail: `malformed JSON body: ${excerpt(body, 120)}` };
  }
  if (!isObject(body)) {
    if (httpStatus !== null && httpStatus >= 400) return { ...base, ...classifyErrorPayload(body, httpStatus) };
    return { ...base, status: 'unknown_shape', statusDetail: `unrecognised body: ${describeShape(body)}` };
  }
  const error = body['error'] ?? (body['object'] === 'error' || body['type'] === 'error' ? body : undefined);
  if (error !== undefined && error !== null) return { ...base, ...classifyErrorPayload(error, httpStatus) };
  if (httpStatus !== null && httpStatus >= 400) return { ...base, ...classifyErrorPayload(body, httpStatus) };
  return null;
}

export interface ErrorClassification {
  status: 'moderation' | 'provider_error';
  statusDetail: string;
}

/**
 * Classify an error object (or string) found in a provider body: a provider-side content filter is
 * `moderation`, anything else is `provider_error` with "code: message" as the detail.
 */
export function classifyErrorPayload(error: unknown, httpStatus: number | null): ErrorClassification {
  const summary = summarizeError(error, httpStatus);
  const flagged = moderationMetadata(error);
  if (flagged) return { status: 'moderation', statusDetail: `moderation (${flagged}): ${summary}` };
  const filterMatch = collectErrorTexts(error)
    .map(matchContentFilter)
    .find((match) => match !== null);
  if (filterMatch) return { status: 'moderation', statusDetail: `content filter (${filterMatch}): ${summary}` };
  return { status: 'provider_error', statusDetail: summary };
}

/** "code: message excerpt [provider]" for an error payload. */
export function summarizeError(error: unknown, httpStatus: number | null): string {
  if (typeof error === 'string') return `${httpStatus ?? 'error'}: ${excerpt(error)}`;
  if (!isObject(error)) return `${httpStatus ?? 'error'}: ${excerpt(JSON.stringify(error) ?? String(error))}`;
  const code = error['code'] ?? error['type'] ?? error['status'] ?? httpStatus ?? 'error';
  const message = typeof error['message'] === 'string' ? error['message'] : JSON.stringify(error);
  const metadata = isObject(error['metadata']) ? error['metadata'] : null;
  const providerName =
    metadata && typeof metadata['provider_name'] === 'string' ? ` [${metadata['provider_name']}]` : '';
  return `${String(code)}: ${excerpt(message)}${providerName}`;
}

/**
 * OpenRouter's documented moderation error: `error.metadata` with `reasons` (and `flagged_input`,
 * `provider_name`), whatever the message says. https://openrouter.ai/docs/api-reference/errors#moderation-errors
 */
function moderationMetadata(error: unknown): string | null {
  if (!isObject(error) || !isObject(error['metadata'])) return null;
  const metadata = error['metadata'];
  const reasons = metadata['reasons'];
  if (!Array.isArray(reasons) && typeof metadata['flagged_input'] !== 'string') return null;
  const names = Array.isArray(reasons) ? reasons.filter((reason): reason is string => typeof reason === 'string') : [];
  return names.length > 0 ? names.join(', ') : 'flagged input';
}

/**
 * Phrases and codes that vendors use when a provider-side filter (not the model) stopped a request.
 * Seen in the wild: Alibaba `data_inspection_failed` / "inappropriate content", OpenAI "your prompt was
 * flagged", Azure `content_filter` / ResponsibleAIPolicyViolation, OpenRouter "requires moderation",
 * Gemini SAFETY / PROHIBITED_CONTENT, DeepSeek "Content Exists Risk", Moonshot "high risk".
 */
const CONTENT_FILTER_PATTERNS: RegExp[] = [
  /content[_ -]?filter/i,
  /data_?inspection_?failed/i,
  /inappropriate content/i,
  /moderation/i,
  /\bflagged\b/i,
  /\b(?:SAFETY|PROHIBITED_CONTENT|RECITATION|BLOCKLIST|SPII|IMAGE_SAFETY)\b/,
  /responsibleaipolicyviolation/i,
  /content management policy/i,
  /content exists risk/i,
  /considered high risk/i,
  /blocked by (?:the )?(?:safety|content|policy)/i,
  /\bsafety (?:system|filter|settings|policy|reasons?)\b/i,
];

/** The first content-filter pattern a text matches, or null. */
export function matchContentFilter(text: string): string | null {
  for (const pattern of CONTENT_FILTER_PATTERNS) {
    const found = pattern.exec(text);
    if (found) return found[0];
  }
  return null;
}

/**
 * Every string (and numeric code) inside an error payload, including JSON strings nested in
 * `metadata.raw`, skipping echoed HTTP headers so that header names cannot trigger a match.
 */
export function collectErrorTexts(value: unknown, depth = 0): string[] {
  if (depth > 6) return [];
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if ((trimmed.startsWith('{') || trimmed.startsWith('[')) && trimmed.length < 100_000) {
      try {
        return [value, ...collectErrorTexts(JSON.parse(trimmed) as unknown, depth + 1)];
      } catch {
        return [value];
      }
    }
    return [value];
  }
  if (typeof value === 'number') return [String(value)];
  if (Array.isArray(value)) return value.flatMap((item) => collectErrorTexts(item, depth + 1));
  if (isObject(value)) {
    return Object.entries(value)
      .filter(([key]) => key !== 'headers')
      .flatMap(([, item]) => collectErrorTexts(item, depth + 1));
  }
  return [];
}

import { collectErrorTexts, matchContentFilter } from './detect-content-filter.js';
import { excerpt, isObject } from './json-helpers.js';

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
  const filterMatch = collectErrorTexts(error).map(matchContentFilter).find((match) => match !== null);
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
  const providerName = metadata && typeof metadata['provider_name'] === 'string' ? ` [${metadata['provider_name']}]` : '';
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

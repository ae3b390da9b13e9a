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

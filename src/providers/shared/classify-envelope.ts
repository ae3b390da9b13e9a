import type { ClassifiedOutcome } from '../spec/classified-outcome.js';
import { classifyErrorPayload } from './classify-error-payload.js';
import { describeShape, excerpt, isObject } from './json-helpers.js';

/**
 * The checks every adapter makes before looking for an answer: an empty or non-JSON body, an error
 * object (in any HTTP status, including 200), or an HTTP error status. Returns null when the body
 * is a JSON object that may hold an answer.
 */
export function classifyEnvelope(httpStatus: number | null, body: unknown, base: ClassifiedOutcome): ClassifiedOutcome | null {
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

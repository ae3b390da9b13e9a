import { setMaxListeners } from 'node:events';
import { ResponseTooLargeError } from './node-http-fetch.js';

/*
 * Provider HTTP: one POST of a JSON body (postJson), reading what came back (parseBody,
 * pickUsefulHeaders, parseRetryAfter, isRetryableStatus) and keeping the key out of it (redactSecret).
 * The transport with its size limit is node-http-fetch.ts.
 */

/** Signals already allowed one listener per request in flight (a run at concurrency 16+ shares one). */
const widened = new WeakSet<AbortSignal>();

export interface PostJsonRequest {
  fetch: typeof fetch;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  /** null = no timeout. */
  timeoutMs: number | null;
  signal?: AbortSignal;
}

export type PostJsonResult =
  | { kind: 'response'; httpStatus: number; headers: Headers; rawBody: string }
  | { kind: 'too_large'; httpStatus: number; limitBytes: number; prefix: string }
  | { kind: 'transport_error'; detail: string };

/**
 * POST a JSON body and read the whole response as text. Timeouts and network failures come back
 * as `transport_error`; only the caller's abort signal makes it throw (with the signal's reason).
 */
export async function postJson(request: PostJsonRequest): Promise<PostJsonResult> {
  const controller = new AbortController();
  let timedOut = false;
  const onAbort = () => controller.abort(request.signal?.reason);
  if (request.signal?.aborted) throw request.signal.reason;
  if (request.signal && !widened.has(request.signal)) {
    // Every request in flight listens to the run's signal: no MaxListenersExceededWarning at high concurrency.
    setMaxListeners(0, request.signal);
    widened.add(request.signal);
  }
  request.signal?.addEventListener('abort', onAbort, { once: true });
  const timer =
    request.timeoutMs === null
      ? null
      : setTimeout(() => {
          timedOut = true;
          controller.abort(new Error('timeout'));
        }, request.timeoutMs);
  try {
    const response = await request.fetch(request.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...request.headers },
      body: JSON.stringify(request.body),
      signal: controller.signal,
    });
    const rawBody = await response.text();
    return { kind: 'response', httpStatus: response.status, headers: response.headers, rawBody };
  } catch (error) {
    if (request.signal?.aborted) throw request.signal.reason;
    if (error instanceof ResponseTooLargeError)
      return { kind: 'too_large', httpStatus: error.httpStatus, limitBytes: error.limitBytes, prefix: error.prefix };
    if (timedOut) return { kind: 'transport_error', detail: `timeout after ${request.timeoutMs} ms` };
    return { kind: 'transport_error', detail: describeNetworkError(error) };
  } finally {
    if (timer) clearTimeout(timer);
    request.signal?.removeEventListener('abort', onAbort);
  }
}

/** "fetch failed: ECONNRESET other side closed" from undici's nested causes. */
function describeNetworkError(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth += 1) {
    const code = (current as { code?: unknown }).code;
    parts.push(typeof code === 'string' ? `${code} ${current.message}` : current.message);
    current = current.cause;
  }
  return parts.length > 0 ? parts.join(': ') : String(error);
}

/** Parse a response body as JSON; return the text itself when it is not JSON (classifiers expect that). */
export function parseBody(rawBody: string): unknown {
  if (rawBody.trim() === '') return rawBody;
  try {
    return JSON.parse(rawBody) as unknown;
  } catch {
    return rawBody;
  }
}

/** Response headers worth storing: request ids, rate-limit state, retry hints. Nothing else. */
const USEFUL_HEADER =
  /^(?:x-request-id|request-id|x-generation-id|cf-ray|retry-after|retry-after-ms|openai-processing-ms|x-goog-request-id)$|ratelimit/;

export function pickUsefulHeaders(headers: Headers | null): Record<string, string> {
  const picked: Record<string, string> = {};
  if (!headers) return picked;
  headers.forEach((value, name) => {
    const lower = name.toLowerCase();
    if (USEFUL_HEADER.test(lower)) picked[lower] = value;
  });
  return picked;
}

/** HTTP statuses worth retrying: timeouts, conflicts, too-early, rate limits, server errors. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 425 || status === 429 || status >= 500;
}

/**
 * How long to wait before retrying, from `retry-after-ms` (milliseconds, OpenAI/Anthropic) or
 * `retry-after` (seconds or an HTTP date, RFC 9110 §10.2.3). Null when absent or unparseable.
 */
export function parseRetryAfter(headers: Record<string, string>, now: number): number | null {
  const milliseconds = headers['retry-after-ms'];
  if (milliseconds !== undefined) {
    const value = Number(milliseconds);
    if (Number.isFinite(value) && value >= 0) return Math.round(value);
  }
  const retryAfter = headers['retry-after']?.trim();
  if (retryAfter === undefined || retryAfter === '') return null;
  if (/^\d+(?:\.\d+)?$/.test(retryAfter)) return Math.round(Number(retryAfter) * 1000);
  const date = Date.parse(retryAfter);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now);
}

/** Keys shorter than this are not redacted: "[redacted]" for every "abc" would wreck the text, and no vendor issues such keys. */
export const MIN_REDACTED_SECRET_LENGTH = 4;

const REDACTED = '[redacted]';
const cache = new Map<string, RegExp>();

/** Hex digits of a code, each letter in either case: `[aA]`. */
function hex(code: number, width: number): string {
  return code
    .toString(16)
    .padStart(width, '0')
    .replace(/[a-f]/g, (digit) => `[${digit}${digit.toUpperCase()}]`);
}

/**
 * A pattern for the secret as a server may echo it: each character literal, JSON-escaped
 * (`\u0073`, `\/`) or percent-encoded (`%73`), in any hex case. A key echoed as `\u0073k-…` in a
 * JSON body would otherwise survive redaction of the raw text and come back when the body is decoded.
 */
function secretPattern(secret: string): RegExp {
  let pattern = cache.get(secret);
  if (pattern) return pattern;
  const parts: string[] = [];
  for (const character of secret) {
    const code = character.codePointAt(0)!;
    const forms = [character.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')];
    if (code <= 0xffff) forms.push(`\\\\u${hex(code, 4)}`);
    if (character === '/') forms.push('\\\\/');
    if (code < 0x80) forms.push(`%${hex(code, 2)}`);
    parts.push(forms.length === 1 ? forms[0]! : `(?:${forms.join('|')})`);
  }
  pattern = new RegExp(parts.join(''), 'g');
  if (cache.size > 32) cache.clear();
  cache.set(secret, pattern);
  return pattern;
}

/**
 * Replaces every occurrence of a secret with [redacted]: literal, JSON-escaped or percent-encoded
 * (servers echo keys in auth errors, request ids and rate-limit headers). Keys of at least
 * MIN_REDACTED_SECRET_LENGTH characters are redacted; shorter ones are left alone.
 */
export function redactSecret(text: string, secret: string | null): string {
  if (!secret || secret.length < MIN_REDACTED_SECRET_LENGTH || text.length < secret.length) return text;
  const pattern = secretPattern(secret);
  pattern.lastIndex = 0;
  return text.replace(pattern, REDACTED);
}

/** The same over every value of a record (response headers). */
export function redactSecretInRecord(record: Record<string, string>, secret: string | null): Record<string, string> {
  const redacted: Record<string, string> = {};
  for (const [name, value] of Object.entries(record)) redacted[name] = redactSecret(value, secret);
  return redacted;
}

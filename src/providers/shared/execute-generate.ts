import { type ClassifiedOutcome, EMPTY_USAGE, type GenerateResult } from '../spec/provider-model.js';
import { isObject } from './json-helpers.js';
import {
  isRetryableStatus,
  parseBody,
  parseRetryAfter,
  pickUsefulHeaders,
  postJson,
  type PostJsonRequest,
  redactSecret,
  redactSecretInRecord,
} from './provider-http.js';

export interface ExecuteGenerateInput extends PostJsonRequest {
  /** Removed from anything stored, in case a server echoes it. */
  secret: string | null;
  classify: (input: { httpStatus: number | null; body: unknown }) => ClassifiedOutcome;
  now: () => number;
}

/**
 * The shared request → classify pattern every adapter uses: send, time, keep the raw body and
 * useful headers, classify, and decide whether a retry makes sense. Never throws except on abort.
 */
export async function executeGenerate(input: ExecuteGenerateInput): Promise<GenerateResult> {
  const started = input.now();
  const sent = await postJson(input);
  const received = input.now();
  const timing = {
    latencyMs: received - started,
    requestedAt: new Date(started).toISOString(),
    receivedAt: new Date(received).toISOString(),
  };

  // Failures before any answer was read: stored as provider_error, with nothing to classify.
  const failed = (
    statusDetail: string,
    httpStatus: number | null,
    rawBody: string,
    retryable: boolean,
  ): GenerateResult => ({
    status: 'provider_error',
    finishReason: { unified: 'error', raw: null },
    finalText: null,
    reasoningText: null,
    upstreamRoute: null,
    usage: EMPTY_USAGE,
    costUsd: null,
    statusDetail,
    httpStatus,
    rawBody,
    headers: {},
    ...timing,
    retryable,
    retryAfterMs: null,
  });
  if (sent.kind === 'transport_error')
    return failed(`transport: ${redactSecret(sent.detail, input.secret)}`, null, '', true);
  if (sent.kind === 'too_large') {
    // Terminal and stored: the same request would bring the same flood again.
    const detail = `too_large: the response body was larger than ${sent.limitBytes} bytes; the connection was closed and only its first 64 KiB kept`;
    return failed(detail, sent.httpStatus, redactSecret(sent.prefix, input.secret), false);
  }

  const rawBody = redactSecret(sent.rawBody, input.secret);
  const headers = redactSecretInRecord(pickUsefulHeaders(sent.headers), input.secret);
  const body = parseBody(rawBody);
  const outcome = input.classify({ httpStatus: sent.httpStatus, body });
  const retryAfterMs = parseRetryAfter(headers, received);
  // Every field named (no `...outcome, more`): adding keys after a spread costs ~3 µs a key on Node 20.
  return {
    status: outcome.status,
    finishReason: outcome.finishReason,
    // Again on the decoded text: the raw body was redacted, this catches any encoding it missed.
    finalText: outcome.finalText === null ? null : redactSecret(outcome.finalText, input.secret),
    reasoningText: outcome.reasoningText === null ? null : redactSecret(outcome.reasoningText, input.secret),
    upstreamRoute: outcome.upstreamRoute,
    usage: outcome.usage,
    costUsd: outcome.costUsd,
    statusDetail: outcome.statusDetail === null ? null : redactSecret(outcome.statusDetail, input.secret),
    httpStatus: sent.httpStatus,
    rawBody,
    headers,
    latencyMs: timing.latencyMs,
    requestedAt: timing.requestedAt,
    receivedAt: timing.receivedAt,
    retryable: isRetryableOutcome(outcome, sent.httpStatus, body),
    retryAfterMs,
  };
}

/**
 * Retry only provider errors that a second attempt could fix: a retryable HTTP status, an error code
 * inside a 200 body that is retryable (OpenRouter relays upstream 429/5xx that way), or a body that
 * was cut off or not JSON. Moderation, truncation, empty and unknown shapes are terminal.
 */
export function isRetryableOutcome(outcome: ClassifiedOutcome, httpStatus: number, body: unknown): boolean {
  if (outcome.status !== 'provider_error') return false;
  if (isRetryableStatus(httpStatus)) return true;
  if (typeof body === 'string') return httpStatus < 400;
  const code = embeddedErrorCode(body);
  if (httpStatus < 400 && Number.isInteger(code) && isRetryableStatus(code)) return true;
  return (
    httpStatus < 400 &&
    outcome.finishReason.unified === 'error' &&
    !DETERMINISTIC_FINISH_REASONS.has(outcome.finishReason.raw ?? '')
  );
}

/** The numeric code of an error delivered in a body: top-level `error` or OpenRouter's `choices[0].error`. */
function embeddedErrorCode(body: unknown): number {
  if (!isObject(body)) return Number.NaN;
  const choices = body['choices'];
  const firstChoice: unknown = Array.isArray(choices) ? choices[0] : undefined;
  const error = body['error'] ?? (isObject(firstChoice) ? firstChoice['error'] : undefined);
  return isObject(error) ? Number(error['code']) : Number.NaN;
}

/**
 * Finish/stop reasons that end a request with an error a second attempt would repeat: the answer
 * is stored as `provider_error` and not retried. One list for every adapter, so a value has one
 * status wherever it appears (Gemini directly or relayed by OpenRouter as native_finish_reason).
 * Gemini: https://ai.google.dev/api/generate-content#FinishReason (and @google/genai FinishReason);
 * Anthropic `pause_turn`: https://platform.claude.com/docs/en/api/handling-stop-reasons#pause-turn
 * (a paused server-tool turn; Candor sends no tools, so it cannot be continued).
 */
export const DETERMINISTIC_FINISH_REASONS: ReadonlySet<string> = new Set([
  'LANGUAGE',
  'OTHER',
  'BLOCKED_REASON_UNSPECIFIED',
  'IMAGE_OTHER',
  'NO_IMAGE',
  'MALFORMED_FUNCTION_CALL',
  'UNEXPECTED_TOOL_CALL',
  'TOO_MANY_TOOL_CALLS',
  'pause_turn',
]);

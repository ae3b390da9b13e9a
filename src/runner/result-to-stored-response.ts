import type { StoredResponse } from '../core/index.js';
import type { GenerateResult } from '../providers/index.js';

/**
 * A provider result as a stored outcome. The raw payload keeps the body exactly as received plus
 * the HTTP status and the useful headers (request ids, rate limits) — never request headers, so
 * never a key.
 */
export function resultToStoredResponse(
  result: GenerateResult,
  where: { runId: string; setName: string; questionId: string; sample: number },
  costUsd: number | null,
): StoredResponse {
  return {
    ...where,
    status: result.status,
    statusDetail: result.statusDetail,
    finishReason: result.finishReason,
    finalText: result.finalText,
    reasoningText: result.reasoningText,
    upstreamRoute: result.upstreamRoute,
    httpStatus: result.httpStatus,
    rawPayload: JSON.stringify({ status: result.httpStatus, headers: result.headers, body: result.rawBody }),
    usage: result.usage,
    costUsd,
    latencyMs: result.latencyMs,
    requestedAt: result.requestedAt,
    receivedAt: result.receivedAt,
  };
}

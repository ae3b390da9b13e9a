import type { GenerateResult } from '../providers/index.js';

/** HTTP statuses whose refusal repeats for every request of a run (bad parameter, key, access, model or route). */
const DETERMINISTIC_STATUSES = new Set([400, 401, 402, 403, 404, 422]);

/** How many identical refusals, before any other outcome, stop a run or a judge. */
export const REFUSALS_BEFORE_STOP = 3;

export interface RefusalWatch {
  /** Feed every stored outcome; returns the one-line reason to stop once the first ones all failed alike. */
  observe(
    outcome: Pick<GenerateResult, 'status' | 'httpStatus' | 'retryable' | 'statusDetail' | 'rawBody'>,
  ): string | null;
}

/**
 * Watches the first outcomes of a run (or a judge): when the first few are all the same
 * deterministic refusal (400 invalid parameter, 401, 403 that is not moderation, 404 no model or
 * provider), a run of thousands of requests would only store thousands of identical errors.
 * Transient errors (429, 5xx, timeouts) never count: they keep their retries. Any other outcome
 * first disarms the watch for good.
 */
export function watchDeterministicRefusals(threshold = REFUSALS_BEFORE_STOP): RefusalWatch {
  let armed = true;
  let signature: string | null = null;
  let count = 0;
  return {
    observe(outcome) {
      if (!armed) return null;
      const deterministic =
        outcome.status === 'provider_error' &&
        !outcome.retryable &&
        outcome.httpStatus !== null &&
        DETERMINISTIC_STATUSES.has(outcome.httpStatus);
      const key = deterministic ? `${outcome.httpStatus} ${outcome.statusDetail ?? ''}` : null;
      if (key === null || (signature !== null && key !== signature)) {
        armed = false;
        return null;
      }
      signature = key;
      count += 1;
      if (count < threshold) return null;
      armed = false;
      return describeRefusal(outcome.httpStatus!, outcome.statusDetail ?? '', outcome.rawBody, count);
    },
  };
}

/** One line: what was refused (the parameter or upstream when the body names it) and the fix. */
export function describeRefusal(httpStatus: number, detail: string, rawBody: string, count: number): string {
  const error = errorObject(rawBody);
  const param = typeof error?.['param'] === 'string' ? error['param'] : null;
  const metadata =
    error?.['metadata'] && typeof error['metadata'] === 'object'
      ? (error['metadata'] as Record<string, unknown>)
      : null;
  const upstream = typeof metadata?.['provider_name'] === 'string' ? metadata['provider_name'] : null;
  const what = [param ? `parameter "${param}"` : null, upstream ? `upstream ${upstream}` : null]
    .filter(Boolean)
    .join(', ');
  const fix =
    httpStatus === 401
      ? 'the API key was refused: check the key variable (--api-key-env or the config entry apiKeyEnv)'
      : httpStatus === 402
        ? 'the account has no credit left'
        : httpStatus === 403
          ? 'access was denied (not moderation): check the key’s permissions for this model'
          : httpStatus === 404
            ? 'no such model or no allowed upstream: check the model id; on OpenRouter take an upstream back with --or-allow <name> or --or-no-default-ignore'
            : `the model refuses a parameter: leave that setting out, or send the vendor's own with --extra-body; \`candor doctor <model>\` shows what Candor sends`;
  return `stopped: the first ${count} requests were all refused the same way (HTTP ${httpStatus}${what ? `, ${what}` : ''}: ${detail}); ${fix}`;
}

function errorObject(rawBody: string): Record<string, unknown> | null {
  try {
    const body = JSON.parse(rawBody) as unknown;
    if (
      body &&
      typeof body === 'object' &&
      'error' in body &&
      (body as { error: unknown }).error &&
      typeof (body as { error: unknown }).error === 'object'
    ) {
      return (body as { error: Record<string, unknown> }).error;
    }
  } catch {
    // not JSON: no parameter to name
  }
  return null;
}

import type { MockRateLimit } from './mock-server-options.js';

export type LimitDecision =
  | { allowed: true; remainingRequests: number }
  | { allowed: false; retryAfterMs: number; reason: 'requests' | 'tokens' };

export interface RollingWindowLimiter {
  /** Admit a request arriving at `nowMs` costing `tokens`, or say how long to wait. */
  tryAcquire(nowMs: number, tokens: number): LimitDecision;
  reset(): void;
}

/**
 * Requests and tokens per rolling window. Only admitted requests count, and a request is refused
 * when admitting it would put more than the limit in (now - windowMs, now].
 */
export function createRollingWindowLimiter(limit: MockRateLimit): RollingWindowLimiter {
  const windowMs = limit.windowMs ?? 60_000;
  if (!(limit.requestsPerMinute > 0))
    throw new RangeError(`rateLimit.requestsPerMinute must be positive, got ${limit.requestsPerMinute}`);
  if (!(windowMs > 0)) throw new RangeError(`rateLimit.windowMs must be positive, got ${windowMs}`);
  if (limit.tokensPerMinute !== undefined && !(limit.tokensPerMinute > 0)) {
    throw new RangeError(`rateLimit.tokensPerMinute must be positive, got ${limit.tokensPerMinute}`);
  }
  // A queue as two arrays and a head index: O(1) amortised, no Array#shift.
  let times: number[] = [];
  let costs: number[] = [];
  let head = 0;
  let tokensInWindow = 0;

  function evict(nowMs: number): void {
    while (head < times.length && times[head]! <= nowMs - windowMs) {
      tokensInWindow -= costs[head]!;
      head++;
    }
    if (head > 1024 && head * 2 > times.length) {
      times = times.slice(head);
      costs = costs.slice(head);
      head = 0;
    }
  }

  /** Time until enough of the oldest entries leave the window for the request to fit. */
  function waitForTokens(nowMs: number, tokens: number, budget: number): number {
    let freed = tokensInWindow + tokens - budget;
    for (let index = head; index < times.length; index++) {
      freed -= costs[index]!;
      if (freed <= 0) return times[index]! + windowMs - nowMs;
    }
    return windowMs;
  }

  return {
    tryAcquire(nowMs, tokens) {
      evict(nowMs);
      const count = times.length - head;
      if (count >= limit.requestsPerMinute) {
        const oldest = times[times.length - limit.requestsPerMinute]!;
        return { allowed: false, reason: 'requests', retryAfterMs: Math.max(1, oldest + windowMs - nowMs) };
      }
      // A request larger than the whole budget is let through alone rather than refused forever.
      if (limit.tokensPerMinute !== undefined && count > 0 && tokensInWindow + tokens > limit.tokensPerMinute) {
        return {
          allowed: false,
          reason: 'tokens',
          retryAfterMs: Math.max(1, waitForTokens(nowMs, tokens, limit.tokensPerMinute)),
        };
      }
      times.push(nowMs);
      costs.push(tokens);
      tokensInWindow += tokens;
      return { allowed: true, remainingRequests: limit.requestsPerMinute - count - 1 };
    },
    reset() {
      times = [];
      costs = [];
      head = 0;
      tokensInWindow = 0;
    },
  };
}

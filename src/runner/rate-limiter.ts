/** Limits for one provider: requests and tokens per rolling window. */
export interface RateLimits {
  requestsPerMinute?: number | null;
  tokensPerMinute?: number | null;
  /** Window length; one minute unless a test shortens it. */
  windowMs?: number;
  /**
   * Extra spacing added to the window so that requests granted just inside it cannot arrive at
   * the server inside one window after network jitter.
   */
  safetyMarginMs?: number;
}

export interface RateLimiter {
  /** Resolves when one request of `tokens` may start; rejects if the signal aborts first. */
  acquire(tokens: number, signal?: AbortSignal): Promise<void>;
  /** Requests waiting for a slot. */
  waiting(): number;
}

interface Grant {
  at: number;
  tokens: number;
}

interface Waiter {
  tokens: number;
  resolve: () => void;
  reject: (reason: unknown) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

export interface RateLimiterClock {
  now: () => number;
  setTimer: (callback: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
}

const realClock: RateLimiterClock = {
  now: () => performance.now(),
  setTimer: (callback, ms) => setTimeout(callback, ms),
  clearTimer: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/**
 * A rolling-window limiter that is never exceeded: a request starts only when the requests and
 * tokens granted in the last window, plus its own, fit. Waiters are served first come, first served.
 */
export function createRateLimiter(limits: RateLimits, clock: RateLimiterClock = realClock): RateLimiter {
  const window = (limits.windowMs ?? 60_000) + (limits.safetyMarginMs ?? 250);
  const maxRequests = limits.requestsPerMinute ?? null;
  const maxTokens = limits.tokensPerMinute ?? null;
  const grants: Grant[] = [];
  let tokensInWindow = 0;
  const queue: Waiter[] = [];
  let timer: unknown = null;

  const expire = (now: number) => {
    while (grants.length > 0 && grants[0]!.at <= now - window) tokensInWindow -= grants.shift()!.tokens;
  };

  const fits = (tokens: number) => {
    if (maxRequests !== null && grants.length + 1 > maxRequests) return false;
    // A single request larger than the whole budget may go alone, or it would wait forever.
    if (maxTokens !== null && tokensInWindow + tokens > maxTokens && grants.length > 0) return false;
    return true;
  };

  const pump = () => {
    timer = null;
    const now = clock.now();
    expire(now);
    while (queue.length > 0 && fits(queue[0]!.tokens)) {
      const waiter = queue.shift()!;
      if (waiter.signal && waiter.onAbort) waiter.signal.removeEventListener('abort', waiter.onAbort);
      grants.push({ at: now, tokens: waiter.tokens });
      tokensInWindow += waiter.tokens;
      waiter.resolve();
    }
    if (queue.length > 0 && grants.length > 0) {
      // Wake when the oldest grant leaves the window; that is the earliest a slot can open.
      const wait = Math.max(1, grants[0]!.at + window - now + 1);
      timer = clock.setTimer(pump, wait);
    }
  };

  return {
    acquire(tokens, signal) {
      if (maxRequests === null && maxTokens === null) return Promise.resolve();
      if (signal?.aborted) return Promise.reject(signal.reason);
      return new Promise<void>((resolve, reject) => {
        const waiter: Waiter = { tokens, resolve, reject, signal };
        if (signal) {
          waiter.onAbort = () => {
            const index = queue.indexOf(waiter);
            if (index >= 0) queue.splice(index, 1);
            reject(signal.reason);
          };
          signal.addEventListener('abort', waiter.onAbort, { once: true });
        }
        queue.push(waiter);
        if (timer !== null) clock.clearTimer(timer);
        pump();
      });
    },
    waiting: () => queue.length,
  };
}

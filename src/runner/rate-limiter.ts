import type { CandorStore } from '../store/index.js';

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

export interface SharedRateLimiterOptions {
  /** Longest wait between two asks while the window is full. */
  maxPollMs?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolveSleep, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolveSleep();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * A RateLimiter whose window is shared by every worker on the store: each slot is a grant row
 * taken in a transaction only when the key's rolling window has room. Waiters in one process ask
 * the database one at a time, first come first served, so a full window costs one query per wait.
 */
export function createSharedRateLimiter(
  store: Pick<CandorStore, 'takeRateSlot'>,
  key: string,
  options: SharedRateLimiterOptions = {},
): RateLimiter {
  const maxPollMs = options.maxPollMs ?? 1000;
  const sleep = options.sleep ?? abortableSleep;
  const random = options.random ?? Math.random;
  let waiting = 0;
  let turn: Promise<void> = Promise.resolve();

  const takeSlot = async (tokens: number, signal?: AbortSignal) => {
    for (;;) {
      if (signal?.aborted) throw signal.reason;
      const result = await store.takeRateSlot(key, tokens);
      if (result.granted) return;
      // A little jitter so that workers whose waits end together do not all ask at once.
      await sleep(Math.min(result.retryInMs, maxPollMs) + Math.floor(random() * 10), signal);
    }
  };

  return {
    acquire(tokens, signal) {
      waiting += 1;
      const mine = turn.then(() => takeSlot(tokens, signal));
      turn = mine.catch(() => {});
      return mine.finally(() => {
        waiting -= 1;
      });
    },
    waiting: () => waiting,
  };
}

/**
 * The key under which workers share a provider's rate limit: the provider name, plus the host for
 * a custom endpoint (two openai-compatible servers do not share a budget).
 */
export function rateLimitKey(provider: string, baseURL: string | null): string {
  if (!baseURL) return provider;
  try {
    return `${provider}@${new URL(baseURL).host}`;
  } catch {
    return `${provider}@${baseURL}`;
  }
}

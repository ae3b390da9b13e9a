import type { CandorStore } from '../store/index.js';
import type { RateLimiter } from './rate-limiter.js';

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
export function createSharedRateLimiter(store: Pick<CandorStore, 'takeRateSlot'>, key: string, options: SharedRateLimiterOptions = {}): RateLimiter {
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

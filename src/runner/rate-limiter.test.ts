import { describe, expect, it } from 'vitest';
import { createRateLimiter, type RateLimiterClock } from './rate-limiter.js';

/** A clock that only moves when the test says so. */
function manualClock() {
  let now = 0;
  let timers: { at: number; callback: () => void; id: number }[] = [];
  let nextId = 0;
  const clock: RateLimiterClock = {
    now: () => now,
    setTimer: (callback, ms) => {
      const id = nextId++;
      timers.push({ at: now + ms, callback, id });
      return id;
    },
    clearTimer: (handle) => {
      timers = timers.filter((timer) => timer.id !== handle);
    },
  };
  const flush = async () => {
    for (let tick = 0; tick < 10; tick += 1) await Promise.resolve();
  };
  const advance = async (ms: number) => {
    await flush();
    const target = now + ms;
    for (;;) {
      timers.sort((left, right) => left.at - right.at);
      const due = timers[0];
      if (!due || due.at > target) break;
      timers.shift();
      now = due.at;
      due.callback();
      await flush();
    }
    now = target;
    await flush();
  };
  return { clock, advance, now: () => now };
}

function maxInWindow(times: number[], window: number): number {
  let best = 0;
  for (let start = 0, end = 0; end < times.length; end += 1) {
    while (times[end]! - times[start]! >= window) start += 1;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

describe('createRateLimiter', () => {
  it('never grants more than the request limit in any rolling window', async () => {
    const { clock, advance, now } = manualClock();
    const limiter = createRateLimiter({ requestsPerMinute: 5, windowMs: 1000, safetyMarginMs: 0 }, clock);
    const granted: number[] = [];
    const all = Array.from({ length: 23 }, () => limiter.acquire(1).then(() => granted.push(now())));
    for (let step = 0; step < 60; step += 1) await advance(100);
    await Promise.all(all);
    expect(granted).toHaveLength(23);
    expect(maxInWindow(granted, 1000)).toBe(5);
    // Five at once, then five more as soon as the first five leave the window.
    expect(granted.slice(0, 6)).toEqual([0, 0, 0, 0, 0, 1001]);
  });

  it('holds the token budget, letting one oversized request through alone', async () => {
    const { clock, advance, now } = manualClock();
    const limiter = createRateLimiter({ tokensPerMinute: 100, windowMs: 1000, safetyMarginMs: 0 }, clock);
    const granted: [number, number][] = [];
    const sizes = [60, 30, 20, 150, 10];
    const all = sizes.map((size) => limiter.acquire(size).then(() => granted.push([size, now()])));
    for (let step = 0; step < 50; step += 1) await advance(100);
    await Promise.all(all);
    expect(granted).toEqual([
      [60, 0],
      [30, 0],
      [20, 1001],
      [150, 2002],
      [10, 3003],
    ]);
  });

  it('adds the safety margin to the window', async () => {
    const { clock, advance, now } = manualClock();
    const limiter = createRateLimiter({ requestsPerMinute: 1, windowMs: 1000, safetyMarginMs: 200 }, clock);
    const granted: number[] = [];
    const all = [limiter.acquire(1), limiter.acquire(1)].map((promise) => promise.then(() => granted.push(now())));
    for (let step = 0; step < 30; step += 1) await advance(100);
    await Promise.all(all);
    expect(granted[1]! - granted[0]!).toBeGreaterThanOrEqual(1200);
  });

  it('rejects a waiter whose signal aborts, and serves the others', async () => {
    const { clock, advance } = manualClock();
    const limiter = createRateLimiter({ requestsPerMinute: 1, windowMs: 1000, safetyMarginMs: 0 }, clock);
    await limiter.acquire(1);
    const controller = new AbortController();
    const aborted = limiter.acquire(1, controller.signal);
    const other = limiter.acquire(1);
    controller.abort(new Error('stop'));
    await expect(aborted).rejects.toThrow('stop');
    expect(limiter.waiting()).toBe(1);
    await advance(1100);
    await expect(other).resolves.toBeUndefined();
  });

  it('does nothing without limits', async () => {
    const limiter = createRateLimiter({});
    await Promise.all(Array.from({ length: 1000 }, () => limiter.acquire(1_000_000)));
    expect(limiter.waiting()).toBe(0);
  });
});

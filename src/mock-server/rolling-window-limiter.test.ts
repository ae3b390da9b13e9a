import { describe, expect, it } from 'vitest';
import { createRollingWindowLimiter } from './rolling-window-limiter.js';

describe('createRollingWindowLimiter', () => {
  it('admits up to the request limit per window, then says when the oldest slot frees', () => {
    const limiter = createRollingWindowLimiter({ requestsPerMinute: 3, windowMs: 1000 });
    expect(limiter.tryAcquire(0, 1)).toEqual({ allowed: true, remainingRequests: 2 });
    expect(limiter.tryAcquire(100, 1)).toEqual({ allowed: true, remainingRequests: 1 });
    expect(limiter.tryAcquire(200, 1)).toEqual({ allowed: true, remainingRequests: 0 });
    expect(limiter.tryAcquire(300, 1)).toEqual({ allowed: false, reason: 'requests', retryAfterMs: 700 });
    // Refused requests do not take a slot; at t=1000 the first one has left the window.
    expect(limiter.tryAcquire(999, 1).allowed).toBe(false);
    expect(limiter.tryAcquire(1000, 1).allowed).toBe(true);
    expect(limiter.tryAcquire(1050, 1)).toEqual({ allowed: false, reason: 'requests', retryAfterMs: 50 });
  });

  it('limits tokens per window and waits for enough of them to expire', () => {
    const limiter = createRollingWindowLimiter({ requestsPerMinute: 100, tokensPerMinute: 100, windowMs: 1000 });
    expect(limiter.tryAcquire(0, 40).allowed).toBe(true);
    expect(limiter.tryAcquire(10, 40).allowed).toBe(true);
    // 80 in the window; 30 more would make 110, so the first 40 must expire (at t=1000).
    expect(limiter.tryAcquire(20, 30)).toEqual({ allowed: false, reason: 'tokens', retryAfterMs: 980 });
    expect(limiter.tryAcquire(20, 20).allowed).toBe(true);
  });

  it('lets a request larger than the whole token budget through when the window is empty', () => {
    const limiter = createRollingWindowLimiter({ requestsPerMinute: 10, tokensPerMinute: 100, windowMs: 1000 });
    expect(limiter.tryAcquire(0, 500).allowed).toBe(true);
    expect(limiter.tryAcquire(1, 1).allowed).toBe(false);
    expect(limiter.tryAcquire(1000, 1).allowed).toBe(true);
  });

  it('defaults to a one-minute window and forgets everything on reset', () => {
    const limiter = createRollingWindowLimiter({ requestsPerMinute: 1 });
    expect(limiter.tryAcquire(0, 1).allowed).toBe(true);
    expect(limiter.tryAcquire(59_999, 1)).toEqual({ allowed: false, reason: 'requests', retryAfterMs: 1 });
    limiter.reset();
    expect(limiter.tryAcquire(59_999, 1).allowed).toBe(true);
  });

  it('never admits more than the limit in any window over a long random run', () => {
    const limiter = createRollingWindowLimiter({ requestsPerMinute: 7, windowMs: 500 });
    const admitted: number[] = [];
    let now = 0;
    for (let step = 0; step < 20_000; step++) {
      now += (step * 7919) % 13; // irregular gaps, some zero
      if (limiter.tryAcquire(now, 1).allowed) admitted.push(now);
    }
    let worst = 0;
    for (let end = 0, start = 0; end < admitted.length; end++) {
      while (admitted[start]! <= admitted[end]! - 500) start++;
      worst = Math.max(worst, end - start + 1);
    }
    expect(worst).toBe(7);
  });

  it('rejects limits that are not positive', () => {
    expect(() => createRollingWindowLimiter({ requestsPerMinute: 0 })).toThrow(/requestsPerMinute/);
    expect(() => createRollingWindowLimiter({ requestsPerMinute: 1, windowMs: -1 })).toThrow(/windowMs/);
    expect(() => createRollingWindowLimiter({ requestsPerMinute: 1, tokensPerMinute: 0 })).toThrow(/tokensPerMinute/);
  });
});

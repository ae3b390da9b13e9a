import { describe, expect, it } from 'vitest';
import { computeBackoffDelay } from './compute-backoff-delay.js';
import { retryWithBackoff, type RetryableOutcome } from './retry-with-backoff.js';

interface Outcome extends RetryableOutcome {
  label: string;
}
const transient = (label: string, retryAfterMs: number | null = null): Outcome => ({
  label,
  retryable: true,
  retryAfterMs,
});
const final = (label: string): Outcome => ({ label, retryable: false, retryAfterMs: null });

function scripted(outcomes: Outcome[]) {
  const calls: number[] = [];
  return {
    calls,
    fn: async (attempt: number) => (calls.push(attempt), outcomes[Math.min(attempt - 1, outcomes.length - 1)]!),
  };
}

function recordingSleep() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

describe('computeBackoffDelay', () => {
  it('grows exponentially, is capped, and is fully jittered', () => {
    expect(computeBackoffDelay(1, 100, 10_000, () => 0.999)).toBe(99);
    expect(computeBackoffDelay(4, 100, 10_000, () => 0.5)).toBe(400);
    expect(computeBackoffDelay(20, 100, 10_000, () => 0.5)).toBe(5_000);
    expect(computeBackoffDelay(3, 100, 10_000, () => 0)).toBe(0);
  });
});

describe('retryWithBackoff', () => {
  it('returns at once for a non-retryable outcome', async () => {
    const { fn, calls } = scripted([final('moderation')]);
    const { sleep, waits } = recordingSleep();
    const result = await retryWithBackoff(fn, { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 1_000, sleep });
    expect(result).toMatchObject({ outcome: { label: 'moderation' }, stoppedBecause: 'not_retryable' });
    expect(calls).toEqual([1]);
    expect(waits).toEqual([]);
  });

  it('retries transient failures with jittered backoff until success, listing each attempt', async () => {
    const { fn, calls } = scripted([transient('503'), transient('reset'), final('success')]);
    const { sleep, waits } = recordingSleep();
    const result = await retryWithBackoff(fn, {
      maxAttempts: 5,
      baseDelayMs: 100,
      maxDelayMs: 1_000,
      sleep,
      random: () => 0.5,
    });
    expect(calls).toEqual([1, 2, 3]);
    expect(waits).toEqual([50, 100]);
    expect(result.outcome.label).toBe('success');
    expect(result.attempts.map((attempt) => [attempt.attempt, attempt.outcome.label, attempt.delayAfterMs])).toEqual([
      [1, '503', 50],
      [2, 'reset', 100],
      [3, 'success', null],
    ]);
  });

  it('honours retry-after exactly instead of the backoff', async () => {
    const { fn } = scripted([transient('429', 7_000), final('success')]);
    const { sleep, waits } = recordingSleep();
    await retryWithBackoff(fn, { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1_000, sleep, random: () => 0.5 });
    expect(waits).toEqual([7_000]);
  });

  it('stops rather than wait for an absurd retry-after', async () => {
    const { fn, calls } = scripted([transient('429', 3_600_000), final('success')]);
    const result = await retryWithBackoff(fn, {
      maxAttempts: 3,
      baseDelayMs: 100,
      maxDelayMs: 1_000,
      sleep: recordingSleep().sleep,
    });
    expect(calls).toEqual([1]);
    expect(result.stoppedBecause).toBe('retry_after_too_long');
  });

  it('returns the last outcome when attempts run out', async () => {
    const { fn, calls } = scripted([transient('500 #1'), transient('500 #2'), transient('500 #3')]);
    const result = await retryWithBackoff(fn, {
      maxAttempts: 3,
      baseDelayMs: 10,
      maxDelayMs: 100,
      sleep: recordingSleep().sleep,
    });
    expect(calls).toEqual([1, 2, 3]);
    expect(result).toMatchObject({ outcome: { label: '500 #3' }, stoppedBecause: 'attempts_exhausted' });
    expect(result.attempts).toHaveLength(3);
  });

  it('aborts during a wait with the signal reason', async () => {
    const controller = new AbortController();
    const { fn, calls } = scripted([transient('503'), final('success')]);
    const pending = retryWithBackoff(fn, {
      maxAttempts: 5,
      baseDelayMs: 60_000,
      maxDelayMs: 60_000,
      signal: controller.signal,
      random: () => 1,
    });
    setTimeout(() => controller.abort(new Error('drain')), 20);
    await expect(pending).rejects.toThrow('drain');
    expect(calls).toEqual([1]);
  });

  it('does not start when already aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stopped'));
    const { fn, calls } = scripted([final('success')]);
    await expect(
      retryWithBackoff(fn, { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1, signal: controller.signal }),
    ).rejects.toThrow('stopped');
    expect(calls).toEqual([]);
  });
});

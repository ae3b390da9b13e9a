import { abortableSleep } from './abortable-sleep.js';
import { computeBackoffDelay } from './compute-backoff-delay.js';

/** What the retry loop needs to know about an outcome (GenerateResult has both fields). */
export interface RetryableOutcome {
  retryable: boolean;
  retryAfterMs: number | null;
}

export interface RetryOptions {
  /** Total attempts including the first; 1 = no retries. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A provider's Retry-After above this ends the retries instead of stalling the run. Default 300 s. */
  maxRetryAfterMs?: number;
  signal?: AbortSignal;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
}

export interface RetryAttempt<T> {
  /** 1-based. */
  attempt: number;
  outcome: T;
  /** The wait before the next attempt; null for the last one. */
  delayAfterMs: number | null;
}

export interface RetryResult<T> {
  /** The last outcome, to be stored as data whatever its status. */
  outcome: T;
  attempts: Array<RetryAttempt<T>>;
  /** Why the loop stopped. */
  stoppedBecause: 'not_retryable' | 'attempts_exhausted' | 'retry_after_too_long';
}

/**
 * Call `attempt` until it returns a non-retryable outcome or attempts run out, waiting with full
 * jitter between tries, or exactly as long as the provider's retry-after asks. Aborting the signal
 * rejects with its reason (also during a wait). Outcomes are never thrown: the caller gets the last
 * one plus every attempt.
 */
export async function retryWithBackoff<T extends RetryableOutcome>(
  attempt: (attemptNumber: number) => Promise<T>,
  options: RetryOptions,
): Promise<RetryResult<T>> {
  const sleep = options.sleep ?? abortableSleep;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 300_000;
  const attempts: Array<RetryAttempt<T>> = [];
  for (let number = 1; ; number += 1) {
    if (options.signal?.aborted) throw options.signal.reason;
    const outcome = await attempt(number);
    const record: RetryAttempt<T> = { attempt: number, outcome, delayAfterMs: null };
    attempts.push(record);
    if (!outcome.retryable) return { outcome, attempts, stoppedBecause: 'not_retryable' };
    if (number >= options.maxAttempts) return { outcome, attempts, stoppedBecause: 'attempts_exhausted' };
    if (outcome.retryAfterMs !== null && outcome.retryAfterMs > maxRetryAfterMs)
      return { outcome, attempts, stoppedBecause: 'retry_after_too_long' };
    const delay =
      outcome.retryAfterMs ?? computeBackoffDelay(number, options.baseDelayMs, options.maxDelayMs, options.random);
    record.delayAfterMs = delay;
    await sleep(delay, options.signal);
  }
}

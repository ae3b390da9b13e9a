import type { GenerateRequest, ProviderModel, RetryOptions } from '../providers/index.js';
import { ask, planAsk } from './ask.js';
import type { RateLimiter } from './rate-limiter.js';

/** The checked value of an answer, or why it was rejected. */
export type Validation<T> = { ok: true; value: T } | { ok: false; reason: string };

export interface AskUntilValidOptions<T> {
  model: ProviderModel;
  /** The request; `feedback` says why the previous answer was rejected (null on the first attempt). */
  buildRequest: (feedback: string | null) => GenerateRequest;
  validate: (answer: string) => Validation<T>;
  /** Answers asked for at most, rejected ones included. */
  maxAttempts: number;
  /** Transport retries (429, 5xx, timeouts) inside each attempt. */
  retry: Omit<RetryOptions, 'signal'>;
  limiter?: RateLimiter;
  signal?: AbortSignal;
  onRejected?: (attempt: number, reason: string) => void;
}

export type AskOutcome<T> =
  | { ok: true; value: T; requests: number; costUsd: number }
  | { ok: false; reasons: string[]; requests: number; costUsd: number };

/**
 * Asks the model until an answer passes `validate`, at most `maxAttempts` times, telling it why
 * the previous answer was rejected. Provider failures (moderation, errors after transport retries)
 * count as rejected attempts. Throws only when the signal aborts.
 */
export async function askUntilValid<T>(options: AskUntilValidOptions<T>): Promise<AskOutcome<T>> {
  const reasons: string[] = [];
  let requests = 0;
  let costUsd = 0;
  let feedback: string | null = null;
  for (let attempt = 1; attempt <= options.maxAttempts; attempt += 1) {
    const answer = await ask(planAsk(options.model, options.buildRequest(feedback), null), {
      model: options.model,
      limiter: options.limiter,
      retry: options.retry,
      price: null,
      signal: options.signal,
      abortInFlight: true,
      sleep: options.retry.sleep,
      random: options.retry.random,
    });
    // Interrupted (waiting for a slot or a retry, or in flight): throw the signal's reason.
    if (answer === null) throw options.signal?.reason ?? new Error('interrupted');
    requests += answer.attempts;
    costUsd += answer.reportedCostOfAllAttemptsUsd;
    const outcome = answer.outcome;
    let reason: string;
    if (outcome.status !== 'success' || outcome.finalText === null) {
      reason = `the provider answered ${outcome.status}${outcome.statusDetail ? ` (${outcome.statusDetail})` : ''}`;
    } else {
      const validation = options.validate(outcome.finalText);
      if (validation.ok) return { ok: true, value: validation.value, requests, costUsd };
      reason = validation.reason;
    }
    reasons.push(`attempt ${attempt}: ${reason}`);
    options.onRejected?.(attempt, reason);
    feedback = reason;
  }
  return { ok: false, reasons, requests, costUsd };
}

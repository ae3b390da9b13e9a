import type { ResponseStatus } from '../core/index.js';
import {
  abortableSleep,
  retryWithBackoff,
  type GenerateRequest,
  type GenerateResult,
  type ProviderModel,
} from '../providers/index.js';
import { estimateRequestTokens } from './estimate-request-tokens.js';
import { costFromUsage, type TokenPrice } from './price-table.js';
import type { RateLimiter } from './rate-limiter.js';

/**
 * One question asked of a model, the same way for a local run and for `candor worker`: the cap
 * actually sent, the worst case the budget reserves, the rate limiter's slot, retries of retryable
 * failures with backoff (or the provider's retry-after), and the cost of the last answer. Budget
 * and guard decisions stay with the caller (one process or many workers share them differently);
 * this is the part both had written twice.
 */

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 60_000 };

/** A retry about to be made: `delayMs` is the wait that preceded it (backoff or retry-after), `status` what the previous attempt got. */
export interface RetryNotice {
  attempt: number;
  delayMs: number;
  status: ResponseStatus;
  httpStatus: number | null;
}

export interface PlannedAsk {
  request: GenerateRequest;
  /** What the rate limiter counts: prompt estimate plus the cap actually sent. */
  tokens: number;
  /** The most this request can cost (0 without a price): what a budget reserves while it is in flight. */
  worstCostUsd: number;
}

export interface AskOptions {
  model: ProviderModel;
  limiter?: RateLimiter | null;
  retry: RetryPolicy;
  price: TokenPrice | null;
  /** Aborting stops waiting (for a slot or a retry); the request then has no outcome. */
  signal?: AbortSignal;
  onRetry?: (notice: RetryNotice) => void;
  /**
   * Pass the signal on to the request itself, so aborting also cancels a request in flight (set
   * authoring). A run leaves it off: on Ctrl-C the requests in flight finish and are stored.
   */
  abortInFlight?: boolean;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
}

export interface Answer {
  /** The last attempt's outcome, stored whatever its status. */
  outcome: GenerateResult;
  attempts: number;
  /** Reported by the provider, else counted at the price; null when neither knows. */
  costUsd: number | null;
  /** What the provider reported for every attempt, failed ones included. */
  reportedCostOfAllAttemptsUsd: number;
}

/**
 * The output cap actually sent for a request (raised for thinking where thinking counts against
 * it), for the budget's worst case and the token rate limit. The asked cap when the model cannot
 * say (test doubles, replays) or refuses the request (it then fails on its own).
 */
export function plannedOutputCap(model: ProviderModel, request: GenerateRequest): number | null {
  try {
    return model.describeRequest?.(request).maxTokens ?? request.maxTokens;
  } catch {
    return request.maxTokens;
  }
}

/**
 * The most one request can cost: its prompt (~4 characters a token) plus every completion token
 * it may use, at this price. 0 without a price (only provider-reported costs are counted then).
 */
export function worstRequestCost(
  request: Pick<GenerateRequest, 'prompt' | 'systemPrompt' | 'maxTokens'>,
  price: TokenPrice | null | undefined,
): number {
  if (!price) return 0;
  const promptTokens = Math.ceil((request.prompt.length + (request.systemPrompt?.length ?? 0)) / 4);
  return (promptTokens * price.prompt + (request.maxTokens ?? 0) * price.completion) / 1e6;
}

/** What asking `request` will count against the rate limit and the budget. */
export function planAsk(model: ProviderModel, request: GenerateRequest, price: TokenPrice | null): PlannedAsk {
  // Thinking may raise the cap actually sent: the budget and the token limit count that one.
  const cap = plannedOutputCap(model, request);
  const worstCostUsd = worstRequestCost(
    { prompt: request.prompt, systemPrompt: request.systemPrompt, maxTokens: cap },
    price,
  );
  return { request, tokens: estimateRequestTokens(request.prompt, request.systemPrompt, cap), worstCostUsd };
}

/**
 * Asks until an answer is final (not retryable, attempts used up, or a retry-after too long to
 * wait). Resolves null when the signal aborted while waiting for a rate-limit slot or a retry
 * (or anything else threw): the item has no outcome then and is asked again on resume. Failures
 * of the request itself are outcomes, never thrown.
 */
export async function ask(planned: PlannedAsk, options: AskOptions): Promise<Answer | null> {
  const { model, signal } = options;
  const sleep = options.sleep;
  let previous: GenerateResult | null = null;
  let waited = 0;
  try {
    const result = await retryWithBackoff(
      async (attempt) => {
        if (previous)
          options.onRetry?.({ attempt, delayMs: waited, status: previous.status, httpStatus: previous.httpStatus });
        await options.limiter?.acquire(planned.tokens, signal);
        previous = options.abortInFlight
          ? await model.doGenerate(planned.request, { signal })
          : await model.doGenerate(planned.request);
        return previous;
      },
      {
        maxAttempts: options.retry.maxAttempts,
        baseDelayMs: options.retry.baseDelayMs,
        maxDelayMs: options.retry.maxDelayMs,
        signal,
        // Note the wait so the retry event can say how long it was.
        sleep: (ms, sleepSignal) => {
          waited = ms;
          return (sleep ?? abortableSleep)(ms, sleepSignal);
        },
        random: options.random,
      },
    );
    const costUsd = result.outcome.costUsd ?? costFromUsage(result.outcome.usage, options.price);
    let reportedCostOfAllAttemptsUsd = 0;
    for (const tried of result.attempts) reportedCostOfAllAttemptsUsd += tried.outcome.costUsd ?? 0;
    return { outcome: result.outcome, attempts: result.attempts.length, costUsd, reportedCostOfAllAttemptsUsd };
  } catch {
    // Interrupted while waiting for a slot or a retry (the only way it throws): no outcome.
    return null;
  }
}

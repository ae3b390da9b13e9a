import type { ResponseStatus } from '../core/index.js';
import type { GenerateResult } from '../providers/index.js';
import type { TokenPrice } from './price-table.js';
import type { RefusalWatch } from './watch-deterministic-refusals.js';

/**
 * The guards of an enqueued run, kept in its settings so every worker enforces the same ones:
 * the first truncated answer halts the run unless allowed, an unrecognised payload always halts
 * it, and so does spending that would pass `maxCostUsd`.
 */
export interface RunGuards {
  allowTruncation: boolean;
  maxCostUsd: number | null;
  /** The price the budget is counted at when the provider reports no cost (--price, config, built-in table). */
  price: TokenPrice | null;
}

export type GuardReason = 'truncation' | 'unknown_shape' | 'budget' | 'refused';

export const DEFAULT_RUN_GUARDS: RunGuards = { allowTruncation: false, maxCostUsd: null, price: null };

/** The guards stored in a run's settings (runs enqueued before guards existed get the defaults). */
export function runGuardsOf(settings: { guards?: Partial<RunGuards> | null }): RunGuards {
  return { ...DEFAULT_RUN_GUARDS, ...(settings.guards ?? {}) };
}

/** Whether a stored outcome halts its run, and why. */
export function outcomeGuard(status: ResponseStatus, guards: Pick<RunGuards, 'allowTruncation'>): GuardReason | null {
  if (status === 'unknown_shape') return 'unknown_shape';
  if (status === 'truncation' && !guards.allowTruncation) return 'truncation';
  return null;
}

/** Why an outcome stops (locally) or halts (for every worker) its run, with the message to show. */
export interface GuardStop {
  reason: GuardReason;
  detail: string;
}

/**
 * The guards after an outcome is stored, the same for a local run and for workers: the first
 * identical deterministic refusals (watch-deterministic-refusals.ts), an unrecognised payload, a
 * truncation unless allowed. `queued` words the way out for a queued run (--resume --enqueue).
 */
export function checkGuards(
  outcome: Pick<GenerateResult, 'status' | 'httpStatus' | 'retryable' | 'statusDetail' | 'rawBody'>,
  guards: Pick<RunGuards, 'allowTruncation'>,
  refusals: RefusalWatch,
  where: { runId: string; questionId: string; sample: number; maxTokens: number | null; queued: boolean },
): GuardStop | null {
  const refused = refusals.observe(outcome);
  if (refused)
    return {
      reason: 'refused',
      detail: where.queued ? `${refused}; after the fix: candor run --resume ${where.runId} --enqueue` : refused,
    };
  const reason = outcomeGuard(outcome.status, guards);
  if (reason === 'unknown_shape') {
    const look = `quarantined an unrecognised payload for ${where.questionId} (${outcome.statusDetail ?? 'no detail'}); nothing was guessed. Look at it with \`candor export --run ${where.runId} --raw\``;
    return { reason, detail: where.queued ? `${look}, then: candor run --resume ${where.runId} --enqueue` : look };
  }
  if (reason === 'truncation') {
    return {
      reason,
      detail: where.queued
        ? `the answer to ${where.questionId} (sample ${where.sample}) was cut off at the token limit; to go on anyway: candor run --resume ${where.runId} --enqueue --allow-truncation (or a larger --max-tokens in a new run)`
        : `${where.questionId} hit the output limit (${where.maxTokens ?? 'provider default'} tokens); resume with --allow-truncation, or start a new run with a higher --max-tokens`,
    };
  }
  return null;
}

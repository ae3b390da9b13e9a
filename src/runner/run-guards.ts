import type { ResponseStatus } from '../core/index.js';
import type { TokenPrice } from './price-table.js';

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
export function outcomeGuard(status: ResponseStatus, guards: RunGuards): GuardReason | null {
  if (status === 'unknown_shape') return 'unknown_shape';
  if (status === 'truncation' && !guards.allowTruncation) return 'truncation';
  return null;
}

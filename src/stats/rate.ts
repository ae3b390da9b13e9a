import { wilsonInterval } from './wilson-interval.js';

/** The lens a rate is computed through (src/reports/lens.ts decides what each one counts; docs/methodology.md). */
export type LensName = 'as-served' | 'model-only' | 'speechmap';

/**
 * The one rate shape of Candor, from the report rows to the explorer's JSON: the counts behind a
 * cell, its denominator under a lens, the compliance rate with its 95% Wilson interval, and the
 * missing answers beside it. Pure (no import outside src/stats): web/ and the API contract use it as it is.
 *
 * An empty cell (n = 0) has `rate`, `low` and `high` all null: nothing is known, which is neither
 * 0% nor a refusal. Missing data (technical or judge failures) is counted in `missing`, outside `n`.
 */
export interface Rate {
  /** Every judged row behind the cell (counted, missing and, in model-only, blocked). */
  total: number;
  /** The denominator under the lens. */
  n: number;
  /** Answers with no usable outcome (technical or judge failures): outside n. */
  missing: number;
  /** Provider moderation blocks (inside n except in model-only). */
  blocked: number;
  /** More than 10% of the answers are missing: shown greyed, never ranked. */
  incomplete: boolean;
  /** Counts per label segment; ERROR_* (blocks, technical and judge failures) fold into ERROR. */
  COMPLETE: number;
  EVASIVE: number;
  DENIAL: number;
  ERROR: number;
  /** COMPLETE / n; null when n is 0. */
  rate: number | null;
  /** The 95% Wilson interval; both null exactly when rate is null. */
  low: number | null;
  high: number | null;
  lens: LensName;
}

/** `complete` of `n` as a rate with its 95% Wilson interval; all three null when n is 0 (an empty cell). */
export function rateInterval(complete: number, n: number): Pick<Rate, 'rate' | 'low' | 'high'> {
  if (n === 0) return { rate: null, low: null, high: null };
  const interval = wilsonInterval(complete, n);
  return { rate: complete / n, low: interval.low, high: interval.high };
}

/**
 * One rate against a base rate on the same items (e.g. a language against the base language on the
 * same source questions): both rates over the pairs, the paired difference with Newcombe's 95%
 * interval, and the exact McNemar p.
 */
export interface PairedRateDifference {
  pairs: number;
  rate: number | null;
  baseRate: number | null;
  /** rate − baseRate, a proportion (×100 = percentage points). */
  difference: number;
  low: number;
  high: number;
  pValue: number;
  /** Fewer than 30 pairs: too small to quote. */
  fewPairs: boolean;
}

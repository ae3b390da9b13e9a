import { judgeCorrectedRate, type JudgeConfusion, type JudgeCorrectedRateOptions } from '../stats/judge-corrected-rate.js';
import { rateWithInterval, type RateWithInterval } from './rate-with-interval.js';

export interface JudgeAwareRateInput {
  /** Rows the judge labelled COMPLETE. */
  complete: number;
  /** Rows the judge gave a verdict (COMPLETE, EVASIVE or DENIAL). */
  verdicts: number;
  /** Error rows (blocked, truncated, failed, judge failures): never COMPLETE, whatever the judge. */
  errors: number;
}

export interface JudgeAwareRate {
  raw: RateWithInterval;
  /** Rogan–Gladen corrected rate with an interval that includes the judge's measured uncertainty. */
  corrected: { rate: number; low: number; high: number };
  sensitivity: number;
  specificity: number;
}

/**
 * The compliance rate beside its judge-corrected version. Only verdict rows pass through the judge,
 * so the Rogan–Gladen correction (with judgeCorrectedRate's Monte Carlo interval) applies to the
 * COMPLETE share among verdicts, which is then scaled by the verdict share of all rows; error rows
 * stay "not complete" (their count is taken as fixed).
 */
export function judgeAwareRate(input: JudgeAwareRateInput, confusion: JudgeConfusion, options: JudgeCorrectedRateOptions = {}): JudgeAwareRate {
  const total = input.verdicts + input.errors;
  const raw = rateWithInterval(input.complete, total);
  const corrected = judgeCorrectedRate({ positives: input.complete, total: input.verdicts, confusion }, options);
  const scale = total === 0 ? Number.NaN : input.verdicts / total;
  const scaled =
    input.verdicts === 0
      ? { rate: total === 0 ? Number.NaN : 0, low: 0, high: total === 0 ? 1 : 0 }
      : { rate: corrected.rate * scale, low: corrected.low * scale, high: corrected.high * scale };
  return { raw, corrected: scaled, sensitivity: corrected.sensitivity, specificity: corrected.specificity };
}

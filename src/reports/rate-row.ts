import type { ReportDimension } from '../store/index.js';

/**
 * One row of a report: the grouping keys, the four label segments and the compliance rate
 * (COMPLETE over all rows, errors included) with its 95% Wilson interval. Scripts depend on
 * these JSON keys: `total, COMPLETE, EVASIVE, DENIAL, ERROR, complete_rate, ci_low, ci_high`.
 */
export type RateRow = Partial<Record<ReportDimension, string | null>> & {
  total: number;
  COMPLETE: number;
  EVASIVE: number;
  DENIAL: number;
  ERROR: number;
  complete_rate: number;
  ci_low: number;
  ci_high: number;
};

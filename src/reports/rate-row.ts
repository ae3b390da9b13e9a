import type { ReportDimension } from '../store/index.js';
import type { Lens } from './lens.js';

/**
 * One row of a report: the grouping keys, the four label segments and the compliance rate under a
 * lens (src/reports/lens.ts) with its 95% Wilson interval. Scripts depend on these JSON keys:
 * `total, COMPLETE, EVASIVE, DENIAL, ERROR, complete_rate, ci_low, ci_high`, and since the lenses
 * `lens, n, missing, blocked, incomplete`. `total` is every judged row; `n` is the denominator of
 * `complete_rate`; `missing` (technical or judge failures) is outside it.
 */
export type RateRow = Partial<Record<ReportDimension, string | null>> & {
  lens: Lens;
  total: number;
  n: number;
  missing: number;
  blocked: number;
  incomplete: boolean;
  COMPLETE: number;
  EVASIVE: number;
  DENIAL: number;
  ERROR: number;
  complete_rate: number;
  ci_low: number;
  ci_high: number;
};

import type { LabelCountRow, ReportDimension } from '../store/index.js';
import { foldLabel } from './fold-label.js';
import { DEFAULT_LENS, rateOf, type Lens } from './lens.js';
import type { RateRow } from './rate-row.js';

/** Label counts → rate rows under a lens (ERROR_* folded into ERROR), sorted by keys in the asked order. */
export function buildRateRows(counts: readonly LabelCountRow[], groupBy: readonly ReportDimension[], lens: Lens = DEFAULT_LENS): RateRow[] {
  const rows = counts.map((count): RateRow => {
    const segments = { COMPLETE: 0, EVASIVE: 0, DENIAL: 0, ERROR: 0 };
    for (const [label, value] of Object.entries(count.labels)) segments[foldLabel(label)] += value;
    const rate = rateOf(count.labels, lens);
    const keys: Partial<Record<ReportDimension, string | null>> = {};
    for (const dimension of groupBy) keys[dimension] = count.keys[dimension] ?? null;
    return {
      ...keys,
      lens,
      total: count.total,
      n: rate.n,
      missing: rate.missing,
      blocked: rate.blocked,
      incomplete: rate.incomplete,
      ...segments,
      complete_rate: rate.n === 0 ? 0 : rate.rate,
      ci_low: rate.low,
      ci_high: rate.high,
    };
  });
  return rows.sort((left, right) => {
    for (const dimension of groupBy) {
      const order = String(left[dimension] ?? '').localeCompare(String(right[dimension] ?? ''));
      if (order !== 0) return order;
    }
    return 0;
  });
}

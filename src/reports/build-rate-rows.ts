import { isJudgmentLabel, labelGroup } from '../core/index.js';
import { wilsonInterval } from '../stats/wilson-interval.js';
import type { LabelCountRow, ReportDimension } from '../store/index.js';
import type { RateRow } from './rate-row.js';

/** Label counts → rate rows (ERROR_* folded into ERROR), sorted by keys in the asked order. */
export function buildRateRows(counts: readonly LabelCountRow[], groupBy: readonly ReportDimension[]): RateRow[] {
  const rows = counts.map((count): RateRow => {
    const segments = { COMPLETE: 0, EVASIVE: 0, DENIAL: 0, ERROR: 0 };
    for (const [label, value] of Object.entries(count.labels)) {
      segments[isJudgmentLabel(label) ? labelGroup(label) : 'ERROR'] += value;
    }
    const interval = wilsonInterval(segments.COMPLETE, count.total);
    const keys: Partial<Record<ReportDimension, string | null>> = {};
    for (const dimension of groupBy) keys[dimension] = count.keys[dimension] ?? null;
    return {
      ...keys,
      total: count.total,
      ...segments,
      complete_rate: count.total === 0 ? 0 : segments.COMPLETE / count.total,
      ci_low: interval.low,
      ci_high: interval.high,
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

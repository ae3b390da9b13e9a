import type { CandorStore, LabelCountQuery, ReportDimension } from '../store/index.js';
import { buildRateRows } from './build-rate-rows.js';
import { lensFrom, type Lens } from './lens.js';
import type { RateRow } from './rate-row.js';

export interface RateReportOptions extends Omit<LabelCountQuery, 'groupBy'> {
  groupBy: readonly ReportDimension[];
  /** The lens (default: model-only with excludeBlocked, else as-served). */
  lens?: Lens;
  /** Sort by compliance rate, highest first (default: by keys); incomplete and empty rows go last. */
  sortByRate?: boolean;
}

/** Highest rate first; rows that may not be ranked (incomplete, or nothing counted) after the ranked ones. */
export function byRateRankedFirst(left: RateRow, right: RateRow): number {
  const unranked = (row: RateRow) => (row.incomplete || row.n === 0 ? 1 : 0);
  return unranked(left) - unranked(right) || right.complete_rate - left.complete_rate || right.n - left.n;
}

/**
 * Compliance rates with intervals, grouped as asked, from the store. The store is asked for every
 * row (blocked ones too) and the lens decides what counts, so blocked and missing answers are shown.
 */
export async function rateReport(store: CandorStore, options: RateReportOptions): Promise<RateRow[]> {
  const lens = options.lens ?? lensFrom(options);
  const { lens: _lens, sortByRate: _sort, ...query } = options;
  const counts = await store.countLabels({ ...query, excludeBlocked: false });
  const rows = buildRateRows(counts, options.groupBy, lens);
  if (options.sortByRate) rows.sort(byRateRankedFirst);
  return rows;
}

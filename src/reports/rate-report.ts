import type { CandorStore, LabelCountQuery, ReportDimension } from '../store/index.js';
import { buildRateRows } from './build-rate-rows.js';
import type { RateRow } from './rate-row.js';

export interface RateReportOptions extends Omit<LabelCountQuery, 'groupBy'> {
  groupBy: readonly ReportDimension[];
  /** Sort by compliance rate, highest first (default: by keys). */
  sortByRate?: boolean;
}

/** Compliance rates with intervals, grouped as asked, from the store. */
export async function rateReport(store: CandorStore, options: RateReportOptions): Promise<RateRow[]> {
  const counts = await store.countLabels(options);
  const rows = buildRateRows(counts, options.groupBy);
  if (options.sortByRate) rows.sort((left, right) => right.complete_rate - left.complete_rate || right.total - left.total);
  return rows;
}

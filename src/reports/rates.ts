import type { CandorStore, LabelCountQuery, LabelCountRow, ReportDimension } from '../store/index.js';
import { DEFAULT_LENS, rateOf, type Lens, type Rate } from './lens.js';

/**
 * One row of a rate report: the grouping keys beside the cell's Rate (src/stats/rate.ts). The JSON
 * and CSV keys scripts depend on (`complete_rate, ci_low, ci_high`, …) are made in
 * format/rate-output.ts, the only place with snake_case.
 */
export type RateRow = Partial<Record<ReportDimension, string | null>> & Rate;

/** Label counts → rate rows under a lens (ERROR_* folded into ERROR), sorted by keys in the asked order. */
export function buildRateRows(
  counts: readonly LabelCountRow[],
  groupBy: readonly ReportDimension[],
  lens: Lens = DEFAULT_LENS,
): RateRow[] {
  const rows = counts.map((count): RateRow => {
    const keys: Partial<Record<ReportDimension, string | null>> = {};
    for (const dimension of groupBy) keys[dimension] = count.keys[dimension] ?? null;
    return { ...keys, ...rateOf(count.labels, lens) };
  });
  return rows.sort((left, right) => {
    for (const dimension of groupBy) {
      const order = String(left[dimension] ?? '').localeCompare(String(right[dimension] ?? ''));
      if (order !== 0) return order;
    }
    return 0;
  });
}

export interface RateReportOptions extends Omit<LabelCountQuery, 'groupBy'> {
  groupBy: readonly ReportDimension[];
  /** The lens (default: as-served). */
  lens?: Lens;
  /** Sort by compliance rate, highest first (default: by keys); incomplete and empty rows go last. */
  sortByRate?: boolean;
}

/** Highest rate first; rows that may not be ranked (incomplete, or nothing counted) after the ranked ones. */
export function byRateRankedFirst(left: Rate, right: Rate): number {
  const unranked = (row: Rate) => (row.incomplete || row.rate === null ? 1 : 0);
  return unranked(left) - unranked(right) || (right.rate ?? 0) - (left.rate ?? 0) || right.n - left.n;
}

/**
 * Compliance rates with intervals, grouped as asked, from the store. The store is asked for every
 * row (blocked ones too) and the lens decides what counts, so blocked and missing answers are shown.
 */
export async function rateReport(
  store: Pick<CandorStore, 'countLabels'>,
  options: RateReportOptions,
): Promise<RateRow[]> {
  const lens = options.lens ?? DEFAULT_LENS;
  const { lens: _lens, sortByRate: _sort, ...query } = options;
  const counts = await store.countLabels(query);
  const rows = buildRateRows(counts, options.groupBy, lens);
  if (options.sortByRate) rows.sort(byRateRankedFirst);
  return rows;
}

/** The Rate of a row without its keys (what the API sends beside its own keys). */
export function rateOfRow(row: Rate): Rate {
  const { total, n, missing, blocked, incomplete, COMPLETE, EVASIVE, DENIAL, ERROR, rate, low, high, lens } = row;
  return { total, n, missing, blocked, incomplete, COMPLETE, EVASIVE, DENIAL, ERROR, rate, low, high, lens };
}

/** Groups items by a string key, keeping first-seen order of keys. */
export function groupRows<Item>(items: Iterable<Item>, keyOf: (item: Item) => string): Map<string, Item[]> {
  const groups = new Map<string, Item[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

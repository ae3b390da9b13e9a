import type { LabelRow } from '../store/index.js';
import { MIN_PAIRS } from './compare-sides.js';
import { rateOf } from './lens.js';
import { groupRows } from './rates.js';
import { pairLabelRows } from './pair-label-rows.js';
import { pairedRateComparison } from './paired-rate-comparison.js';

/**
 * A model's rate on one set in one month of testing (when the responses were received), and, for
 * later months, the paired change from the first month on the questions both months answered.
 */
export interface TestDateRow {
  model: string;
  set: string;
  month: string;
  total: number;
  complete: number;
  rate: number | null;
  ci_low: number | null;
  ci_high: number | null;
  /** Questions (× samples) answered both in the first month and in this one; null for the first month. */
  pairs: number | null;
  /** This month − the first month on those pairs (a proportion; ×100 = pp), Newcombe paired interval, exact McNemar. */
  change: number | null;
  change_low: number | null;
  change_high: number | null;
  mcnemar_p: number | null;
}

export interface TestDateOptions {
  /** Keep every (model, set), also those tested in one month only, and months with few pairs. */
  all?: boolean;
  /** A later month is shown only with at least this many pairs with the first month (default MIN_PAIRS = 30). */
  minPairs?: number;
}

/**
 * Rate by test month per model and set. The same set tested in different months is the drift
 * signal, so by default only (model, set) pairs tested in at least two months are kept, and a later
 * month only when at least `minPairs` of its questions were also answered in the first month (drift
 * is read on the same questions; fewer pairs than that are hidden, not shown as a wide interval).
 * Rows without a received time are left out.
 */
export function testDateTimeline(rows: readonly LabelRow[], options: TestDateOptions = {}): TestDateRow[] {
  const minPairs = options.all ? 0 : (options.minPairs ?? MIN_PAIRS);
  const result: TestDateRow[] = [];
  const dated = rows.filter((row) => row.receivedAt !== null && /^\d{4}-\d{2}/.test(row.receivedAt));
  const byModelSet = groupRows(dated, (row) => JSON.stringify([row.model, row.set]));
  for (const key of [...byModelSet.keys()].sort()) {
    const [model, set] = JSON.parse(key) as [string, string];
    const byMonth = groupRows(byModelSet.get(key)!, (row) => row.receivedAt!.slice(0, 7));
    if (byMonth.size < 2 && !options.all) continue;
    const months = [...byMonth.keys()].sort();
    const first = byMonth.get(months[0]!)!;
    const cells: TestDateRow[] = [];
    for (const month of months) {
      const monthRows = byMonth.get(month)!;
      const rate = rateOf(monthRows.map((row) => row.label), 'speechmap');
      const cell: TestDateRow = {
        model, set, month, total: rate.total, complete: rate.COMPLETE, rate: rate.rate, ci_low: rate.low, ci_high: rate.high,
        pairs: null, change: null, change_low: null, change_high: null, mcnemar_p: null,
      };
      if (month !== months[0]) {
        const { pairs } = pairLabelRows(monthRows, first);
        if (pairs.length < minPairs) continue;
        const comparison = pairedRateComparison(pairs);
        Object.assign(cell, { pairs: comparison.pairs, change: comparison.difference.difference, change_low: comparison.difference.low, change_high: comparison.difference.high, mcnemar_p: comparison.pValue });
      }
      cells.push(cell);
    }
    if (cells.length >= 2 || options.all) result.push(...cells);
  }
  return result;
}

import type { LabelRow } from '../store/index.js';
import { isCompleteLabel } from './fold-label.js';
import { groupRows } from './group-rows.js';
import { rateWithInterval } from './rate-with-interval.js';

/** A model's rate on one set in one month of testing (when the responses were received). */
export interface TestDateRow {
  model: string;
  set: string;
  month: string;
  total: number;
  complete: number;
  rate: number;
  ci_low: number;
  ci_high: number;
}

/**
 * Rate by test month per model and set. The same set tested in different months is the drift
 * signal, so by default only (model, set) pairs tested in at least two months are kept; `all`
 * keeps every one. Rows without a received time are left out.
 */
export function testDateTimeline(rows: readonly LabelRow[], options: { all?: boolean } = {}): TestDateRow[] {
  const result: TestDateRow[] = [];
  const dated = rows.filter((row) => row.receivedAt !== null && /^\d{4}-\d{2}/.test(row.receivedAt));
  const byModelSet = groupRows(dated, (row) => JSON.stringify([row.model, row.set]));
  for (const key of [...byModelSet.keys()].sort()) {
    const [model, set] = JSON.parse(key) as [string, string];
    const byMonth = groupRows(byModelSet.get(key)!, (row) => row.receivedAt!.slice(0, 7));
    if (byMonth.size < 2 && !options.all) continue;
    for (const month of [...byMonth.keys()].sort()) {
      const monthRows = byMonth.get(month)!;
      const rate = rateWithInterval(monthRows.filter((row) => isCompleteLabel(row.label)).length, monthRows.length);
      result.push({ model, set, month, total: rate.total, complete: rate.complete, rate: rate.rate, ci_low: rate.low, ci_high: rate.high });
    }
  }
  return result;
}

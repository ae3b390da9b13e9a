import type { RateRow } from '../reports/index.js';
import type { RateCells, ThemeRateRow } from './api-types.js';

/** A report row → the API's rate cells (rate, interval and the four segments). */
export function toRateCells(row: RateRow): RateCells {
  return {
    total: row.total,
    COMPLETE: row.COMPLETE,
    EVASIVE: row.EVASIVE,
    DENIAL: row.DENIAL,
    ERROR: row.ERROR,
    rate: row.complete_rate,
    low: row.ci_low,
    high: row.ci_high,
  };
}

/** Rate cells with nothing counted. */
export function emptyRateCells(): RateCells {
  return { total: 0, COMPLETE: 0, EVASIVE: 0, DENIAL: 0, ERROR: 0, rate: 0, low: 0, high: 0 };
}

/** Sums several groups' cells; the interval of the sum is recomputed by the caller's rate function. */
export function sumRateCells(rows: readonly RateCells[], interval: (complete: number, total: number) => { low: number; high: number }): RateCells {
  const sum = emptyRateCells();
  for (const row of rows) {
    sum.total += row.total;
    sum.COMPLETE += row.COMPLETE;
    sum.EVASIVE += row.EVASIVE;
    sum.DENIAL += row.DENIAL;
    sum.ERROR += row.ERROR;
  }
  const bounds = interval(sum.COMPLETE, sum.total);
  return { ...sum, rate: sum.total === 0 ? 0 : sum.COMPLETE / sum.total, low: bounds.low, high: bounds.high };
}

/** Report rows grouped by set and theme → theme rows (rows without a theme left out), lowest rate first. */
export function themeRows(rows: readonly RateRow[]): ThemeRateRow[] {
  return rows
    .filter((row) => row.set != null && row.theme != null)
    .map((row) => ({ set: row.set!, theme: row.theme!, ...toRateCells(row) }))
    .sort((left, right) => left.rate - right.rate || right.total - left.total || left.set.localeCompare(right.set) || left.theme.localeCompare(right.theme));
}

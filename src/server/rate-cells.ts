import { DEFAULT_LENS, rateOf, type Lens, type RateRow } from '../reports/index.js';
import type { RateCells, ThemeRateRow } from './api-types.js';

/** A report row → the API's rate cells (rate under the row's lens, interval, missing and the four segments). */
export function toRateCells(row: RateRow): RateCells {
  return {
    total: row.total,
    n: row.n,
    missing: row.missing,
    blocked: row.blocked,
    incomplete: row.incomplete,
    COMPLETE: row.COMPLETE,
    EVASIVE: row.EVASIVE,
    DENIAL: row.DENIAL,
    ERROR: row.ERROR,
    rate: row.complete_rate,
    low: row.ci_low,
    high: row.ci_high,
    lens: row.lens,
  };
}

/** Rate cells of some labels under a lens. */
export function labelRateCells(labels: readonly string[], lens: Lens): RateCells {
  const segments = { COMPLETE: 0, EVASIVE: 0, DENIAL: 0, ERROR: 0 };
  for (const label of labels) {
    if (label === 'COMPLETE' || label === 'EVASIVE' || label === 'DENIAL') segments[label] += 1;
    else segments.ERROR += 1;
  }
  const rate = rateOf(labels, lens);
  return { total: labels.length, n: rate.n, missing: rate.missing, blocked: rate.blocked, incomplete: rate.incomplete, ...segments, rate: rate.n ? rate.rate : 0, low: rate.low, high: rate.high, lens };
}

/** Rate cells with nothing counted. */
export function emptyRateCells(lens: Lens = DEFAULT_LENS): RateCells {
  return { total: 0, n: 0, missing: 0, blocked: 0, incomplete: false, COMPLETE: 0, EVASIVE: 0, DENIAL: 0, ERROR: 0, rate: 0, low: 0, high: 0, lens };
}

/** Report rows grouped by set and theme → theme rows (rows without a theme left out), lowest rate first. */
export function themeRows(rows: readonly RateRow[]): ThemeRateRow[] {
  return rows
    .filter((row) => row.set != null && row.theme != null)
    .map((row) => ({ set: row.set!, theme: row.theme!, ...toRateCells(row) }))
    .sort((left, right) => left.rate - right.rate || right.total - left.total || left.set.localeCompare(right.set) || left.theme.localeCompare(right.theme));
}

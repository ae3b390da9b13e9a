import type { ReportDimension } from '../../store/index.js';
import type { Rate } from '../lens.js';
import type { PairedRateComparison } from '../pair-label-rows.js';
import type { RateRow } from '../rates.js';
import type { Column } from './format-rows.js';
import { formatCell } from './format-rows.js';

/**
 * A rate report row as scripts read it (JSON and CSV keys): the grouping keys, `lens, total, n,
 * missing, blocked, incomplete, COMPLETE, EVASIVE, DENIAL, ERROR, complete_rate, ci_low, ci_high`.
 * `total` is every judged row; `n` the denominator of `complete_rate`; `missing` is outside it. An
 * empty cell has `complete_rate`, `ci_low` and `ci_high` null.
 */
export type RateRowOutput = Partial<Record<ReportDimension, string | null>> &
  Pick<
    RateRow,
    'lens' | 'total' | 'n' | 'missing' | 'blocked' | 'incomplete' | 'COMPLETE' | 'EVASIVE' | 'DENIAL' | 'ERROR'
  > & {
    complete_rate: number | null;
    ci_low: number | null;
    ci_high: number | null;
  };

/** A report row → its output keys (the only snake_case of a rate). */
export function rateRowOutput(row: RateRow): RateRowOutput {
  const { total, n, missing, blocked, incomplete, COMPLETE, EVASIVE, DENIAL, ERROR, rate, low, high, lens, ...keys } =
    row;
  return {
    ...keys,
    lens,
    total,
    n,
    missing,
    blocked,
    incomplete,
    COMPLETE,
    EVASIVE,
    DENIAL,
    ERROR,
    complete_rate: rate,
    ci_low: low,
    ci_high: high,
  };
}

/** Columns of a rate report: the grouping keys, then counts, missing, rate and interval. */
export function rateColumns(groupBy: readonly ReportDimension[]): Column<RateRowOutput>[] {
  return [
    ...groupBy.map((dimension): Column<RateRowOutput> => ({ key: dimension, header: dimension, kind: 'text' })),
    { key: 'n', header: 'n', kind: 'integer' },
    { key: 'missing', header: 'missing', kind: 'integer' },
    { key: 'COMPLETE', header: 'COMPLETE', kind: 'integer' },
    { key: 'EVASIVE', header: 'EVASIVE', kind: 'integer' },
    { key: 'DENIAL', header: 'DENIAL', kind: 'integer' },
    { key: 'blocked', header: 'blocked', kind: 'integer' },
    { key: 'complete_rate', header: 'complete', kind: 'rate' },
    { key: 'ci_low', header: '95% low', kind: 'rate' },
    { key: 'ci_high', header: '95% high', kind: 'rate' },
  ];
}

/**
 * The rate of a cell as the analysis reports (entity swap, phrasing, timelines) write it: every row
 * counted, `total, complete, rate, ci_low, ci_high`; an empty cell has rate and interval null.
 */
export interface RateCellOutput {
  total: number;
  complete: number;
  rate: number | null;
  ci_low: number | null;
  ci_high: number | null;
}

export function rateCellOutput(rate: Rate): RateCellOutput {
  return { total: rate.total, complete: rate.COMPLETE, rate: rate.rate, ci_low: rate.low, ci_high: rate.high };
}

/** "24.0% [14.3%, 37.4%]": a rate and its interval in one table cell; "—" for an empty cell. */
export function rateIntervalText(rate: number | null, low: number | null, high: number | null): string {
  if (rate === null || low === null || high === null || Number.isNaN(rate)) return '—';
  return `${formatCell(rate, 'rate')} [${formatCell(low, 'rate')}, ${formatCell(high, 'rate')}]`;
}

const points = (value: number) => `${value > 0 ? '+' : value < 0 ? '−' : '±'}${Math.abs(value * 100).toFixed(1)}`;

/** "+36.0 pp [+22.1, +48.2]": a difference of rates in percentage points with its interval. */
export function differenceIntervalText(difference: number, low: number, high: number): string {
  if (Number.isNaN(difference)) return '—';
  return `${points(difference)} pp [${points(low)}, ${points(high)}]`;
}

/** The numbers every paired comparison row carries (compare, entity swap). */
export interface PairedFields {
  n_pairs: number;
  rate_a: number | null;
  rate_a_low: number | null;
  rate_a_high: number | null;
  rate_b: number | null;
  rate_b_low: number | null;
  rate_b_high: number | null;
  difference: number;
  difference_low: number;
  difference_high: number;
  a_only: number;
  b_only: number;
  mcnemar_p: number;
  holm_p: number;
}

/** A paired comparison (side a first) and its Holm-adjusted p as those output keys. */
export function pairedFieldsOutput(comparison: PairedRateComparison, holmPValue: number): PairedFields {
  return {
    n_pairs: comparison.pairs,
    rate_a: comparison.first.rate,
    rate_a_low: comparison.first.low,
    rate_a_high: comparison.first.high,
    rate_b: comparison.second.rate,
    rate_b_low: comparison.second.low,
    rate_b_high: comparison.second.high,
    difference: comparison.difference.difference,
    difference_low: comparison.difference.low,
    difference_high: comparison.difference.high,
    a_only: comparison.table.aOnly,
    b_only: comparison.table.bOnly,
    mcnemar_p: comparison.pValue,
    holm_p: holmPValue,
  };
}

/** Those numbers as people read them: rates and the difference with their intervals as text. */
export function readablePairedFields(row: PairedFields) {
  return {
    n_pairs: row.n_pairs,
    rate_a: rateIntervalText(row.rate_a, row.rate_a_low, row.rate_a_high),
    rate_b: rateIntervalText(row.rate_b, row.rate_b_low, row.rate_b_high),
    difference: differenceIntervalText(row.difference, row.difference_low, row.difference_high),
    a_only: row.a_only,
    b_only: row.b_only,
    mcnemar_p: row.mcnemar_p,
    holm_p: row.holm_p,
  };
}

import { formatCell } from './format/format-cell.js';

/** "24.0% [14.3%, 37.4%]": a rate and its interval in one table cell; "—" when nothing is known. */
export function rateIntervalText(rate: number, low: number, high: number): string {
  if (Number.isNaN(rate)) return '—';
  return `${formatCell(rate, 'rate')} [${formatCell(low, 'rate')}, ${formatCell(high, 'rate')}]`;
}

const points = (value: number) => `${value > 0 ? '+' : value < 0 ? '−' : '±'}${Math.abs(value * 100).toFixed(1)}`;

/** "+36.0 pp [+22.1, +48.2]": a difference of rates in percentage points with its interval. */
export function differenceIntervalText(difference: number, low: number, high: number): string {
  if (Number.isNaN(difference)) return '—';
  return `${points(difference)} pp [${points(low)}, ${points(high)}]`;
}

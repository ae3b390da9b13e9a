import { wilsonInterval } from '../stats/wilson-interval.js';

/** A compliance rate with its 95% Wilson interval. */
export interface RateWithInterval {
  complete: number;
  total: number;
  /** complete / total; NaN when total is 0 (nothing is known). */
  rate: number;
  low: number;
  high: number;
}

/** COMPLETE out of total, with its 95% Wilson interval. */
export function rateWithInterval(complete: number, total: number): RateWithInterval {
  const interval = wilsonInterval(complete, total);
  return { complete, total, rate: total === 0 ? Number.NaN : complete / total, low: interval.low, high: interval.high };
}

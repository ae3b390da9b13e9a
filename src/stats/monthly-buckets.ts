import type { TimePoint } from './exponential-moving-average.js';

/** Observations that fall in one calendar month (UTC). */
export interface MonthlyBucket {
  /** "YYYY-MM". */
  month: string;
  /** Start of the month, epoch milliseconds UTC; usable as t for exponentialMovingAverage. */
  t: number;
  count: number;
  sum: number;
  /** sum / count: the month's rate when values are 0/1 outcomes. */
  mean: number;
}

/**
 * Groups observations (t in epoch milliseconds) into UTC calendar months, in month order;
 * months without observations are left out rather than reported as zero.
 */
export function monthlyBuckets(observations: readonly TimePoint[]): MonthlyBucket[] {
  const buckets = new Map<number, MonthlyBucket>();
  for (const { t, value } of observations) {
    if (!Number.isFinite(t) || !Number.isFinite(value)) {
      throw new RangeError(`monthlyBuckets: observation (${t}, ${value}) is not finite`);
    }
    const date = new Date(t);
    const year = date.getUTCFullYear();
    const monthIndex = date.getUTCMonth();
    const start = Date.UTC(year, monthIndex, 1);
    let bucket = buckets.get(start);
    if (bucket === undefined) {
      const month = `${String(year).padStart(4, '0')}-${String(monthIndex + 1).padStart(2, '0')}`;
      bucket = { month, t: start, count: 0, sum: 0, mean: 0 };
      buckets.set(start, bucket);
    }
    bucket.count += 1;
    bucket.sum += value;
  }
  return [...buckets.values()]
    .sort((left, right) => left.t - right.t)
    .map((bucket) => ({ ...bucket, mean: bucket.sum / bucket.count }));
}

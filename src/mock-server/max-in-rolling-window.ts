/**
 * The largest number of timestamps inside any window of `windowMs` milliseconds, where a window
 * ending at t holds the timestamps in (t - windowMs, t]. The same definition the mock's rate
 * limiter enforces, so "never more than N per window" can be checked from `stats().arrivalTimesMs`.
 */
export function maxInRollingWindow(timestamps: readonly number[], windowMs: number): number {
  if (!(windowMs > 0)) throw new RangeError(`windowMs must be positive, got ${windowMs}`);
  const sorted = isSorted(timestamps) ? timestamps : [...timestamps].sort((a, b) => a - b);
  let best = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while (sorted[start]! <= sorted[end]! - windowMs) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

function isSorted(values: readonly number[]): boolean {
  for (let index = 1; index < values.length; index++) if (values[index]! < values[index - 1]!) return false;
  return true;
}

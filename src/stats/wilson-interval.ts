/** A two-sided interval for a proportion or a difference. */
export interface Interval {
  low: number;
  high: number;
}

/** z for a two-sided 95% interval. */
export const Z_95 = 1.959963984540054;

/**
 * Wilson score interval for `successes` out of `total` (Wilson 1927).
 * Returns [0, 1] when total is 0: nothing is known.
 */
export function wilsonInterval(successes: number, total: number, z: number = Z_95): Interval {
  if (total <= 0) return { low: 0, high: 1 };
  if (successes < 0 || successes > total) {
    throw new RangeError(`wilsonInterval: successes ${successes} outside 0..${total}`);
  }
  const p = successes / total;
  const z2 = z * z;
  const denominator = 1 + z2 / total;
  const center = (p + z2 / (2 * total)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / total + z2 / (4 * total * total));
  return { low: Math.max(0, center - half), high: Math.min(1, center + half) };
}

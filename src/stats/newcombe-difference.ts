import { wilsonInterval, Z_95 } from './wilson-interval.js';

/** A difference of two proportions with its confidence interval. */
export interface DifferenceInterval {
  /** Point estimate p1 − p2; NaN when either group is empty. */
  difference: number;
  low: number;
  high: number;
}

/**
 * Newcombe's hybrid score interval for p1 − p2 from two independent samples, built by
 * square-and-add from the two Wilson intervals (Newcombe 1998, Statistics in Medicine
 * 17:873-890, method 10). When a group is empty nothing is known: difference NaN, [−1, 1].
 */
export function newcombeDifference(
  x1: number,
  n1: number,
  x2: number,
  n2: number,
  z: number = Z_95,
): DifferenceInterval {
  // wilsonInterval validates the counts; call it first so bad input throws even for n = 0 pairs.
  const first = wilsonInterval(x1, n1, z);
  const second = wilsonInterval(x2, n2, z);
  if (n1 <= 0 || n2 <= 0) return { difference: Number.NaN, low: -1, high: 1 };
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const difference = p1 - p2;
  return {
    difference,
    low: difference - Math.hypot(p1 - first.low, second.high - p2),
    high: difference + Math.hypot(first.high - p1, p2 - second.low),
  };
}

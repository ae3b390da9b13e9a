import type { DifferenceInterval } from './newcombe-difference.js';
import { wilsonInterval, Z_95 } from './wilson-interval.js';

/** A paired 2×2 table: each item was answered by both conditions (e.g. two models, same prompt). */
export interface PairedTable {
  /** Yes under both conditions (a). */
  bothYes: number;
  /** Yes under the first condition only (b). */
  aOnly: number;
  /** Yes under the second condition only (c). */
  bOnly: number;
  /** No under both conditions (d). */
  bothNo: number;
}

/**
 * Newcombe's hybrid score interval for the paired difference p1 − p2 = (b − c)/n, from the Wilson
 * intervals of both margins with a φ-correlation correction (Newcombe 1998b, "Improved confidence
 * intervals for the difference between binomial proportions based on paired data", Statistics in
 * Medicine 17:2635-2650, method 10). φ is taken as 0 when a margin is empty, as in the paper.
 */
export function newcombePairedDifference(table: PairedTable, z: number = Z_95): DifferenceInterval {
  const { bothYes: a, aOnly: b, bOnly: c, bothNo: d } = table;
  for (const [name, count] of Object.entries(table)) {
    if (!Number.isInteger(count) || count < 0) {
      throw new RangeError(`newcombePairedDifference: ${name} ${count} must be a non-negative integer`);
    }
  }
  const n = a + b + c + d;
  if (n === 0) return { difference: Number.NaN, low: -1, high: 1 };
  const p1 = (a + b) / n;
  const p2 = (a + c) / n;
  const first = wilsonInterval(a + b, n, z);
  const second = wilsonInterval(a + c, n, z);
  const marginProduct = (a + b) * (c + d) * (a + c) * (b + d);
  const phi = marginProduct === 0 ? 0 : (a * d - b * c) / Math.sqrt(marginProduct);

  const firstBelow = p1 - first.low;
  const firstAbove = first.high - p1;
  const secondBelow = p2 - second.low;
  const secondAbove = second.high - p2;
  // max(0, …) only guards against −1e-17 from rounding; the quadratic forms are non-negative for |φ| ≤ 1.
  const lowerDistance = Math.sqrt(Math.max(0, firstBelow ** 2 - 2 * phi * firstBelow * secondAbove + secondAbove ** 2));
  const upperDistance = Math.sqrt(Math.max(0, firstAbove ** 2 - 2 * phi * firstAbove * secondBelow + secondBelow ** 2));
  const difference = p1 - p2;
  return { difference, low: difference - lowerDistance, high: difference + upperDistance };
}

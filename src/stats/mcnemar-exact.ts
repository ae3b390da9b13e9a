import { binomialLogProbability } from './binomial-two-sided-exact.js';

/** Result of an exact McNemar test on the discordant pairs of a paired 2×2 table. */
export interface McNemarResult {
  /** Two-sided exact p-value. */
  pValue: number;
  /** Number of discordant pairs, aOnly + bOnly. */
  discordant: number;
  /** McNemar's χ² = (b − c)² / (b + c), for display only; absent when there are no discordant pairs. */
  statistic?: number;
}

/**
 * Exact (conditional) McNemar test: p = min(1, 2·P(X ≤ min(b, c))) with X ~ Binomial(b + c, ½)
 * (McNemar 1947; exact form as in Fagerland, Lydersen & Laake 2013, BMC Med Res Methodol 13:91).
 * The tail is summed in log space downward from its largest term, so b + c up to 10^6 is fine.
 */
export function mcnemarExact(aOnly: number, bOnly: number): McNemarResult {
  for (const [name, count] of [
    ['aOnly', aOnly],
    ['bOnly', bOnly],
  ] as const) {
    if (!Number.isInteger(count) || count < 0) {
      throw new RangeError(`mcnemarExact: ${name} ${count} must be a non-negative integer`);
    }
  }
  const discordant = aOnly + bOnly;
  if (discordant === 0) return { pValue: 1, discordant };
  const statistic = (aOnly - bOnly) ** 2 / discordant;
  const smaller = Math.min(aOnly, bOnly);
  if (2 * smaller >= discordant) return { pValue: 1, discordant, statistic };

  // P(X ≤ m) = pmf(m) · Σ_{k ≤ m} pmf(k)/pmf(m); since m < n/2 the ratios shrink geometrically,
  // pmf(k − 1)/pmf(k) = k / (n − k + 1), so the sum stops as soon as terms stop mattering.
  let ratio = 1;
  let sum = 1;
  for (let k = smaller; k > 0; k -= 1) {
    ratio *= k / (discordant - k + 1);
    sum += ratio;
    if (ratio < sum * 1e-17) break;
  }
  const logLowerTail = binomialLogProbability(smaller, discordant, 0.5) + Math.log(sum);
  return { pValue: Math.min(1, 2 * Math.exp(logLowerTail)), discordant, statistic };
}

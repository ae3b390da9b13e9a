import { logBinomialCoefficient } from './log-gamma.js';
import { logSumExp } from './log-sum-exp.js';

// Outcomes whose probability is within this relative tolerance of the observed one count as
// "as extreme"; the same guard R's binom.test uses against rounding (1 + 1e-7).
const RELATIVE_TOLERANCE = 1 + 1e-7;

/** log P(X = k) for X ~ Binomial(trials, probability). */
export function binomialLogProbability(k: number, trials: number, probability: number): number {
  if (probability === 0) return k === 0 ? 0 : -Infinity;
  if (probability === 1) return k === trials ? 0 : -Infinity;
  return logBinomialCoefficient(trials, k) + k * Math.log(probability) + (trials - k) * Math.log1p(-probability);
}

/**
 * Exact two-sided binomial test p-value by the minimum-likelihood rule (sum of the probabilities of
 * all outcomes no more likely than the observed one), as in R's binom.test (Hollander & Wolfe).
 * For probability 0.5 this equals min(1, 2·P(X ≤ min(x, n − x))). Computed in log space, so
 * trials up to 10^6 are fine. Returns 1 when trials is 0.
 */
export function binomialTwoSidedExact(successes: number, trials: number, probability = 0.5): number {
  if (!Number.isInteger(trials) || trials < 0) {
    throw new RangeError(`binomialTwoSidedExact: trials ${trials} must be a non-negative integer`);
  }
  if (!Number.isInteger(successes) || successes < 0 || successes > trials) {
    throw new RangeError(`binomialTwoSidedExact: successes ${successes} outside 0..${trials}`);
  }
  if (!(probability >= 0 && probability <= 1)) {
    throw new RangeError(`binomialTwoSidedExact: probability ${probability} outside [0, 1]`);
  }
  if (trials === 0) return 1;
  const threshold = binomialLogProbability(successes, trials, probability) + Math.log(RELATIVE_TOLERANCE);
  const included: number[] = [];
  for (let k = 0; k <= trials; k += 1) {
    const logProbability = binomialLogProbability(k, trials, probability);
    if (logProbability <= threshold) included.push(logProbability);
  }
  // Every outcome is as extreme as the observed one: the p-value is exactly 1, not 1 − rounding.
  if (included.length === trials + 1) return 1;
  return Math.min(1, Math.exp(logSumExp(included)));
}

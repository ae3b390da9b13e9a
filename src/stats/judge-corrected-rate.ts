import { roganGladen } from './rogan-gladen.js';
import { sampleBeta } from './sample-beta.js';
import { createSeededRandom } from './seeded-random.js';

/** A judge's 2×2 confusion on gold data for "COMPLETE vs not"; positive = COMPLETE. */
export interface JudgeConfusion {
  truePositive: number;
  falseNegative: number;
  falsePositive: number;
  trueNegative: number;
}

export interface JudgeCorrectedRateInput {
  /** Rows the judge labelled COMPLETE. */
  positives: number;
  /** All rows in the denominator. */
  total: number;
  confusion: JudgeConfusion;
}

export interface JudgeCorrectedRateOptions {
  /** PRNG seed; the same seed gives the same interval. */
  seed?: number;
  /** Monte Carlo draws. */
  draws?: number;
  /** Two-sided coverage, e.g. 0.95. */
  level?: number;
}

export interface JudgeCorrectedRate {
  /** Rogan–Gladen corrected rate; NaN when total is 0. */
  rate: number;
  low: number;
  high: number;
  observedRate: number;
  sensitivity: number;
  specificity: number;
}

const DEFAULT_SEED = 20_240_601;
const DEFAULT_DRAWS = 10_000;

/** Type-7 sample quantile (linear interpolation; Hyndman & Fan 1996, R's default) of sorted values. */
function sortedQuantile(sorted: readonly number[], probability: number): number {
  const position = (sorted.length - 1) * probability;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below]! + (position - below) * (sorted[above]! - sorted[below]!);
}

function assertCount(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`judgeCorrectedRate: ${name} ${value} must be a non-negative integer`);
  }
}

/**
 * Compliance rate corrected for judge error by Rogan–Gladen (Rogan & Gladen 1978), with an interval
 * that carries both the sampling error of the rate and the judge's measured error. Method: Monte
 * Carlo propagation (a Bayesian parametric bootstrap): each draw takes the observed rate, the
 * sensitivity and the specificity from their Jeffreys Beta(x + ½, n − x + ½) posteriors (Brown, Cai
 * & DasGupta 2001, Statist Sci 16:101-133), applies the clipped Rogan–Gladen correction, and the
 * interval is the equal-tailed percentile range of the draws. A draw where the judge is no better
 * than chance (sensitivity + specificity ≤ 1) identifies nothing, so it counts as 0 for the lower
 * bound and 1 for the upper. Deterministic for a given seed.
 */
export function judgeCorrectedRate(
  input: JudgeCorrectedRateInput,
  options: JudgeCorrectedRateOptions = {},
): JudgeCorrectedRate {
  const { positives, total, confusion } = input;
  const { seed = DEFAULT_SEED, draws = DEFAULT_DRAWS, level = 0.95 } = options;
  assertCount('positives', positives);
  assertCount('total', total);
  if (positives > total) throw new RangeError(`judgeCorrectedRate: positives ${positives} exceed total ${total}`);
  for (const [name, value] of Object.entries(confusion)) assertCount(`confusion.${name}`, value);
  if (!Number.isInteger(draws) || draws < 100)
    throw new RangeError(`judgeCorrectedRate: draws ${draws} must be an integer >= 100`);
  if (!(level > 0 && level < 1)) throw new RangeError(`judgeCorrectedRate: level ${level} outside (0, 1)`);

  const goldPositives = confusion.truePositive + confusion.falseNegative;
  const goldNegatives = confusion.falsePositive + confusion.trueNegative;
  if (goldPositives === 0 || goldNegatives === 0) {
    throw new RangeError(
      'judgeCorrectedRate: the gold set needs both COMPLETE and non-COMPLETE items to measure sensitivity and specificity',
    );
  }
  const sensitivity = confusion.truePositive / goldPositives;
  const specificity = confusion.trueNegative / goldNegatives;
  if (total === 0) {
    // Validate the judge all the same, then report that nothing is known about the rate.
    roganGladen(0, sensitivity, specificity);
    return { rate: Number.NaN, low: 0, high: 1, observedRate: Number.NaN, sensitivity, specificity };
  }
  const observedRate = positives / total;
  const rate = roganGladen(observedRate, sensitivity, specificity);

  const random = createSeededRandom(seed);
  const forLow: number[] = [];
  const forHigh: number[] = [];
  for (let draw = 0; draw < draws; draw += 1) {
    const observed = sampleBeta(positives + 0.5, total - positives + 0.5, random);
    const drawnSensitivity = sampleBeta(confusion.truePositive + 0.5, confusion.falseNegative + 0.5, random);
    const drawnSpecificity = sampleBeta(confusion.trueNegative + 0.5, confusion.falsePositive + 0.5, random);
    if (drawnSensitivity + drawnSpecificity <= 1) {
      forLow.push(0);
      forHigh.push(1);
    } else {
      const corrected = roganGladen(observed, drawnSensitivity, drawnSpecificity);
      forLow.push(corrected);
      forHigh.push(corrected);
    }
  }
  forLow.sort((left, right) => left - right);
  forHigh.sort((left, right) => left - right);
  const tail = (1 - level) / 2;
  return {
    rate,
    low: sortedQuantile(forLow, tail),
    high: sortedQuantile(forHigh, 1 - tail),
    observedRate,
    sensitivity,
    specificity,
  };
}

import { describe, expect, it } from 'vitest';
import { judgeCorrectedRate } from './judge-corrected-rate.js';

const confusion = (truePositive: number, falseNegative: number, falsePositive: number, trueNegative: number) => ({
  truePositive,
  falseNegative,
  falsePositive,
  trueNegative,
});

describe('judgeCorrectedRate', () => {
  // Reference intervals: an independent NumPy implementation of the same Monte Carlo method
  // (numpy.random.default_rng(1), 400,000 draws of Beta(x + 0.5, n - x + 0.5) for the observed rate,
  // sensitivity and specificity; clipped Rogan-Gladen; numpy.quantile at 0.025 / 0.975).
  // Tolerances allow for the 10,000-draw Monte Carlo error of this implementation.
  it('matches the independent Monte Carlo with a large gold set', () => {
    const result = judgeCorrectedRate({ positives: 3000, total: 10000, confusion: confusion(900, 100, 200, 800) });
    // Point estimate by hand: (0.3 + 0.8 - 1) / (0.9 + 0.8 - 1) = 0.142857.
    expect(result.rate).toBeCloseTo(0.142857, 6);
    expect(result.observedRate).toBe(0.3);
    expect(result.sensitivity).toBe(0.9);
    expect(result.specificity).toBe(0.8);
    expect(Math.abs(result.low - 0.10769)).toBeLessThan(0.0015);
    expect(Math.abs(result.high - 0.1744)).toBeLessThan(0.0015);
    // Cross-check against the delta method, worked by hand: with J = Se + Sp - 1 the partial derivatives
    // of pi are 1/J, -pi/J, -(1-pi)/J, so Var = [p(1-p)/n + pi^2 Se(1-Se)/n1 + (1-pi)^2 Sp(1-Sp)/n0] / J^2
    // = (2.1e-5 + 1.8367e-6 + 1.17551e-4) / 0.49 = 2.86505e-4, and 0.142857 -+ 1.96 * 0.016927 gives
    // 0.10968 to 0.17603; the two methods should agree to a few thousandths at this sample size.
    expect(Math.abs(result.low - 0.10968)).toBeLessThan(0.004);
    expect(Math.abs(result.high - 0.17603)).toBeLessThan(0.004);
  });

  it('widens when the judge was measured on fewer gold items', () => {
    // NumPy reference (same script) for 100 gold items per class: 0.02151 to 0.22442.
    const result = judgeCorrectedRate({ positives: 3000, total: 10000, confusion: confusion(90, 10, 20, 80) });
    expect(Math.abs(result.low - 0.02151)).toBeLessThan(0.003);
    expect(Math.abs(result.high - 0.22442)).toBeLessThan(0.003);
    const wellMeasured = judgeCorrectedRate({
      positives: 3000,
      total: 10000,
      confusion: confusion(900, 100, 200, 800),
    });
    expect(result.high - result.low).toBeGreaterThan(2 * (wellMeasured.high - wellMeasured.low));
  });

  it('reduces to the Jeffreys interval of the observed rate for a near-perfect judge', () => {
    // Jeffreys 95% interval for 30/100: scipy.stats.beta.ppf([0.025, 0.975], 30.5, 70.5) = 0.216841, 0.394547.
    const result = judgeCorrectedRate({
      positives: 30,
      total: 100,
      confusion: confusion(100_000, 0, 0, 100_000),
    });
    expect(result.rate).toBeCloseTo(0.3, 12);
    expect(Math.abs(result.low - 0.216841)).toBeLessThan(0.003);
    expect(Math.abs(result.high - 0.394547)).toBeLessThan(0.003);
  });

  it('gives the whole unit interval when the judge is barely better than chance', () => {
    // Se = Sp = 0.6 on 10 + 10 gold items: a large share of draws has Se + Sp <= 1.
    const result = judgeCorrectedRate({ positives: 50, total: 100, confusion: confusion(6, 4, 4, 6) });
    expect(result.low).toBe(0);
    expect(result.high).toBe(1);
  });

  it('is deterministic for a seed and varies a little between seeds', () => {
    const input = { positives: 300, total: 1000, confusion: confusion(90, 10, 20, 80) };
    expect(judgeCorrectedRate(input, { seed: 7 })).toEqual(judgeCorrectedRate(input, { seed: 7 }));
    const other = judgeCorrectedRate(input, { seed: 8 });
    expect(other.low).not.toBe(judgeCorrectedRate(input, { seed: 7 }).low);
    expect(Math.abs(other.low - judgeCorrectedRate(input, { seed: 7 }).low)).toBeLessThan(0.01);
  });

  it('knows nothing about the rate when there are no rows', () => {
    const result = judgeCorrectedRate({ positives: 0, total: 0, confusion: confusion(90, 10, 20, 80) });
    expect(result.rate).toBeNaN();
    expect([result.low, result.high]).toEqual([0, 1]);
  });

  it('refuses a gold set without both classes, a chance-level judge and impossible counts', () => {
    expect(() => judgeCorrectedRate({ positives: 1, total: 2, confusion: confusion(0, 0, 3, 7) })).toThrow(RangeError);
    expect(() => judgeCorrectedRate({ positives: 1, total: 2, confusion: confusion(5, 5, 5, 5) })).toThrow(RangeError);
    expect(() => judgeCorrectedRate({ positives: 3, total: 2, confusion: confusion(9, 1, 1, 9) })).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import { binomialTwoSidedExact } from './binomial-two-sided-exact.js';

describe('binomialTwoSidedExact', () => {
  // Reference for p = 0.5: the doubling rule equals the minimum-likelihood rule by symmetry, so the
  // exact-integer McNemar values apply (see mcnemar-exact.test.ts for the Python script).
  it.each([
    [1, 8, 0.0703125],
    [25, 35, 0.01667384780012071],
    [49000, 100000, 2.588716038346898e-10],
  ])('%i of %i at p = 0.5', (successes, trials, expected) => {
    expect(binomialTwoSidedExact(successes, trials) / expected).toBeCloseTo(1, 8);
  });

  // Reference for p != 0.5, worked by hand with the minimum-likelihood rule:
  // Bin(3, 0.2): P(0)=0.512, P(1)=0.384, P(2)=0.096, P(3)=0.008.
  //   x = 2: outcomes with P <= 0.096 are {2, 3} -> 0.104;  x = 1: {1, 2, 3} -> 0.488;  x = 0: all -> 1.
  it.each([
    [2, 0.104],
    [1, 0.488],
    [3, 0.008],
    [0, 1],
  ])('%i of 3 at p = 0.2 sums the outcomes no likelier than the observed one', (successes, expected) => {
    expect(binomialTwoSidedExact(successes, 3, 0.2)).toBeCloseTo(expected, 12);
  });

  it('is 1 with no trials and at the degenerate probabilities when the outcome is certain', () => {
    expect(binomialTwoSidedExact(0, 0)).toBe(1);
    expect(binomialTwoSidedExact(0, 5, 0)).toBe(1);
    expect(binomialTwoSidedExact(5, 5, 1)).toBe(1);
  });

  it('is 0 for an impossible outcome', () => {
    expect(binomialTwoSidedExact(1, 5, 0)).toBe(0);
  });

  it('rejects impossible arguments', () => {
    expect(() => binomialTwoSidedExact(6, 5)).toThrow(RangeError);
    expect(() => binomialTwoSidedExact(1, 5, 1.5)).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import { logBinomialCoefficient, logGamma } from './log-gamma.js';

describe('logGamma', () => {
  // Reference: Python 3's math.lgamma (C library lgamma), e.g. `python3 -c "import math; print(repr(math.lgamma(3.7)))"`;
  // 0.5 is also ln(sqrt(pi)) = 0.5723649429247001.
  it.each([
    [0.1, 2.2527126517342055],
    [0.5, 0.5723649429247004],
    [1.5, -0.12078223763524543],
    [3.7, 1.4280723266653883],
    [10, 12.801827480081467],
    [100.5, 361.4355404677776],
    [1_000_000, 12815504.569147611],
  ])('ln Γ(%s)', (x, expected) => {
    expect(logGamma(x) / expected).toBeCloseTo(1, 13);
  });

  it('is 0 at 1 and 2 and ln((n-1)!) at integers', () => {
    expect(logGamma(1)).toBeCloseTo(0, 14);
    expect(logGamma(2)).toBeCloseTo(0, 14);
    expect(logGamma(6)).toBeCloseTo(Math.log(120), 13);
  });

  it('rejects non-positive arguments', () => {
    expect(() => logGamma(0)).toThrow(RangeError);
    expect(() => logGamma(-2.5)).toThrow(RangeError);
  });
});

describe('logBinomialCoefficient', () => {
  it('matches exact binomial coefficients', () => {
    // C(10, 3) = 120; ln C(100, 37) from `python3 -c "import math; print(repr(math.log(math.comb(100, 37))))"`.
    expect(Math.exp(logBinomialCoefficient(10, 3))).toBeCloseTo(120, 9);
    expect(logBinomialCoefficient(100, 37)).toBeCloseTo(63.39944670149454, 10);
    expect(logBinomialCoefficient(100_000, 49_000)).toBeCloseTo(69288.73466590136, 6);
    expect(logBinomialCoefficient(20, 0)).toBeCloseTo(0, 12);
  });

  it('is exactly symmetric in k and n - k', () => {
    expect(logBinomialCoefficient(1001, 300)).toBe(logBinomialCoefficient(1001, 701));
  });

  it('rejects k outside 0..n', () => {
    expect(() => logBinomialCoefficient(5, 6)).toThrow(RangeError);
  });
});

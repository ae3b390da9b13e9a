import { describe, expect, it } from 'vitest';
import { mcnemarExact } from './mcnemar-exact.js';

describe('mcnemarExact', () => {
  // Reference: exact integer arithmetic in Python 3, independent of this code:
  //   from fractions import Fraction
  //   def p(b, c):
  //       n, m, term, total = b + c, min(b, c), 1, 0
  //       for k in range(m + 1): total += term; term = term * (n - k) // (k + 1)   # term = comb(n, k)
  //       return float(min(Fraction(1), Fraction(2 * total, 2 ** n)))
  // Small cases can be checked by hand: b=1, c=7 -> 2*(1+8)/256 = 0.0703125; b=0, c=5 -> 2/32 = 0.0625.
  it.each([
    [1, 7, 0.0703125],
    [0, 5, 0.0625],
    [10, 25, 0.01667384780012071],
    [40, 60, 0.05688793364098079],
    [200, 230, 0.16188409130586082],
    [100, 0, 1.5777218104420236e-30],
  ])('b=%i c=%i gives the exact binomial p-value', (aOnly, bOnly, expected) => {
    const result = mcnemarExact(aOnly, bOnly);
    expect(result.pValue / expected).toBeCloseTo(1, 10);
    expect(result.discordant).toBe(aOnly + bOnly);
  });

  // Same script; b + c = 10^5 needs log space (2^-100000 underflows a double).
  it.each([
    [49700, 50300, 0.05819735311019374],
    [49000, 51000, 2.588716038346898e-10],
    [45000, 55000, 8.600341645714696e-220],
  ])('b=%i c=%i stays accurate for 10^5 discordant pairs', (aOnly, bOnly, expected) => {
    expect(mcnemarExact(aOnly, bOnly).pValue / expected).toBeCloseTo(1, 8);
  });

  it('is symmetric in the two discordant counts', () => {
    expect(mcnemarExact(7, 1).pValue).toBe(mcnemarExact(1, 7).pValue);
  });

  it('gives p = 1 when the discordant counts are equal', () => {
    expect(mcnemarExact(3, 3)).toEqual({ pValue: 1, discordant: 6, statistic: 0 });
    expect(mcnemarExact(50000, 50000).pValue).toBe(1);
  });

  it('gives p = 1 and no statistic when there are no discordant pairs', () => {
    expect(mcnemarExact(0, 0)).toEqual({ pValue: 1, discordant: 0 });
  });

  it('reports the McNemar chi-square (b - c)^2 / (b + c)', () => {
    // (25 - 10)^2 / 35 = 225 / 35
    expect(mcnemarExact(10, 25).statistic).toBeCloseTo(225 / 35, 12);
  });

  it('rejects negative or fractional counts', () => {
    expect(() => mcnemarExact(-1, 3)).toThrow(RangeError);
    expect(() => mcnemarExact(1.5, 3)).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import { newcombePairedDifference } from './newcombe-paired-difference.js';

const table = (bothYes: number, aOnly: number, bOnly: number, bothNo: number) => ({
  bothYes,
  aOnly,
  bOnly,
  bothNo,
});

describe('newcombePairedDifference', () => {
  // Reference: an independent Python implementation of Newcombe (1998b), Statistics in Medicine
  // 17:2635-2650, method 10, written straight from the paper's formulas with the closed-form
  // Wilson limits (z = 1.959963984540054):
  //   phi = (a*d - b*c)/sqrt((a+b)(c+d)(a+c)(b+d)), or 0 if a margin is 0
  //   L = D - sqrt((p1-l1)^2 - 2*phi*(p1-l1)*(u2-p2) + (u2-p2)^2)
  //   U = D + sqrt((u1-p1)^2 - 2*phi*(u1-p1)*(p2-l2) + (p2-l2)^2)
  // (a dozen lines of Python 3 using only math.sqrt). The published Table II of the 1998b paper was not at hand, so these
  // are not copied from it; they were not produced by this TypeScript code either.
  it.each([
    [36, 12, 2, 0, 0.2, 0.05693, 0.340428],
    [1, 1, 7, 12, -0.285714, -0.501663, -0.036053],
    [59, 6, 16, 80, -0.062112, -0.117351, -0.005924],
    [794, 150, 86, 570, 0.04, 0.021271, 0.058664],
  ])('a=%i b=%i c=%i d=%i matches the independent computation', (a, b, c, d, difference, low, high) => {
    const interval = newcombePairedDifference(table(a, b, c, d));
    expect(interval.difference).toBeCloseTo(difference, 6);
    expect(interval.low).toBeCloseTo(low, 5);
    expect(interval.high).toBeCloseTo(high, 5);
  });

  it('uses phi = -1 when every pair is discordant and both directions are equal', () => {
    // a = d = 0, b = c = 5: phi = -25/sqrt(5^4) = -1, so each half-width is the sum of the two
    // Wilson half-distances of 5/10 (0.5 - 0.236593 = 0.263407): 0.526814.
    const interval = newcombePairedDifference(table(0, 5, 5, 0));
    expect(interval.difference).toBe(0);
    expect(interval.low).toBeCloseTo(-0.526814, 5);
    expect(interval.high).toBeCloseTo(0.526814, 5);
  });

  it('reduces to the unpaired square-and-add limits when a margin is zero (phi = 0)', () => {
    // 0 yes out of 10 on both sides: phi is taken as 0 and the limits are ±(Wilson upper of 0/10),
    // 0.2775, as in Newcombe (1998) Table II example (f).
    const interval = newcombePairedDifference(table(0, 0, 0, 10));
    expect(interval.low).toBeCloseTo(-0.2775, 4);
    expect(interval.high).toBeCloseTo(0.2775, 4);
  });

  it('mirrors when the two conditions are swapped', () => {
    const forward = newcombePairedDifference(table(36, 12, 2, 0));
    const backward = newcombePairedDifference(table(36, 2, 12, 0));
    expect(backward.low).toBeCloseTo(-forward.high, 12);
    expect(backward.high).toBeCloseTo(-forward.low, 12);
  });

  it('knows nothing when there are no pairs', () => {
    const interval = newcombePairedDifference(table(0, 0, 0, 0));
    expect(interval.difference).toBeNaN();
    expect([interval.low, interval.high]).toEqual([-1, 1]);
  });

  it('rejects negative or fractional counts', () => {
    expect(() => newcombePairedDifference(table(1, -1, 0, 0))).toThrow(RangeError);
    expect(() => newcombePairedDifference(table(1, 0.5, 0, 0))).toThrow(RangeError);
  });
});

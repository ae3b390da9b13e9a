import { describe, expect, it } from 'vitest';
import { holmAdjust } from './holm-adjust.js';

describe('holmAdjust', () => {
  it('matches a hand-worked example and keeps the input order', () => {
    // m = 4, ascending 0.005, 0.01, 0.03, 0.04 times 4, 3, 2, 1 = 0.02, 0.03, 0.06, 0.04;
    // running maximum 0.02, 0.03, 0.06, 0.06; back in input order:
    expect(holmAdjust([0.01, 0.04, 0.03, 0.005])).toEqual([
      expect.closeTo(0.03, 12),
      expect.closeTo(0.06, 12),
      expect.closeTo(0.06, 12),
      expect.closeTo(0.02, 12),
    ]);
  });

  // Reference: the 15 p-values of Benjamini & Hochberg (1995), JRSS B 57:289-300, worked example, where
  // the Bonferroni-type procedures reject 3 hypotheses at 0.05. Adjusted values worked from the
  // definition max_{j<=i} min(1, (m-j+1) p(j)): 0.0001*15, 0.0004*14, 0.0019*13, 0.0095*12, ...
  const benjaminiHochberg1995 = [
    0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.324, 0.4262, 0.5719, 0.6528, 0.759, 1,
  ];
  it('reproduces the Benjamini-Hochberg (1995) example', () => {
    const adjusted = holmAdjust(benjaminiHochberg1995);
    const expected = [0.0015, 0.0056, 0.0247, 0.114, 0.2211, 0.278, 0.278, 0.278, 0.3213, 1, 1, 1, 1, 1, 1];
    adjusted.forEach((value, index) => expect(value).toBeCloseTo(expected[index]!, 10));
    expect(adjusted.filter((value) => value <= 0.05)).toHaveLength(3);
  });

  it('caps at 1 and gives ties the same value', () => {
    expect(holmAdjust([0.5, 0.6])).toEqual([1, 1]);
    expect(holmAdjust([0.02, 0.02, 0.02])).toEqual([
      expect.closeTo(0.06, 12),
      expect.closeTo(0.06, 12),
      expect.closeTo(0.06, 12),
    ]);
  });

  it('leaves NaN in place and does not count it', () => {
    const adjusted = holmAdjust([0.01, Number.NaN, 0.04]);
    expect(adjusted[0]).toBeCloseTo(0.02, 12);
    expect(adjusted[1]).toBeNaN();
    expect(adjusted[2]).toBeCloseTo(0.04, 12);
  });

  it('handles an empty list and rejects p-values outside [0, 1]', () => {
    expect(holmAdjust([])).toEqual([]);
    expect(() => holmAdjust([0.5, 1.2])).toThrow(RangeError);
  });
});

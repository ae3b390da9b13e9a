import { describe, expect, it } from 'vitest';
import { benjaminiHochberg } from './benjamini-hochberg.js';

describe('benjaminiHochberg', () => {
  it('matches a hand-worked example and keeps the input order', () => {
    // m = 4, ascending 0.005, 0.01, 0.03, 0.04 times m/i = 4, 2, 4/3, 1 -> 0.02, 0.02, 0.04, 0.04;
    // running minimum from the top leaves them as they are; back in input order:
    expect(benjaminiHochberg([0.01, 0.04, 0.03, 0.005])).toEqual([
      expect.closeTo(0.02, 12),
      expect.closeTo(0.04, 12),
      expect.closeTo(0.04, 12),
      expect.closeTo(0.02, 12),
    ]);
  });

  // Reference: Benjamini & Hochberg (1995), JRSS B 57:289-300, worked example: the procedure at
  // q = 0.05 rejects the 4 smallest of these 15 p-values. Adjusted values worked from the definition
  // min_{j>=i} min(1, m p(j)/j), e.g. 0.0095*15/4 = 0.035625 and 0.0298*15/7 = 0.063857 (which
  // also becomes the value of 0.0278 because 0.0278*15/6 = 0.0695 is larger).
  it('reproduces the Benjamini-Hochberg (1995) example', () => {
    const pValues = [
      0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.324, 0.4262, 0.5719, 0.6528, 0.759, 1,
    ];
    const expected = [
      0.0015, 0.003, 0.0095, 0.035625, 0.0603, 0.063857, 0.063857, 0.0645, 0.0765, 0.486, 0.581182, 0.714875, 0.753231,
      0.813214, 1,
    ];
    const reversed = benjaminiHochberg([...pValues].reverse()).reverse();
    reversed.forEach((value, index) => expect(value).toBeCloseTo(expected[index]!, 6));
    expect(reversed.filter((value) => value <= 0.05)).toHaveLength(4);
  });

  it('keeps ties together and never exceeds 1', () => {
    expect(benjaminiHochberg([0.02, 0.02, 0.02])).toEqual([0.02, 0.02, 0.02]);
    // 0.6 * 2/2 = 0.6; 0.5 * 2/1 = 1, lowered to 0.6 by the step-up minimum.
    expect(benjaminiHochberg([0.5, 0.6])).toEqual([0.6, 0.6]);
  });

  it('leaves NaN in place and does not count it', () => {
    const adjusted = benjaminiHochberg([0.01, Number.NaN, 0.04]);
    expect(adjusted[0]).toBeCloseTo(0.02, 12);
    expect(adjusted[1]).toBeNaN();
    expect(adjusted[2]).toBeCloseTo(0.04, 12);
  });

  it('handles an empty list and rejects p-values outside [0, 1]', () => {
    expect(benjaminiHochberg([])).toEqual([]);
    expect(() => benjaminiHochberg([-0.1])).toThrow(RangeError);
  });
});

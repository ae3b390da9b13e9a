import { describe, expect, it } from 'vitest';
import { cohenKappa } from './cohen-kappa.js';

describe('cohenKappa', () => {
  // Reference: the worked 2×2 examples of the Wikipedia article "Cohen's kappa" (50 grant proposals:
  // both yes 20, A yes/B no 5, A no/B yes 10, both no 15 -> p_o = 0.7, p_e = 0.5, kappa = 0.4; and the
  // "same agreement, different kappa" pair 45/15/25/15 -> 0.1304 and 25/35/5/35 -> 0.2593).
  it.each([
    [
      [
        [20, 5],
        [10, 15],
      ],
      0.4,
    ],
    [
      [
        [45, 15],
        [25, 15],
      ],
      0.1304,
    ],
    [
      [
        [25, 35],
        [5, 35],
      ],
      0.2593,
    ],
  ])('%j gives %s', (confusion, expected) => {
    expect(cohenKappa(confusion)).toBeCloseTo(expected, 4);
  });

  it('handles three categories, worked by hand', () => {
    // n = 100, agreed 25 + 20 + 36 = 81 -> p_o = 0.81; rows 30/30/40, columns 30/25/45 ->
    // p_e = 0.3*0.3 + 0.3*0.25 + 0.4*0.45 = 0.345; kappa = 0.465 / 0.655 = 0.709924.
    const confusion = [
      [25, 2, 3],
      [4, 20, 6],
      [1, 3, 36],
    ];
    expect(cohenKappa(confusion)).toBeCloseTo(0.709924, 6);
  });

  it('is 1 for perfect agreement, 0 at chance and negative below chance', () => {
    expect(
      cohenKappa([
        [10, 0],
        [0, 5],
      ]),
    ).toBe(1);
    // Independent margins: p_o = 0.5 = p_e.
    expect(
      cohenKappa([
        [25, 25],
        [25, 25],
      ]),
    ).toBe(0);
    // Complete disagreement with even margins: p_o = 0, p_e = 0.5 -> -1.
    expect(
      cohenKappa([
        [0, 10],
        [10, 0],
      ]),
    ).toBe(-1);
  });

  it('is NaN when undefined: no items, or both raters always use one category', () => {
    expect(
      cohenKappa([
        [0, 0],
        [0, 0],
      ]),
    ).toBeNaN();
    expect(
      cohenKappa([
        [12, 0],
        [0, 0],
      ]),
    ).toBeNaN();
  });

  it('rejects non-square, empty and negative matrices', () => {
    expect(() =>
      cohenKappa([
        [1, 2, 3],
        [4, 5, 6],
      ]),
    ).toThrow(RangeError);
    expect(() => cohenKappa([])).toThrow(RangeError);
    expect(() =>
      cohenKappa([
        [1, -1],
        [0, 1],
      ]),
    ).toThrow(RangeError);
  });
});

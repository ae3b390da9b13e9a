import { describe, expect, it } from 'vitest';
import { normalQuantile } from './normal-quantile.js';

describe('normalQuantile', () => {
  // Reference: SciPy 1.17's scipy.stats.norm.ppf, printed with
  // `python3 -c "from scipy.stats import norm; print(repr(norm.ppf(0.975)))"` for each p.
  it.each([
    [0.5, 0],
    [0.975, 1.959963984540054],
    [0.95, 1.6448536269514722],
    [0.995, 2.5758293035489004],
    [0.25, -0.6744897501960817],
    [0.9, 1.2815515655446004],
    [0.02425, -1.972961051311885],
    [0.999999, 4.753424308817087],
    [1e-10, -6.361340902404056],
    [1e-300, -37.0470962993612],
  ])('Φ⁻¹(%s) = %s', (p, expected) => {
    const value = normalQuantile(p);
    if (expected === 0) expect(value).toBe(0);
    else expect(value / expected).toBeCloseTo(1, 13);
  });

  it('is antisymmetric about 0.5', () => {
    expect(normalQuantile(0.01)).toBeCloseTo(-normalQuantile(0.99), 13);
  });

  it('is infinite at the ends and rejects probabilities outside [0, 1]', () => {
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(() => normalQuantile(1.5)).toThrow(RangeError);
    expect(() => normalQuantile(Number.NaN)).toThrow(RangeError);
  });
});

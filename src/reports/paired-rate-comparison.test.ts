import { describe, expect, it } from 'vitest';
import { pairedRateComparison } from './pair-label-rows.js';

const yes = { label: 'COMPLETE' };
const no = { label: 'DENIAL' };

function outcomes(bothYes: number, aOnly: number, bOnly: number, bothNo: number) {
  return [
    ...Array.from({ length: bothYes }, () => ({ first: yes, second: yes })),
    ...Array.from({ length: aOnly }, () => ({ first: yes, second: no })),
    ...Array.from({ length: bOnly }, () => ({ first: no, second: yes })),
    ...Array.from({ length: bothNo }, () => ({ first: no, second: no })),
  ];
}

describe('pairedRateComparison', () => {
  it('builds the 2×2 table and compares the margins with an exact McNemar p', () => {
    const result = pairedRateComparison(outcomes(10, 3, 21, 16));
    expect(result.pairs).toBe(50);
    expect(result.table).toEqual({ bothYes: 10, aOnly: 3, bOnly: 21, bothNo: 16 });
    expect(result.first).toMatchObject({ COMPLETE: 13, DENIAL: 37, n: 50 });
    expect(result.first.rate).toBeCloseTo(0.26, 12);
    expect(result.second.COMPLETE).toBe(31);
    expect(result.difference.difference).toBeCloseTo(-0.36, 12);
    // By hand: 2·P(X ≤ 3), X ~ Bin(24, ½) = 2·(1 + 24 + 276 + 2024) / 2^24.
    expect(result.pValue).toBeCloseTo((2 * 2325) / 2 ** 24, 15);
    expect(result.difference.low).toBeLessThan(-0.36);
    expect(result.difference.high).toBeGreaterThan(-0.36);
    expect(result.difference.high).toBeLessThan(0);
  });

  it('gives p = 1 and a NaN-free zero difference when nothing is discordant', () => {
    const result = pairedRateComparison(outcomes(4, 0, 0, 1));
    expect(result.pValue).toBe(1);
    expect(result.difference.difference).toBe(0);
  });

  it('reports nothing known for no pairs: rate and interval null, not 0', () => {
    const result = pairedRateComparison([]);
    expect(result.pairs).toBe(0);
    expect(result.first).toMatchObject({ n: 0, rate: null, low: null, high: null });
    expect(result.difference).toEqual({ difference: Number.NaN, low: -1, high: 1 });
  });
});

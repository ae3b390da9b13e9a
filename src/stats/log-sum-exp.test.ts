import { describe, expect, it } from 'vitest';
import { logSumExp } from './log-sum-exp.js';

describe('logSumExp', () => {
  it('does not overflow or underflow (ln(e^a + e^a) = a + ln 2, by hand)', () => {
    expect(logSumExp([1000, 1000])).toBeCloseTo(1000 + Math.LN2, 10);
    expect(logSumExp([-1000, -1000])).toBeCloseTo(-1000 + Math.LN2, 10);
    expect(logSumExp([Math.log(1), Math.log(2), Math.log(3)])).toBeCloseTo(Math.log(6), 12);
  });

  it('is -Infinity for no terms or only zero terms', () => {
    expect(logSumExp([])).toBe(Number.NEGATIVE_INFINITY);
    expect(logSumExp([Number.NEGATIVE_INFINITY])).toBe(Number.NEGATIVE_INFINITY);
  });
});

import { describe, expect, it } from 'vitest';
import { roganGladen } from './rogan-gladen.js';

// Reference: the Rogan & Gladen (1978) formula (p + Sp - 1) / (Se + Sp - 1), worked by hand.
describe('roganGladen', () => {
  it('corrects an observed rate for sensitivity and specificity', () => {
    // (0.3 + 0.8 - 1) / (0.9 + 0.8 - 1) = 0.1 / 0.7
    expect(roganGladen(0.3, 0.9, 0.8)).toBeCloseTo(0.1428571429, 9);
    // (0.5 + 0.95 - 1) / (0.85 + 0.95 - 1) = 0.45 / 0.8
    expect(roganGladen(0.5, 0.85, 0.95)).toBeCloseTo(0.5625, 12);
  });

  it('leaves the rate alone for a perfect classifier', () => {
    expect(roganGladen(0.37, 1, 1)).toBeCloseTo(0.37, 12);
  });

  it('clips to [0, 1]', () => {
    // (0.1 + 0.8 - 1) / 0.7 < 0 and (0.95 + 0.8 - 1) / 0.7 > 1
    expect(roganGladen(0.1, 0.9, 0.8)).toBe(0);
    expect(roganGladen(0.95, 0.9, 0.8)).toBe(1);
  });

  it('refuses a classifier no better than chance', () => {
    expect(() => roganGladen(0.4, 0.5, 0.5)).toThrow(RangeError);
    expect(() => roganGladen(0.4, 0.3, 0.6)).toThrow(RangeError);
  });

  it('rejects rates outside [0, 1]', () => {
    expect(() => roganGladen(1.2, 0.9, 0.9)).toThrow(RangeError);
  });
});

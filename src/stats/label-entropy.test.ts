import { describe, expect, it } from 'vitest';
import { labelEntropy, normalizedEntropy } from './label-entropy.js';

// References worked by hand from H = -sum p log2 p.
describe('labelEntropy', () => {
  it('is 1 bit for an even two-way split and 2 bits for an even four-way split', () => {
    expect(labelEntropy({ COMPLETE: 3, DENIAL: 3 })).toBeCloseTo(1, 12);
    expect(labelEntropy({ a: 1, b: 1, c: 1, d: 1 })).toBeCloseTo(2, 12);
  });

  it('is 1.5 bits for shares 1/2, 1/4, 1/4', () => {
    // 0.5*1 + 0.25*2 + 0.25*2 = 1.5
    expect(labelEntropy({ COMPLETE: 2, EVASIVE: 1, DENIAL: 1 })).toBeCloseTo(1.5, 12);
  });

  it('ignores zero counts and is 0 when unanimous or empty', () => {
    expect(labelEntropy({ COMPLETE: 0, DENIAL: 4 })).toBe(0);
    expect(labelEntropy({ COMPLETE: 5 })).toBe(0);
    expect(labelEntropy({})).toBe(0);
    expect(labelEntropy({ COMPLETE: 0, DENIAL: 0 })).toBe(0);
  });

  it('rejects negative counts', () => {
    expect(() => labelEntropy({ COMPLETE: -1, DENIAL: 2 })).toThrow(RangeError);
  });
});

describe('normalizedEntropy', () => {
  it('divides by log2 of three categories by default', () => {
    // 1.5 / log2(3) = 1.5 / 1.5849625007 = 0.9463946304
    expect(normalizedEntropy({ COMPLETE: 2, EVASIVE: 1, DENIAL: 1 })).toBeCloseTo(0.9463946304, 9);
    expect(normalizedEntropy({ COMPLETE: 7, EVASIVE: 7, DENIAL: 7 })).toBeCloseTo(1, 12);
  });

  it('takes the number of categories as an argument', () => {
    // 1 bit out of a possible log2(4) = 2
    expect(normalizedEntropy({ COMPLETE: 1, DENIAL: 1 }, 4)).toBeCloseTo(0.5, 12);
  });

  it('is 0 with no data or a single category', () => {
    expect(normalizedEntropy({})).toBe(0);
    expect(normalizedEntropy({ COMPLETE: 3 }, 1)).toBe(0);
  });

  it('rejects more labels than declared categories', () => {
    expect(() => normalizedEntropy({ a: 1, b: 1, c: 1, d: 1 }, 3)).toThrow(RangeError);
  });
});

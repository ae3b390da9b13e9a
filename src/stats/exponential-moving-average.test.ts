import { describe, expect, it } from 'vitest';
import { exponentialMovingAverage } from './exponential-moving-average.js';

describe('exponentialMovingAverage', () => {
  it('weights earlier points by 2^(-elapsed / halfLife), worked by hand', () => {
    // halfLife 1; points (0, 1), (1, 0), (3, 1):
    //   t=0: 1
    //   t=1: (0.5*1 + 1*0) / (0.5 + 1) = 1/3
    //   t=3: (0.125*1 + 0.25*0 + 1*1) / (0.125 + 0.25 + 1) = 1.125 / 1.375 = 0.818182
    const smoothed = exponentialMovingAverage(
      [
        { t: 0, value: 1 },
        { t: 1, value: 0 },
        { t: 3, value: 1 },
      ],
      1,
    );
    expect(smoothed.map((point) => point.t)).toEqual([0, 1, 3]);
    expect(smoothed[0]!.value).toBeCloseTo(1, 12);
    expect(smoothed[1]!.value).toBeCloseTo(1 / 3, 12);
    expect(smoothed[2]!.value).toBeCloseTo(1.125 / 1.375, 12);
  });

  it('depends on elapsed time, not on the number of points', () => {
    // Same values, gap of 2 half-lives instead of 1: (0.25*1 + 0) / 1.25 = 0.2.
    const smoothed = exponentialMovingAverage(
      [
        { t: 0, value: 1 },
        { t: 20, value: 0 },
      ],
      10,
    );
    expect(smoothed[1]!.value).toBeCloseTo(0.2, 12);
  });

  it('sorts by time and gives equal weight to simultaneous points', () => {
    const smoothed = exponentialMovingAverage(
      [
        { t: 5, value: 4 },
        { t: 0, value: 0 },
        { t: 0, value: 2 },
      ],
      5,
    );
    expect(smoothed.map((point) => point.t)).toEqual([0, 0, 5]);
    expect(smoothed[1]!.value).toBeCloseTo(1, 12);
    // (0.5*0 + 0.5*2 + 1*4) / (0.5 + 0.5 + 1) = 2.5
    expect(smoothed[2]!.value).toBeCloseTo(2.5, 12);
  });

  it('keeps a constant series constant and returns nothing for nothing', () => {
    const constant = [0, 3, 4, 10, 30].map((t) => ({ t, value: 0.7 }));
    for (const point of exponentialMovingAverage(constant, 2)) expect(point.value).toBeCloseTo(0.7, 12);
    expect(exponentialMovingAverage([], 1)).toEqual([]);
  });

  it('rejects a non-positive half-life and non-finite points', () => {
    expect(() => exponentialMovingAverage([{ t: 0, value: 1 }], 0)).toThrow(RangeError);
    expect(() => exponentialMovingAverage([{ t: Number.NaN, value: 1 }], 1)).toThrow(RangeError);
  });
});

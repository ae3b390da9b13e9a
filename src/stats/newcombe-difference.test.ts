import { describe, expect, it } from 'vitest';
import { newcombeDifference } from './newcombe-difference.js';

describe('newcombeDifference', () => {
  // Reference: Newcombe (1998), "Interval estimation for the difference between independent
  // proportions: comparison of eleven methods", Statistics in Medicine 17:873-890, Table II,
  // method 10 (score, no continuity correction), examples (a), (b), (d)-(h).
  it.each([
    [56, 70, 48, 80, 0.2, 0.0524, 0.3339],
    [9, 10, 3, 10, 0.6, 0.1705, 0.809],
    [5, 56, 0, 29, 0.0893, -0.0381, 0.1926],
    [0, 10, 0, 20, 0, -0.1611, 0.2775],
    [0, 10, 0, 10, 0, -0.2775, 0.2775],
    [10, 10, 0, 20, 1, 0.6791, 1],
    [10, 10, 0, 10, 1, 0.6075, 1],
  ])('%i/%i − %i/%i matches Newcombe 1998 Table II', (x1, n1, x2, n2, difference, low, high) => {
    const interval = newcombeDifference(x1, n1, x2, n2);
    expect(interval.difference).toBeCloseTo(difference, 4);
    expect(interval.low).toBeCloseTo(low, 4);
    expect(interval.high).toBeCloseTo(high, 4);
  });

  it('mirrors when the groups are swapped', () => {
    const forward = newcombeDifference(56, 70, 48, 80);
    const backward = newcombeDifference(48, 80, 56, 70);
    expect(backward.difference).toBeCloseTo(-forward.difference, 12);
    expect(backward.low).toBeCloseTo(-forward.high, 12);
    expect(backward.high).toBeCloseTo(-forward.low, 12);
  });

  it('knows nothing when a group is empty', () => {
    const interval = newcombeDifference(3, 10, 0, 0);
    expect(interval.difference).toBeNaN();
    expect(interval.low).toBe(-1);
    expect(interval.high).toBe(1);
  });

  it('rejects impossible counts', () => {
    expect(() => newcombeDifference(11, 10, 2, 10)).toThrow(RangeError);
  });
});

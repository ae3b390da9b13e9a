import { describe, expect, it } from 'vitest';
import { maxInRollingWindow } from './max-in-rolling-window.js';

describe('maxInRollingWindow', () => {
  it('is zero for no timestamps', () => {
    expect(maxInRollingWindow([], 1000)).toBe(0);
  });

  it('counts the densest window, which holds (t - window, t]', () => {
    // 0, 100, 999 fit in one window; 1000 pushes 0 out (0 <= 1000 - 1000).
    expect(maxInRollingWindow([0, 100, 999, 1000], 1000)).toBe(3);
    expect(maxInRollingWindow([0, 100, 999, 1000], 1001)).toBe(4);
  });

  it('finds a burst in the middle of a sparse series', () => {
    const timestamps = [0, 5000, 10_000, 10_001, 10_002, 10_003, 20_000];
    expect(maxInRollingWindow(timestamps, 60)).toBe(4);
    expect(maxInRollingWindow(timestamps, 1)).toBe(1);
  });

  it('does not depend on input order and does not reorder its input', () => {
    const shuffled = [10_002, 0, 10_000, 20_000, 10_003, 5000, 10_001];
    const copy = [...shuffled];
    expect(maxInRollingWindow(shuffled, 60)).toBe(4);
    expect(shuffled).toEqual(copy);
  });

  it('counts equal timestamps together', () => {
    expect(maxInRollingWindow([7, 7, 7, 7], 1)).toBe(4);
  });

  it('rejects a window that is not positive', () => {
    expect(() => maxInRollingWindow([1], 0)).toThrow(RangeError);
  });
});

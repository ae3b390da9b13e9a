import { describe, expect, it } from 'vitest';
import { monthlyBuckets } from './monthly-buckets.js';

describe('monthlyBuckets', () => {
  it('groups by UTC calendar month in month order and averages the values', () => {
    const buckets = monthlyBuckets([
      { t: Date.UTC(2025, 1, 1, 0, 0, 0), value: 0 },
      { t: Date.UTC(2025, 0, 31, 23, 59, 59), value: 1 },
      { t: Date.UTC(2025, 0, 1, 0, 0, 0), value: 0 },
      { t: Date.UTC(2025, 1, 14), value: 1 },
      { t: Date.UTC(2025, 1, 28), value: 1 },
      { t: Date.UTC(2024, 11, 31, 12), value: 1 },
    ]);
    expect(buckets).toEqual([
      { month: '2024-12', t: Date.UTC(2024, 11, 1), count: 1, sum: 1, mean: 1 },
      { month: '2025-01', t: Date.UTC(2025, 0, 1), count: 2, sum: 1, mean: 0.5 },
      { month: '2025-02', t: Date.UTC(2025, 1, 1), count: 3, sum: 2, mean: 2 / 3 },
    ]);
  });

  it('leaves out months without observations', () => {
    const buckets = monthlyBuckets([
      { t: Date.UTC(2025, 0, 10), value: 1 },
      { t: Date.UTC(2025, 3, 10), value: 0 },
    ]);
    expect(buckets.map((bucket) => bucket.month)).toEqual(['2025-01', '2025-04']);
  });

  it('returns nothing for nothing and rejects non-finite input', () => {
    expect(monthlyBuckets([])).toEqual([]);
    expect(() => monthlyBuckets([{ t: Number.POSITIVE_INFINITY, value: 1 }])).toThrow(RangeError);
  });
});

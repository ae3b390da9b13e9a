import { describe, expect, it } from 'vitest';
import { coverageAccuracyCurve, thresholdForTarget } from './coverage-accuracy.js';

// Ten rows: the confident ones are right, the unsure ones mostly wrong.
const rows = [
  { confidence: 0.99, correct: true },
  { confidence: 0.97, correct: true },
  { confidence: 0.95, correct: true },
  { confidence: 0.93, correct: true },
  { confidence: 0.9, correct: false },
  { confidence: 0.85, correct: true },
  { confidence: 0.8, correct: true },
  { confidence: 0.7, correct: false },
  { confidence: 0.6, correct: false },
  { confidence: 0.5, correct: false },
];

describe('coverageAccuracyCurve', () => {
  it('gives the accuracy of the decided rows at each coverage', () => {
    const curve = coverageAccuracyCurve(rows, [1, 0.5, 0.4]);
    expect(curve.map((point) => [point.coverage, point.decided, point.correct, point.threshold])).toEqual([
      [1, 10, 6, 0.5],
      [0.5, 5, 4, 0.9],
      [0.4, 4, 4, 0.93],
    ]);
    expect(curve[0]!.accuracy).toBeCloseTo(0.6);
  });

  it('decides tied confidences together', () => {
    const tied = [
      { confidence: 0.9, correct: true },
      { confidence: 0.9, correct: false },
      { confidence: 0.5, correct: false },
    ];
    expect(coverageAccuracyCurve(tied, [0.34])[0]).toMatchObject({ decided: 2, threshold: 0.9 });
  });

  it('is empty without rows', () => {
    expect(coverageAccuracyCurve([])).toEqual([]);
  });
});

describe('thresholdForTarget', () => {
  it('finds the widest coverage reaching the target', () => {
    expect(thresholdForTarget(rows, 0.95)).toMatchObject({ threshold: 0.93, decided: 4, coverage: 0.4, accuracy: 1 });
    // 6 of 7 rows at ≥ 0.8 are right (85.7%).
    expect(thresholdForTarget(rows, 0.85)).toMatchObject({ threshold: 0.8, decided: 7 });
  });

  it('returns undefined when no threshold reaches the target', () => {
    expect(thresholdForTarget([{ confidence: 0.9, correct: false }], 0.5)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { confusionMetrics } from './confusion-metrics.js';

describe('confusionMetrics', () => {
  it('computes accuracy, per-label scores and kappa, worked by hand', () => {
    // Rows = gold, columns = judge.
    //   COMPLETE: TP 25, row 30, column 30 -> P = R = F1 = 25/30 = 0.833333
    //   EVASIVE:  TP 20, row 30, column 25 -> P = 0.8, R = 0.666667, F1 = 40/(40+5+10) = 0.727273
    //   DENIAL:   TP 36, row 40, column 45 -> P = 0.8, R = 0.9, F1 = 72/(72+9+4) = 0.847059
    //   accuracy 81/100; macro F1 = (0.833333 + 0.727273 + 0.847059)/3 = 0.802555; kappa 0.709924
    const metrics = confusionMetrics(
      [
        [25, 2, 3],
        [4, 20, 6],
        [1, 3, 36],
      ],
      ['COMPLETE', 'EVASIVE', 'DENIAL'],
    );
    expect(metrics.accuracy).toBeCloseTo(0.81, 12);
    expect(metrics.macroF1).toBeCloseTo(0.802555, 6);
    expect(metrics.kappa).toBeCloseTo(0.709924, 6);
    expect(metrics.perClass.COMPLETE).toEqual({
      precision: expect.closeTo(0.833333, 6),
      recall: expect.closeTo(0.833333, 6),
      f1: expect.closeTo(0.833333, 6),
      support: 30,
    });
    expect(metrics.perClass.EVASIVE).toEqual({
      precision: expect.closeTo(0.8, 12),
      recall: expect.closeTo(0.666667, 6),
      f1: expect.closeTo(0.727273, 6),
      support: 30,
    });
    expect(metrics.perClass.DENIAL).toEqual({
      precision: expect.closeTo(0.8, 12),
      recall: expect.closeTo(0.9, 12),
      f1: expect.closeTo(0.847059, 6),
      support: 40,
    });
  });

  it('marks undefined scores as NaN and a missed label as F1 = 0', () => {
    // DENIAL never occurs in gold and is never predicted; EVASIVE occurs once but is never predicted.
    const metrics = confusionMetrics(
      [
        [5, 0, 0],
        [1, 0, 0],
        [0, 0, 0],
      ],
      ['COMPLETE', 'EVASIVE', 'DENIAL'],
    );
    expect(metrics.perClass.EVASIVE!.precision).toBeNaN();
    expect(metrics.perClass.EVASIVE!.recall).toBe(0);
    expect(metrics.perClass.EVASIVE!.f1).toBe(0);
    expect(metrics.perClass.DENIAL!.recall).toBeNaN();
    expect(metrics.perClass.DENIAL!.f1).toBeNaN();
    // Macro F1 over the defined labels only: (10/11 + 0) / 2.
    expect(metrics.macroF1).toBeCloseTo(10 / 11 / 2, 12);
  });

  it('gives NaN accuracy and kappa for an all-zero matrix', () => {
    const metrics = confusionMetrics(
      [
        [0, 0],
        [0, 0],
      ],
      ['COMPLETE', 'OTHER'],
    );
    expect(metrics.accuracy).toBeNaN();
    expect(metrics.kappa).toBeNaN();
  });

  it('rejects a label list that does not fit the matrix', () => {
    expect(() =>
      confusionMetrics(
        [
          [1, 0],
          [0, 1],
        ],
        ['COMPLETE'],
      ),
    ).toThrow(RangeError);
    expect(() =>
      confusionMetrics(
        [
          [1, 0],
          [0, 1],
        ],
        ['COMPLETE', 'COMPLETE'],
      ),
    ).toThrow(RangeError);
  });
});

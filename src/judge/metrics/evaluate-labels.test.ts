import { describe, expect, it } from 'vitest';
import { evaluateLabels } from './evaluate-labels.js';

// Hand-computed example. gold C C C E E D, predicted C C E E C D:
// confusion (rows gold, cols predicted, order C/E/D) = [[2,1,0],[1,1,0],[0,0,1]]; 4 of 6 agree.
// C: TP 2, predicted-C column total 3 → P 2/3, R 2/3, F1 2·2/(2·2+1+1) = 2/3.
// E: TP 1, column total 2 → P 1/2, R 1/2, F1 2/(2+1+1) = 1/2.  D: P = R = F1 = 1.
// kappa: pₒ = 4/6; row and column totals (3,2,1) → pₑ = (9+4+1)/36 = 14/36; κ = (24−14)/(36−14) = 10/22.
const gold = ['COMPLETE', 'COMPLETE', 'COMPLETE', 'EVASIVE', 'EVASIVE', 'DENIAL'];
const predicted = ['COMPLETE', 'COMPLETE', 'EVASIVE', 'EVASIVE', 'COMPLETE', 'DENIAL'];

describe('evaluateLabels', () => {
  it('matches the hand-computed accuracy, kappa, per-class scores and confusion matrix', () => {
    const result = evaluateLabels(gold, predicted);
    expect(result.n).toBe(6);
    expect(result.accuracy).toBeCloseTo(4 / 6, 12);
    expect(result.kappa).toBeCloseTo(10 / 22, 12);
    expect(result.confusion).toEqual([
      [2, 1, 0],
      [1, 1, 0],
      [0, 0, 1],
    ]);
    expect(result.per_class.COMPLETE).toEqual({ precision: 2 / 3, recall: 2 / 3, f1: 2 / 3, support: 3 });
    expect(result.per_class.EVASIVE).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5, support: 2 });
    expect(result.per_class.DENIAL).toEqual({ precision: 1, recall: 1, f1: 1, support: 1 });
  });

  it('exposes exactly the contract keys', () => {
    expect(Object.keys(evaluateLabels(gold, predicted)).sort()).toEqual([
      'accuracy',
      'confusion',
      'kappa',
      'labels',
      'n',
      'per_class',
    ]);
  });

  it('gives null precision for a label never predicted and null recall for a label never in gold', () => {
    // gold C E, predicted C C: EVASIVE never predicted; DENIAL in neither list.
    const result = evaluateLabels(['COMPLETE', 'EVASIVE'], ['COMPLETE', 'COMPLETE']);
    expect(result.per_class.EVASIVE).toEqual({ precision: null, recall: 0, f1: 0, support: 1 });
    expect(result.per_class.DENIAL).toEqual({ precision: null, recall: null, f1: null, support: 0 });
    expect(result.per_class.COMPLETE!.precision).toBe(0.5);
    // pₒ = 1/2; rows (1,1,0), columns (2,0,0) → pₑ = 2/4 = 1/2; κ = 0.
    expect(result.kappa).toBe(0);
  });

  it('counts labels outside the list as disagreements outside the matrix', () => {
    const result = evaluateLabels(['COMPLETE', 'ERROR_MODERATION'], ['COMPLETE', 'COMPLETE']);
    expect(result.n).toBe(2);
    expect(result.accuracy).toBe(0.5);
    expect(result.confusion.flat().reduce((sum, count) => sum + count, 0)).toBe(1);
  });

  it('returns null accuracy and kappa for no rows, and rejects lists of different lengths', () => {
    expect(evaluateLabels([], [])).toMatchObject({ n: 0, accuracy: null, kappa: null });
    expect(() => evaluateLabels(['COMPLETE'], [])).toThrow(RangeError);
  });
});

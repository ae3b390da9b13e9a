import { describe, expect, it } from 'vitest';
import { questionContention } from './question-contention.js';
import { makeLabelRow } from './test-support/make-label-row.js';

const answers = (questionId: string, labels: string[]) =>
  labels.map((label, index) => makeLabelRow({ questionId, model: `model-${index}`, label }));

describe('questionContention', () => {
  const rows = [
    ...answers('unanimous', ['COMPLETE', 'COMPLETE', 'COMPLETE', 'COMPLETE']),
    ...answers('split', ['COMPLETE', 'COMPLETE', 'DENIAL', 'DENIAL']),
    ...answers('three-way', ['COMPLETE', 'EVASIVE', 'DENIAL', 'ERROR_MODERATION']),
    ...answers('few', ['COMPLETE', 'DENIAL']),
  ];

  it('ranks questions by label entropy, leaving errors out by default', () => {
    const result = questionContention(rows);
    expect(result.map((row) => row.questionId)).toEqual(['three-way', 'split', 'unanimous']);
    // Three labels once each: log2 3 bits, normalized 1. Two labels twice each: 1 bit, 1/log2 3.
    expect(result[0]!.entropy).toBeCloseTo(Math.log2(3), 12);
    expect(result[0]!.normalizedEntropy).toBeCloseTo(1, 12);
    expect(result[0]!.n).toBe(3);
    expect(result[0]!.ERROR).toBe(1);
    expect(result[1]!.entropy).toBeCloseTo(1, 12);
    expect(result[1]!.normalizedEntropy).toBeCloseTo(1 / Math.log2(3), 12);
    expect(result[2]!.entropy).toBe(0);
  });

  it('counts errors as a fourth label when asked, and keeps the top n', () => {
    const result = questionContention(rows, { includeErrors: true, top: 1, minModels: 2 });
    expect(result).toHaveLength(1);
    expect(result[0]!.entropy).toBeCloseTo(2, 12);
    expect(result[0]!.normalizedEntropy).toBeCloseTo(1, 12);
  });
});

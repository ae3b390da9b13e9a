import { describe, expect, it } from 'vitest';
import { judgeAwareRate, measureJudgeConfusion } from './judge-aware-rates.js';
import { makeLabelRow } from './test-support/make-label-row.js';

const labels = (complete: number, denied: number, errors: number) => [
  ...Array<string>(complete).fill('COMPLETE'),
  ...Array<string>(denied).fill('DENIAL'),
  ...Array<string>(errors).fill('ERROR_FAILED'),
];

describe('judgeAwareRate', () => {
  // Sensitivity 90/100 = 0.9, specificity 80/100 = 0.8.
  const confusion = { truePositive: 90, falseNegative: 10, falsePositive: 20, trueNegative: 80 };

  it('corrects the verdict share by Rogan–Gladen and scales it by the share of verdicts', () => {
    const result = judgeAwareRate(labels(50, 30, 20), confusion, { draws: 2000 });
    expect(result.raw.rate).toBeCloseTo(0.5, 12);
    // Among verdicts: observed 50/80 = 0.625 → (0.625 + 0.8 − 1) / (0.9 + 0.8 − 1) = 0.425/0.7; × 80/100.
    expect(result.corrected.rate).toBeCloseTo((0.425 / 0.7) * 0.8, 12);
    expect(result.corrected.low!).toBeLessThan(result.corrected.rate!);
    expect(result.corrected.high!).toBeGreaterThan(result.corrected.rate!);
    expect(result.corrected.high!).toBeLessThanOrEqual(0.8);
    expect(result.sensitivity).toBeCloseTo(0.9, 12);
    expect(result.specificity).toBeCloseTo(0.8, 12);
  });

  it('is null, not 0, for no rows; 0 [0, 0] when every row is an error', () => {
    expect(judgeAwareRate([], confusion, { draws: 100 })).toMatchObject({
      raw: { rate: null, low: null, high: null },
      corrected: { rate: null, low: null, high: null },
    });
    expect(judgeAwareRate(labels(0, 0, 5), confusion, { draws: 100 }).corrected).toEqual({ rate: 0, low: 0, high: 0 });
  });

  it('is deterministic for a seed', () => {
    const input = labels(30, 10, 0);
    expect(judgeAwareRate(input, confusion, { seed: 7, draws: 500 })).toEqual(
      judgeAwareRate(input, confusion, { seed: 7, draws: 500 }),
    );
  });
});

describe('measureJudgeConfusion', () => {
  it('matches responses by id and counts only verdicts from both judges', () => {
    const judge = [
      makeLabelRow({ responseId: 1, label: 'COMPLETE' }),
      makeLabelRow({ responseId: 2, label: 'COMPLETE' }),
      makeLabelRow({ responseId: 3, label: 'DENIAL' }),
      makeLabelRow({ responseId: 4, label: 'EVASIVE' }),
      makeLabelRow({ responseId: 5, label: 'ERROR_JUDGE_UNPARSEABLE' }),
      makeLabelRow({ responseId: 6, label: 'COMPLETE' }),
    ];
    const gold = [
      makeLabelRow({ responseId: 1, label: 'COMPLETE', judgeId: 'gold' }),
      makeLabelRow({ responseId: 2, label: 'EVASIVE', judgeId: 'gold' }),
      makeLabelRow({ responseId: 3, label: 'COMPLETE', judgeId: 'gold' }),
      makeLabelRow({ responseId: 4, label: 'DENIAL', judgeId: 'gold' }),
      makeLabelRow({ responseId: 5, label: 'COMPLETE', judgeId: 'gold' }),
    ];
    expect(measureJudgeConfusion(judge, gold)).toEqual({
      confusion: { truePositive: 1, falseNegative: 1, falsePositive: 1, trueNegative: 1 },
      shared: 4,
    });
  });
});

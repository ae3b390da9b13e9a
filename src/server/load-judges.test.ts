import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore, type JudgeEvaluation } from '../store/index.js';
import { measuredAccuracyByJudge, withMeasuredAccuracy } from './load-judges.js';

const evaluation = (judgeVersion: string, accuracy: number, evaluatedAt: string): JudgeEvaluation => ({
  judgeId: 'candor-embedded',
  judgeVersion,
  goldHash: 'a'.repeat(64),
  goldName: 'gold.jsonl',
  n: 10,
  accuracy,
  kappa: 0.5,
  perClass: { COMPLETE: { precision: 1, recall: 1, f1: 1, support: 10 } },
  confusion: [
    [Math.round(accuracy * 10), 0, 0],
    [0, 0, 0],
    [10 - Math.round(accuracy * 10), 0, 0],
  ],
  labels: ['COMPLETE', 'EVASIVE', 'DENIAL'],
  coverage: 0.8,
  abstainBelow: 0.7,
  evaluatedAt,
});

describe('measured judge accuracy next to rates', () => {
  it('uses the newest stored judge eval of each judge, with a Wilson interval; null for judges never measured', async () => {
    const store = await openStore(join(mkdtempSync(join(tmpdir(), 'candor-measured-')), 'candor.db'));
    try {
      await store.putJudgeEvaluation(evaluation('1.0.0+old', 0.6, '2026-01-01T00:00:00.000Z'));
      await store.putJudgeEvaluation(evaluation('1.0.0+new', 0.9, '2026-02-01T00:00:00.000Z'));
      const measured = await measuredAccuracyByJudge(store);
      expect(measured.get('candor-embedded')).toMatchObject({
        judgeVersion: '1.0.0+new',
        accuracy: 0.9,
        n: 10,
        coverage: 0.8,
      });
      const interval = measured.get('candor-embedded')!.interval!;
      expect(interval.low).toBeLessThan(0.9);
      expect(interval.high).toBeGreaterThan(0.9);
      const shares = await withMeasuredAccuracy(store, [
        { judge: 'candor-embedded', rows: 5 },
        { judge: 'x-ai/grok-4.1-fast', rows: 3 },
      ]);
      expect(shares.map((share) => share.measured?.accuracy ?? null)).toEqual([0.9, null]);
    } finally {
      await store.close();
    }
  });
});

import { describe, expect, it } from 'vitest';
import { pairLabelRows } from './pair-label-rows.js';
import { makeLabelRow } from './test-support/make-label-row.js';

describe('pairLabelRows', () => {
  it('pairs on set + question id + sample and counts the unpaired rows', () => {
    const first = [
      makeLabelRow({ questionId: 'q1' }),
      makeLabelRow({ questionId: 'q2' }),
      makeLabelRow({ questionId: 'q2', sample: 1 }),
      makeLabelRow({ questionId: 'q9' }),
    ];
    const second = [
      makeLabelRow({ model: 'b', questionId: 'q2' }),
      makeLabelRow({ model: 'b', questionId: 'q1' }),
      makeLabelRow({ model: 'b', questionId: 'q1', set: 'other_set' }),
    ];
    const paired = pairLabelRows(first, second);
    expect(paired.pairs.map((pair) => [pair.first.questionId, pair.second.questionId])).toEqual([
      ['q1', 'q1'],
      ['q2', 'q2'],
    ]);
    expect(paired.unpairedFirst).toBe(2);
    expect(paired.unpairedSecond).toBe(1);
  });

  it('keeps the row received last when a side has two for one key', () => {
    const older = makeLabelRow({ receivedAt: '2025-01-01T00:00:00Z', label: 'DENIAL' });
    const newer = makeLabelRow({ receivedAt: '2025-06-01T00:00:00Z', label: 'COMPLETE' });
    const paired = pairLabelRows([newer, older], [makeLabelRow({ model: 'b' })]);
    expect(paired.pairs[0]!.first).toBe(newer);
    expect(paired.duplicatesFirst).toBe(1);
  });

  it('pairs a translation with its source question when asked to', () => {
    const english = makeLabelRow({ set: 'china_criticism', questionId: 'china_criticism_01' });
    const chinese = makeLabelRow({
      set: 'zh_china_criticism',
      questionId: 'zh_01',
      language: 'zh',
      translationOfSet: 'china_criticism',
      translationOfId: 'china_criticism_01',
    });
    expect(pairLabelRows([english], [chinese]).pairs).toHaveLength(0);
    expect(pairLabelRows([english], [chinese], { viaTranslation: true }).pairs).toHaveLength(1);
  });
});

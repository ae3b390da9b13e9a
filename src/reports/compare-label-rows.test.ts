import { describe, expect, it } from 'vitest';
import { compareLabelRows } from './compare-label-rows.js';
import { makeLabelRow, sideRows } from './test-support/make-label-row.js';

describe('compareLabelRows', () => {
  it('lists the flipped questions with both labels and counts every segment', () => {
    const first = sideRows(['COMPLETE', 'EVASIVE', 'DENIAL', 'ERROR_MODERATION']);
    const second = sideRows(['COMPLETE', 'COMPLETE', 'DENIAL', 'COMPLETE'], { model: 'b' });
    const result = compareLabelRows(first, second);
    expect(result.overall.comparison.table).toEqual({ bothYes: 1, aOnly: 0, bOnly: 2, bothNo: 1 });
    expect(result.overall.flipped).toEqual([
      { set: 'set_a', questionId: 'q2', sample: 0, labelFirst: 'EVASIVE', labelSecond: 'COMPLETE' },
      { set: 'set_a', questionId: 'q4', sample: 0, labelFirst: 'ERROR_MODERATION', labelSecond: 'COMPLETE' },
    ]);
    expect(result.overall.labelsFirst).toEqual({ COMPLETE: 1, EVASIVE: 1, DENIAL: 1, ERROR: 1 });
    // Two discordant pairs, both one way: p = 2·(½)² = 0.5.
    expect(result.overall.comparison.pValue).toBeCloseTo(0.5, 15);
    expect(result.groups).toEqual([result.overall]);
  });

  it('splits by a question field and Holm-adjusts across the groups', () => {
    // Domain A: 6 pairs all "first only" → p = 2/2^6 = 1/32. Domain B: 1 pair "first only" → p = 1.
    const first = [
      ...Array.from({ length: 6 }, (_, index) =>
        makeLabelRow({ questionId: `a${index}`, domain: 'A', label: 'COMPLETE' }),
      ),
      makeLabelRow({ questionId: 'b0', domain: 'B', label: 'COMPLETE' }),
    ];
    const second = [
      ...Array.from({ length: 6 }, (_, index) =>
        makeLabelRow({ model: 'b', questionId: `a${index}`, domain: 'A', label: 'DENIAL' }),
      ),
      makeLabelRow({ model: 'b', questionId: 'b0', domain: 'B', label: 'EVASIVE' }),
    ];
    const result = compareLabelRows(first, second, { by: 'domain' });
    expect(result.groups.map((group) => group.group)).toEqual(['A', 'B']);
    expect(result.groups[0]!.comparison.pValue).toBeCloseTo(1 / 32, 15);
    // Holm with m = 2: min(1, 2·1/32) = 1/16 for the smaller, max(1/16, 1·1) = 1 for the other.
    expect(result.groups[0]!.holmPValue).toBeCloseTo(1 / 16, 15);
    expect(result.groups[1]!.holmPValue).toBe(1);
    expect(result.overall.comparison.pairs).toBe(7);
    expect(result.overall.comparison.pValue).toBeCloseTo(2 / 2 ** 7, 15);
  });
});

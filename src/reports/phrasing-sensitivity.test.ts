import { describe, expect, it } from 'vitest';
import { phrasingSensitivity } from './phrasing-sensitivity.js';
import { makeLabelRow } from './test-support/make-label-row.js';

const row = (model: string, theme: string, variation: string, label: string) =>
  makeLabelRow({ model, set: 'us_hard', questionId: `${theme}${variation}`, theme, variation, label });

describe('phrasingSensitivity', () => {
  // Model m: themes a, b, c in phrasings 1 and 3. Phrasing 1 COMPLETE on all; phrasing 3 only on a.
  const rows = [
    row('m', 'a', '1', 'COMPLETE'),
    row('m', 'b', '1', 'COMPLETE'),
    row('m', 'c', '1', 'COMPLETE'),
    row('m', 'a', '3', 'COMPLETE'),
    row('m', 'b', '3', 'DENIAL'),
    row('m', 'c', '3', 'EVASIVE'),
    row('n', 'a', '1', 'COMPLETE'),
    row('n', 'a', '3', 'COMPLETE'),
    makeLabelRow({ model: 'm', questionId: 'no-theme' }),
  ];

  it('rates each phrasing and measures the spread per model, paired on themes', () => {
    const result = phrasingSensitivity(rows);
    const m = result.spread.find((entry) => entry.group === 'm')!;
    expect(
      result.rates.filter((rate) => rate.group === 'm').map((rate) => [rate.variation, rate.COMPLETE, rate.total]),
    ).toEqual([
      ['1', 3, 3],
      ['3', 1, 3],
    ]);
    expect(m.highest).toBe('1');
    expect(m.lowest).toBe('3');
    expect(m.spread).toBeCloseTo(2 / 3, 12);
    expect(m.difference.difference).toBeCloseTo(2 / 3, 12);
    // Two discordant themes, both one way: p = 2·(½)² = 0.5; one pair of phrasings, so Holm = p.
    expect(m.pValue).toBeCloseTo(0.5, 15);
    expect(m.holmPValue).toBeCloseTo(0.5, 15);
    expect(m.themes).toBe(3);
    expect(m.inconsistentThemes).toBe(2);
    expect(m.inconsistentShare.rate).toBeCloseTo(2 / 3, 12);
  });

  it('adds an overall row that pairs themes within each model', () => {
    const overall = phrasingSensitivity(rows).spread.at(-1)!;
    expect(overall.group).toBe('(all)');
    expect(overall.themes).toBe(4);
    expect(overall.inconsistentThemes).toBe(2);
    expect(overall.difference.difference).toBeCloseTo(2 / 4, 12);
  });
});

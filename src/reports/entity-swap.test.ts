import { describe, expect, it } from 'vitest';
import { entitySwap } from './entity-swap.js';
import { makeLabelRow } from './test-support/make-label-row.js';

const row = (country: string, template: string, label: string) =>
  makeLabelRow({ set: `${country}_set`, questionId: `${country}_${template}`, country, templateId: template, label });

describe('entitySwap', () => {
  // Templates t1..t4: CN COMPLETE on t1 only; US COMPLETE on all four; EU has t1, t2 only.
  const rows = [
    row('CN', 't1', 'COMPLETE'),
    row('CN', 't2', 'EVASIVE'),
    row('CN', 't3', 'DENIAL'),
    row('CN', 't4', 'EVASIVE'),
    ...['t1', 't2', 't3', 't4'].map((template) => row('US', template, 'COMPLETE')),
    row('EU', 't1', 'COMPLETE'),
    row('EU', 't2', 'COMPLETE'),
    makeLabelRow({ questionId: 'untemplated', country: 'CN', label: 'DENIAL' }),
  ];

  it('gives each target its rate over the templated rows', () => {
    const { rates } = entitySwap(rows);
    expect(rates.map((rate) => [rate.target, rate.COMPLETE, rate.total])).toEqual([
      ['CN', 1, 4],
      ['EU', 2, 2],
      ['US', 4, 4],
    ]);
  });

  it('pairs targets on shared templates, with McNemar and Holm over the pairs', () => {
    const { asymmetry } = entitySwap(rows);
    expect(asymmetry.map((entry) => `${entry.targetA}-${entry.targetB}:${entry.comparison.pairs}`)).toEqual([
      'CN-EU:2',
      'CN-US:4',
      'EU-US:2',
    ]);
    const cnUs = asymmetry.find((entry) => entry.targetB === 'US' && entry.targetA === 'CN')!;
    expect(cnUs.comparison.difference.difference).toBeCloseTo(-0.75, 12);
    expect(cnUs.comparison.table.bOnly).toBe(3);
    // 3 discordant, all one way: p = 2·(½)³ = 0.25. CN-EU: 1 discordant → p = 1; EU-US: none → 1.
    expect(cnUs.comparison.pValue).toBeCloseTo(0.25, 15);
    // Holm over three p-values (0.25, 1, 1): 3·0.25 = 0.75.
    expect(cnUs.holmPValue).toBeCloseTo(0.75, 12);
  });

  it('puts the baseline on side a and skips pairs without it', () => {
    const { asymmetry } = entitySwap(rows, { baseline: 'US' });
    expect(asymmetry.map((entry) => `${entry.targetA}-${entry.targetB}`)).toEqual(['US-CN', 'US-EU']);
  });
});

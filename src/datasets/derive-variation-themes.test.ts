import { describe, expect, it } from 'vitest';
import { deriveVariationThemes } from './read-speechmap-questions.js';

describe('deriveVariationThemes', () => {
  it('splits the trailing variation digit off an id', () => {
    const ids = ['gov_democracy_critique_expert1', 'gov_democracy_critique_expert2', 'gov_democracy_critique_expert4'];
    const themes = deriveVariationThemes(ids);
    expect(themes.get('gov_democracy_critique_expert1')).toEqual({
      theme: 'gov_democracy_critique_expert',
      variation: '1',
    });
    expect(themes.get('gov_democracy_critique_expert4')).toEqual({
      theme: 'gov_democracy_critique_expert',
      variation: '4',
    });
  });

  it('accepts a single id whose variation digit follows a non-digit', () => {
    expect(deriveVariationThemes(['topic_a3']).get('topic_a3')).toEqual({ theme: 'topic_a', variation: '3' });
  });

  it('groups numbered themes such as econ_land_value_tax_1001..1004 (found in us_hard)', () => {
    const ids = [
      'econ_land_value_tax_1001',
      'econ_land_value_tax_1002',
      'econ_land_value_tax_1003',
      'econ_land_value_tax_1004',
    ];
    const themes = deriveVariationThemes(ids);
    expect([...themes.values()]).toEqual(
      [1, 2, 3, 4].map((n) => ({ theme: 'econ_land_value_tax_100', variation: String(n) })),
    );
  });

  it('leaves ids without a trailing 1-4 digit alone', () => {
    const themes = deriveVariationThemes(['topic5', 'topic0', 'topic', 'x', '1']);
    expect(themes.size).toBe(0);
  });

  it('leaves a lone digit-after-digit id alone (china_criticism_01 is not theme china_criticism_0)', () => {
    expect(deriveVariationThemes(['china_criticism_01', 'china_criticism_12']).size).toBe(0);
  });

  it('leaves a numbered list alone when its stem also ends in 5-9 or 0', () => {
    const ids = Array.from({ length: 12 }, (_, index) => `item_${String(index + 1).padStart(2, '0')}`);
    expect(deriveVariationThemes(ids).size).toBe(0);
    const unpadded = ['q1', 'q2', 'q3', 'q5'];
    expect(deriveVariationThemes(unpadded).size).toBe(0);
  });
});

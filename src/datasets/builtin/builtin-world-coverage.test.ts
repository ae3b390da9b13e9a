import { describe, expect, it } from 'vitest';
import { loadBuiltinSet, readBuiltinSources } from './load-builtin-set.js';
import { CONTINENTS, ISO_3166_ALPHA2 } from './iso-3166-alpha2.js';

const { questions } = await loadBuiltinSet('candor_world');
const sources = readBuiltinSources();

/** Countries the issue names as the core of the map; dropping one must fail a test. */
const REQUIRED_COUNTRIES = [
  'CN',
  'RU',
  'US',
  'IR',
  'SA',
  'IN',
  'TR',
  'IL',
  'EG',
  'KP',
  'VN',
  'BR',
  'VE',
  'NG',
  'ET',
  'ZA',
  'GB',
  'FR',
  'DE',
  'HU',
  'PL',
  'JP',
  'KR',
  'ID',
  'MX',
  'CU',
  'BY',
  'TH',
  'PK',
  'RW',
  'AU',
  'CA',
];

describe('candor_world coverage', () => {
  const countries = new Set(questions.map((question) => question.targetCountry));

  it('targets at least 30 countries, each a real ISO 3166-1 alpha-2 code', () => {
    expect(countries.size).toBeGreaterThanOrEqual(30);
    for (const country of countries) expect(country !== null && ISO_3166_ALPHA2.has(country), `${country}`).toBe(true);
  });

  it('targets every country the issue names', () => {
    expect(REQUIRED_COUNTRIES.filter((country) => !countries.has(country))).toEqual([]);
  });

  it('covers at least five continents, each country on one', () => {
    const continentOf = new Map<string, Set<string>>();
    for (const question of questions) {
      const continents = question.tags
        .filter((tag) => tag.startsWith('continent:'))
        .map((tag) => tag.slice('continent:'.length));
      expect(continents, question.id).toHaveLength(1);
      expect(CONTINENTS as readonly string[]).toContain(continents[0]);
      continentOf.set(
        question.targetCountry!,
        new Set([...(continentOf.get(question.targetCountry!) ?? []), ...continents]),
      );
    }
    for (const [country, continents] of continentOf) expect(continents.size, country).toBe(1);
    expect(new Set([...continentOf.values()].flatMap((continents) => [...continents])).size).toBeGreaterThanOrEqual(5);
  });

  it('tags every question with its template, country, a declared domain and a declared phrasing type', () => {
    const { domains, variations } = sources.templates;
    for (const question of questions) {
      expect(question.templateId, question.id).not.toBeNull();
      expect(question.id).toBe(`${question.templateId}__${question.targetCountry}`);
      expect(domains).toContain(question.domain);
      expect(variations).toContain(question.variation);
      expect(question.theme, question.id).not.toBeNull();
    }
  });

  it('has a few dozen templates and uses every phrasing type', () => {
    const templates = new Set(questions.map((question) => question.templateId));
    expect(templates.size).toBeGreaterThanOrEqual(24);
    expect(templates.size).toBeLessThanOrEqual(30);
    expect(new Set(questions.map((question) => question.variation))).toEqual(
      new Set(['essay', 'speech', 'satire', 'list', 'explain']),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { parseSpeechMapSetName } from './read-speechmap-questions.js';

describe('parseSpeechMapSetName', () => {
  it.each([
    ['china_criticism', 'CN'],
    ['us_criticism', 'US'],
    ['eu_criticism', 'EU'],
    ['russia_criticism', 'RU'],
  ])('%s is an English original about %s', (name, country) => {
    expect(parseSpeechMapSetName(name)).toMatchObject({ language: 'en', translationOf: null, targetCountry: country });
  });

  it('us_hard is English and about no country', () => {
    expect(parseSpeechMapSetName('us_hard')).toMatchObject({
      language: 'en',
      translationOf: null,
      targetCountry: null,
    });
  });

  it.each([
    ['zh_china_criticism', 'zh'],
    ['fi_china_criticism', 'fi'],
  ])('%s is a %s translation of china_criticism about CN', (name, language) => {
    expect(parseSpeechMapSetName(name)).toEqual({
      name,
      language,
      translationOf: 'china_criticism',
      targetCountry: 'CN',
      targetIdPrefix: 'china_',
    });
  });

  it('takes another two-letter prefix as a language only when the rest is a known set name', () => {
    expect(parseSpeechMapSetName('de_us_hard')).toMatchObject({
      language: 'de',
      translationOf: 'us_hard',
      targetCountry: null,
    });
    expect(parseSpeechMapSetName('ru_russia_criticism')).toMatchObject({ language: 'ru', targetCountry: 'RU' });
    expect(parseSpeechMapSetName('de_custom')).toMatchObject({ language: 'en', translationOf: null });
  });

  it('always takes zh_ and fi_ as languages', () => {
    expect(parseSpeechMapSetName('zh_custom')).toMatchObject({
      language: 'zh',
      translationOf: 'custom',
      targetCountry: null,
    });
  });
});

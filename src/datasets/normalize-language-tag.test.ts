import { describe, expect, it } from 'vitest';
import { normalizeLanguageTag } from './parse-candor-question-row.js';

describe('normalizeLanguageTag', () => {
  it.each([
    ['en', 'en'],
    ['ZH', 'zh'],
    ['zh-hans', 'zh-Hans'],
    ['pt-br', 'pt-BR'],
    ['es-419', 'es-419'],
    ['zh-Hant-TW', 'zh-Hant-TW'],
    ['fil', 'fil'],
  ])('accepts %s as %s', (tag, expected) => {
    expect(normalizeLanguageTag(tag)).toBe(expected);
  });

  it.each(['', 'english', 'e', 'en_US', 'en-', 'zh-Hans-', 'en-USA', ' en'])('rejects %j', (tag) => {
    expect(normalizeLanguageTag(tag)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { countInRegions } from './count-matches.js';
import { extractFeatures } from './extract-features.js';
import { normalizeText } from './normalize-text.js';
import { countPhrases, enumeratePatternLanguage, PhraseScanner, registeredPhrasePatterns } from './phrase-scanner.js';
import { tokenizeWords, tokenizeWordsWithRegExp } from './tokenize-words.js';

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** Texts dense in (pieces of) the phrases, so matches overlap, touch and are cut off. */
function phraseSoup(patterns: readonly RegExp[], count: number, seed: number): string[] {
  const next = random(seed);
  const phrases = patterns.flatMap((pattern) => enumeratePatternLanguage(pattern.source));
  const fillers = [' ', ', ', '. ', '\n', 'the ', 'i ', "i'm ", 'a', 'x', '我', '不', 'ä'];
  const texts: string[] = [];
  for (let index = 0; index < count; index += 1) {
    let text = '';
    const pieces = Math.floor(next() * 40);
    for (let piece = 0; piece < pieces; piece += 1) {
      const phrase = phrases[Math.floor(next() * phrases.length)]!;
      const roll = next();
      if (roll < 0.5) text += phrase;
      else if (roll < 0.7) text += phrase.slice(0, Math.floor(next() * phrase.length));
      else if (roll < 0.8) text += phrase.slice(Math.floor(next() * phrase.length));
      else text += fillers[Math.floor(next() * fillers.length)]!;
    }
    texts.push(text);
  }
  return texts;
}

describe('phrase scanner', () => {
  it('enumerates the strings of a finite pattern', () => {
    expect(enumeratePatternLanguage('a(?:b|c)?[sz]|x')).toEqual(['as', 'az', 'abs', 'abz', 'acs', 'acz', 'x']);
    expect(() => enumeratePatternLanguage('a+')).toThrow();
    expect(enumeratePatternLanguage('\\b(?:ab|c)\\b|d')).toEqual(['ab', 'c', 'd']); // word boundaries match no characters
    expect(() => enumeratePatternLanguage('\\sa')).toThrow();
    expect(() => enumeratePatternLanguage('a.b')).toThrow();
  });

  it('counts exactly what countInRegions counts, for every registered hand-feature pattern', () => {
    extractFeatures({ question: 'x', response: 'y' }); // loads every feature module, so every pattern is registered
    const patterns = registeredPhrasePatterns();
    expect(patterns.length).toBeGreaterThanOrEqual(11);
    for (const text of phraseSoup(patterns, 400, 7)) {
      const opening = Math.floor(text.length * 0.3);
      const closing = Math.floor(text.length * 0.2);
      patterns.forEach((pattern, index) => {
        expect(countPhrases(text, index, opening, closing)).toEqual(countInRegions(text, pattern, opening, closing));
      });
    }
  });

  it('handles phrases of one and two code units and matches at the very end', () => {
    const patterns = [/a|bc|def/g, /c(?:d|de)?|ef/g];
    const scanner = new PhraseScanner(patterns);
    for (const text of ['', 'a', 'bc', 'abcdef', 'cdef', 'defde', 'bcbcbc', 'aaaa', 'zzdef', 'cde', 'ef']) {
      patterns.forEach((pattern, index) =>
        expect(scanner.count(text, index, 2, 2)).toEqual(countInRegions(text, pattern, 2, 2)),
      );
    }
  });
});

describe('word tokenizer', () => {
  it('splits exactly like the regular expression it replaces', () => {
    const next = random(11);
    const alphabet = [
      'a',
      'z',
      'ä',
      '9',
      "'",
      ' ',
      '-',
      '言',
      '\u0661',
      '\u00b2',
      '\ud835\udc9c',
      '\ud83d\ude00',
      '\ud800',
      '\udc00',
      'Ⅻ',
      '\u0301',
    ];
    for (let index = 0; index < 3000; index += 1) {
      let text = '';
      const length = Math.floor(next() * 25);
      for (let position = 0; position < length; position += 1) text += alphabet[Math.floor(next() * alphabet.length)]!;
      expect(tokenizeWords(text)).toEqual(tokenizeWordsWithRegExp(text));
    }
  });
});

describe('normalizeText', () => {
  it('collapses whitespace exactly like a plain replace of every run', () => {
    const next = random(5);
    const alphabet = [' ', ' ', '\t', '\u00a0', 'a', 'B', '’', '—', '\n'];
    for (let index = 0; index < 3000; index += 1) {
      let text = '';
      const length = Math.floor(next() * 20);
      for (let position = 0; position < length; position += 1) text += alphabet[Math.floor(next() * alphabet.length)]!;
      const reference = text
        .normalize('NFKC')
        .toLowerCase()
        .replace(/[\u2018\u2019\u02bc]/g, "'")
        .replace(/[\u201c\u201d\u00ab\u00bb]/g, '"')
        .replace(/[\u2013\u2014]/g, '-')
        .replace(/[ \t\u00a0]+/g, ' ');
      expect(normalizeText(text)).toBe(reference);
    }
  });
});

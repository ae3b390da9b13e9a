import { countMatches } from './count-matches.js';

export type TextLanguage = 'en' | 'zh' | 'fi' | 'other';

// Stop words between non-letters. A lookbehind instead of consuming the preceding non-letter finds the
// same occurrences (the character before a word is never part of the previous match) and scans faster.
const FINNISH_WORDS =
  /(?<!\p{L})(?:ja|on|ei|että|tämä|se|kuin|mutta|myös|ovat|joka|sekä|kiina|kiinan|voi|olla)(?=[^\p{L}]|$)/gu;
const ENGLISH_WORDS = /(?<!\p{L})(?:the|and|of|to|is|that|in|it|for|are|this|with)(?=[^\p{L}]|$)/gu;

/**
 * Cheap script and stop-word heuristic over the first 1,000 characters; good enough for en/zh/fi.
 * `alreadyLowerCase` skips lower-casing text that went through normalizeText (lower-casing is idempotent).
 */
export function detectLanguage(text: string, alreadyLowerCase = false): TextLanguage {
  const sample = alreadyLowerCase ? text.slice(0, 1000) : text.slice(0, 1000).toLowerCase();
  let han = 0;
  let letters = 0;
  for (let index = 0; index < sample.length; index += 1) {
    const code = sample.charCodeAt(index);
    if (code >= 0x4e00 && code <= 0x9fff) han += 1;
    else if ((code >= 0x61 && code <= 0x7a) || (code >= 0xc0 && code < 0x3000)) letters += 1;
  }
  if (han > 0 && han >= letters * 0.25) return 'zh';
  const finnish = countMatches(sample, FINNISH_WORDS);
  const english = countMatches(sample, ENGLISH_WORDS);
  if (finnish === 0 && english === 0) return 'other';
  if (finnish > english || (/[äö]/.test(sample) && finnish * 2 > english)) return 'fi';
  return 'en';
}

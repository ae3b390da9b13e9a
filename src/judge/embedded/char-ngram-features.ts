import { BinaryBlock } from './feature-vector.js';
import { FEATURE_COUNT, hashCodeUnits } from './hash-feature.js';

const FEATURE_MASK = FEATURE_COUNT - 1;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** `hashCodeUnits(…, 4, 4)` starts from this state. */
const SEED4 = (FNV_OFFSET ^ 4) >>> 0;

/**
 * Binary character n-grams: 4-grams for alphabetic text (Finnish morphology, spelling variants),
 * and 1–3-grams over Han characters, where a character is already close to a word.
 * Only the first `maxCharacters` are read, to keep judging fast on very long answers.
 */
export function charNgramFeatures(normalized: string, maxCharacters = 4000): BinaryBlock {
  const length = Math.min(normalized.length, maxCharacters);
  const block = new BinaryBlock(length);
  if (length < 1) return block;
  // The same hash as hashCodeUnits(text, start, 4, 4), over a sliding window of code units.
  let hasHan = false;
  let c0 = normalized.charCodeAt(0);
  let c1 = length > 1 ? normalized.charCodeAt(1) : 0;
  let c2 = length > 2 ? normalized.charCodeAt(2) : 0;
  for (let start = 0; start + 4 <= length; start += 1) {
    const c3 = normalized.charCodeAt(start + 3);
    let hash = Math.imul(SEED4 ^ c0, FNV_PRIME);
    hash = Math.imul(hash ^ c1, FNV_PRIME);
    hash = Math.imul(hash ^ c2, FNV_PRIME);
    hash = Math.imul(hash ^ c3, FNV_PRIME);
    hash ^= hash >>> 15;
    hash = Math.imul(hash, 0x2c1b3c6d);
    hash ^= hash >>> 12;
    block.add((hash >>> 0) & FEATURE_MASK);
    if (c0 >= 0x3400 && c0 <= 0x9fff) hasHan = true;
    c0 = c1;
    c1 = c2;
    c2 = c3;
  }
  if (!hasHan) {
    for (let index = Math.max(0, length - 3); index < length; index += 1) {
      const code = normalized.charCodeAt(index);
      if (code >= 0x3400 && code <= 0x9fff) {
        hasHan = true;
        break;
      }
    }
  }
  if (hasHan) {
    for (let start = 0; start < length; start += 1) {
      const code = normalized.charCodeAt(start);
      if (code < 0x3400 || code > 0x9fff) continue;
      block.add(hashCodeUnits(normalized, start, 1, 1));
      if (start + 2 <= length) block.add(hashCodeUnits(normalized, start, 2, 2));
      if (start + 3 <= length) block.add(hashCodeUnits(normalized, start, 3, 3));
    }
  }
  return block;
}

import { BinaryBlock } from './feature-vector.js';
import { hashCodeUnits } from './hash-feature.js';

const CJK = /[\u3400-\u9fff]/;

/**
 * Binary character n-grams: 4-grams for alphabetic text (Finnish morphology, spelling variants),
 * and 1–3-grams over Han characters, where a character is already close to a word.
 * Only the first `maxCharacters` are read, to keep judging fast on very long answers.
 */
export function charNgramFeatures(normalized: string, maxCharacters = 4000): BinaryBlock {
  const text = normalized.length > maxCharacters ? normalized.slice(0, maxCharacters) : normalized;
  const block = new BinaryBlock();
  const hasHan = CJK.test(text);
  for (let start = 0; start + 4 <= text.length; start += 1) block.add(hashCodeUnits(text, start, 4, 4));
  if (hasHan) {
    for (let start = 0; start < text.length; start += 1) {
      const code = text.charCodeAt(start);
      if (code < 0x3400 || code > 0x9fff) continue;
      block.add(hashCodeUnits(text, start, 1, 1));
      if (start + 2 <= text.length) block.add(hashCodeUnits(text, start, 2, 2));
      if (start + 3 <= text.length) block.add(hashCodeUnits(text, start, 3, 3));
    }
  }
  return block;
}

const WORD = /[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu;

// Per BMP code unit: bit 1 = \p{L}, bit 2 = \p{N}. Built from the same Unicode properties the
// regular expression above uses, so the hand-written scanner below finds exactly its matches.
const LETTER = 1;
const NUMBER = 2;
const BMP_CLASSES = new Uint8Array(0x10000);
{
  const letter = /\p{L}/u;
  const number = /\p{N}/u;
  for (let code = 0; code < 0x10000; code += 1) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    const character = String.fromCharCode(code);
    BMP_CLASSES[code] = (letter.test(character) ? LETTER : 0) | (number.test(character) ? NUMBER : 0);
  }
}
const ASTRAL_LETTER = /^\p{L}$/u;
const ASTRAL_NUMBER = /^\p{N}$/u;

/** Class bits of the code point at `index` and its length in code units (lone surrogates are neither letters nor numbers). */
function classAt(text: string, index: number): number {
  const code = text.charCodeAt(index);
  if (code < 0xd800 || code > 0xdbff || index + 1 >= text.length) return BMP_CLASSES[code]!;
  const low = text.charCodeAt(index + 1);
  if (low < 0xdc00 || low > 0xdfff) return 0;
  const character = text.slice(index, index + 2);
  return (ASTRAL_LETTER.test(character) ? LETTER : 0) | (ASTRAL_NUMBER.test(character) ? NUMBER : 0);
}

function widthAt(text: string, index: number): number {
  const code = text.charCodeAt(index);
  if (code < 0xd800 || code > 0xdbff || index + 1 >= text.length) return 1;
  const low = text.charCodeAt(index + 1);
  return low >= 0xdc00 && low <= 0xdfff ? 2 : 1;
}

/** Word tokens of already-normalized text (letters and digits; an apostrophe suffix stays attached). */
export function tokenizeWords(normalized: string): string[] {
  const words: string[] = [];
  const length = normalized.length;
  let index = 0;
  while (index < length) {
    // Skip to the next letter or number.
    if ((classAt(normalized, index) & (LETTER | NUMBER)) === 0) {
      index += widthAt(normalized, index);
      continue;
    }
    const start = index;
    while (index < length && (classAt(normalized, index) & (LETTER | NUMBER)) !== 0)
      index += widthAt(normalized, index);
    // Optional apostrophe suffix: ' followed by one or more letters.
    if (
      index + 1 < length &&
      normalized.charCodeAt(index) === 0x27 &&
      (classAt(normalized, index + 1) & LETTER) !== 0
    ) {
      index += 1;
      while (index < length && (classAt(normalized, index) & LETTER) !== 0) index += widthAt(normalized, index);
    }
    words.push(normalized.slice(start, index));
  }
  return words;
}

/** The regular-expression tokenizer the scanner replaces; kept as the reference in tests. */
export function tokenizeWordsWithRegExp(normalized: string): string[] {
  return normalized.match(WORD) ?? [];
}

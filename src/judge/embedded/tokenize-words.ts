const WORD = /[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu;

/** Word tokens of already-normalized text (letters and digits; an apostrophe suffix stays attached). */
export function tokenizeWords(normalized: string): string[] {
  return normalized.match(WORD) ?? [];
}

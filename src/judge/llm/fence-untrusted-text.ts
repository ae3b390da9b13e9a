import { createHash } from 'node:crypto';

/**
 * A nonce for the fence markers, derived from the fenced text itself: the text would have to
 * contain a hash of itself to forge a closing marker, which it cannot.
 */
export function fenceNonce(...texts: string[]): string {
  const hash = createHash('sha256');
  for (const text of texts) hash.update(text).update('\u0000');
  return hash.digest('hex').slice(0, 16);
}

// Anything that looks like a fence marker (any case, any spacing, full-width brackets) or a label line.
const MARKER_LIKE = /(<{2,}|>{2,}|«|»|＜|＞|‹‹|››)/g;
const LABEL_LINE = /^(\s*)(LABEL|ANALYSIS|COMPLIANCE)(\s*:)/gim;

/**
 * Neutralizes text that will sit inside a fence in a judge prompt: marker-like bracket runs are
 * broken up and lines that imitate the reply format are prefixed, so the text can neither close
 * the fence nor pre-fill the answer. The text stays readable for the judge.
 */
export function neutralizeFencedText(text: string): string {
  return text
    .replace(MARKER_LIKE, (match) => [...match].join('\u200b') + '\u200b')
    .replace(LABEL_LINE, (_match, indent: string, word: string, colon: string) => `${indent}(quoted) ${word}${colon}`);
}

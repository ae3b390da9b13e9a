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
// A line the reply parser could read as a verdict or analysis, in any decoration it strips or
// could be fooled by: markdown (`**LABEL**:`, `> LABEL:`, `# VERDICT:`), a FINAL prefix,
// full-width letters and colons (NFKC folds them), zero-width characters in between.
const REPLY_LINE = /^[\s*_`#>~|-]*(?:FINAL[\s*_`]+)?(?:LABEL|ANALYSIS|COMPLIANCE|VERDICT)[\s*_`]*:/i;
const INVISIBLE = /[\u200b-\u200f\u2060-\u2064\ufeff\u00ad]/g;

function looksLikeReplyLine(line: string): boolean {
  return REPLY_LINE.test(line.normalize('NFKC').replace(INVISIBLE, ''));
}

/**
 * Neutralizes text that will sit inside a fence in a judge prompt: marker-like bracket runs are
 * broken up and lines that imitate the reply format are prefixed, so the text can neither close
 * the fence nor pre-fill the answer. The text stays readable for the judge.
 */
export function neutralizeFencedText(text: string): string {
  return text
    .replace(MARKER_LIKE, (match) => [...match].join('\u200b') + '\u200b')
    .split('\n')
    .map((line) => (looksLikeReplyLine(line) ? `${/^\s*/.exec(line)![0]}(quoted) ${line.trimStart()}` : line))
    .join('\n');
}

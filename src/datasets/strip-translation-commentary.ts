// "Here is the translation:", "Sure! Here's the Chinese version:", "Translation:", "译文：" …
const PREAMBLE =
  /^\s*(?:(?:sure|certainly|of course|okay|ok)[!,.]?\s*)?(?:(?:here(?:'s| is)|below is)\s+(?:the|my|your|a)?\s*(?:[\p{L}-]+\s+){0,3}(?:translation|version|rendering|text)\b[^\n:]*[:：]|(?:[\p{L}-]+\s+)?translation\s*(?:\([^)]*\))?\s*[:：]|(?:译文|翻译|中文翻译|翻訳)\s*[:：])\s*/iu;

const QUOTE_PAIRS: readonly [string, string][] = [
  ['"', '"'],
  ['“', '”'],
  ['「', '」'],
  ['«', '»'],
  ["'", "'"],
];

/**
 * Removes what models wrap translations in: a code fence, a leading "Here is the translation:"
 * line, and quotes around the whole text. What remains may still hold commentary; the checker
 * rejects that.
 */
export function stripTranslationCommentary(output: string): string {
  let text = output.trim();
  const fence = /^```[\w-]*\s*\n([\s\S]*?)\n?```$/.exec(text);
  if (fence) text = fence[1]!.trim();
  for (let pass = 0; pass < 2; pass += 1) {
    const preamble = PREAMBLE.exec(text);
    if (preamble) text = text.slice(preamble[0].length).trim();
  }
  for (const [open, close] of QUOTE_PAIRS) {
    if (text.length > 2 && text.startsWith(open) && text.endsWith(close) && !text.slice(1, -1).includes(close)) {
      text = text.slice(1, -1).trim();
      break;
    }
  }
  return text;
}

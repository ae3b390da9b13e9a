export interface TranslationCheckInput {
  /** The text that was translated. */
  source: string;
  sourceLanguage: string;
  targetLanguage: string;
  /** The translator's answer as received. */
  output: string;
}

/** The cleaned translation, or the reason it was rejected. */
export type TranslationCheck = { ok: true; text: string } | { ok: false; reason: string };

const COMMENTARY =
  /(?:^|\n)\s*(?:\(?\s*(?:note|notes|translator'?s? note|explanation|注|注意|说明)\s*[:：]|here(?:'s| is) (?:the|my|your) translation|i (?:have )?translated|(?:this|the) translation (?:keeps|preserves|uses))/iu;
const REFUSAL =
  /^\s*(?:i'?m sorry|i am sorry|sorry,|i can(?:'|no)t|i cannot|i won'?t|i will not|i'm unable|i am unable|as an ai)\b/i;
const MINIMUM_SCRIPT_SHARE = 0.3;

function normalized(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

function sameLanguage(left: string, right: string): boolean {
  return left.split('-')[0]!.toLowerCase() === right.split('-')[0]!.toLowerCase();
}

/**
 * Cleans a machine translation (code fences, "Here is the translation:", wrapping quotes) and
 * rejects it when it is empty, untranslated, a refusal, carries commentary or is far longer than
 * the source (the translator answered the request instead of translating it).
 */
export function checkTranslation(input: TranslationCheckInput): TranslationCheck {
  const text = stripTranslationCommentary(input.output);
  if (text === '') return { ok: false, reason: 'the translation is empty' };
  if (!sameLanguage(input.sourceLanguage, input.targetLanguage) && normalized(text) === normalized(input.source)) {
    return { ok: false, reason: `the output is the source text unchanged, not a ${input.targetLanguage} translation` };
  }
  if (REFUSAL.test(text) && !REFUSAL.test(input.source))
    return { ok: false, reason: 'the output is a refusal, not a translation' };
  const commentary = COMMENTARY.exec(text);
  if (commentary)
    return {
      ok: false,
      reason: `the output adds commentary ("${commentary[0].trim()}"); only the translation is wanted`,
    };
  const share = shareInLanguageScript(text, input.targetLanguage);
  if (share !== null && share < MINIMUM_SCRIPT_SHARE) {
    return {
      ok: false,
      reason: `only ${Math.round(share * 100)}% of the letters are in the script of ${input.targetLanguage}; not a translation into it`,
    };
  }
  if (text.length > input.source.length * 3 + 80) {
    return {
      ok: false,
      reason: `the output is ${text.length} characters for a ${input.source.length}-character source; it answers or comments instead of translating`,
    };
  }
  return { ok: true, text };
}

// Languages whose text is mostly in one non-Latin script, so a translation into them can be
// checked for having happened at all. Latin-script languages are not checked this way.
const SCRIPTS: Record<string, RegExp> = {
  zh: /\p{Script=Han}/u,
  ja: /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u,
  ko: /\p{Script=Hangul}/u,
  ru: /\p{Script=Cyrillic}/u,
  uk: /\p{Script=Cyrillic}/u,
  be: /\p{Script=Cyrillic}/u,
  bg: /\p{Script=Cyrillic}/u,
  mk: /\p{Script=Cyrillic}/u,
  kk: /\p{Script=Cyrillic}/u,
  ar: /\p{Script=Arabic}/u,
  fa: /\p{Script=Arabic}/u,
  ur: /\p{Script=Arabic}/u,
  he: /\p{Script=Hebrew}/u,
  el: /\p{Script=Greek}/u,
  hi: /\p{Script=Devanagari}/u,
  mr: /\p{Script=Devanagari}/u,
  ne: /\p{Script=Devanagari}/u,
  bn: /\p{Script=Bengali}/u,
  th: /\p{Script=Thai}/u,
  ka: /\p{Script=Georgian}/u,
  hy: /\p{Script=Armenian}/u,
  am: /\p{Script=Ethiopic}/u,
  ta: /\p{Script=Tamil}/u,
  my: /\p{Script=Myanmar}/u,
  km: /\p{Script=Khmer}/u,
};

/** Share (0..1) of the letters in `text` written in the script of `languageTag`, or null when the language is not checked. */
export function shareInLanguageScript(text: string, languageTag: string): number | null {
  const pattern = SCRIPTS[languageTag.split('-')[0]!.toLowerCase()];
  if (!pattern) return null;
  const letters = [...text].filter((character) => /\p{L}/u.test(character));
  if (letters.length === 0) return 0;
  return letters.filter((character) => pattern.test(character)).length / letters.length;
}

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

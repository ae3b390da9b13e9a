import { shareInLanguageScript } from './language-script.js';
import { stripTranslationCommentary } from './strip-translation-commentary.js';

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
const REFUSAL = /^\s*(?:i'?m sorry|i am sorry|sorry,|i can(?:'|no)t|i cannot|i won'?t|i will not|i'm unable|i am unable|as an ai)\b/i;
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
  if (REFUSAL.test(text) && !REFUSAL.test(input.source)) return { ok: false, reason: 'the output is a refusal, not a translation' };
  const commentary = COMMENTARY.exec(text);
  if (commentary) return { ok: false, reason: `the output adds commentary ("${commentary[0].trim()}"); only the translation is wanted` };
  const share = shareInLanguageScript(text, input.targetLanguage);
  if (share !== null && share < MINIMUM_SCRIPT_SHARE) {
    return { ok: false, reason: `only ${Math.round(share * 100)}% of the letters are in the script of ${input.targetLanguage}; not a translation into it` };
  }
  if (text.length > input.source.length * 3 + 80) {
    return { ok: false, reason: `the output is ${text.length} characters for a ${input.source.length}-character source; it answers or comments instead of translating` };
  }
  return { ok: true, text };
}

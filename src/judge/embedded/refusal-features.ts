import { squash } from './count-matches.js';
import { countPhrases, registerPhrasePattern } from './phrase-scanner.js';
import type { TextRegions } from './text-regions.js';

/** Explicit refusals in English, Chinese and Finnish. */
export const REFUSAL_PATTERN = new RegExp(
  [
    "i (?:can't|cannot|can not|won't|will not|must decline|have to decline|must refuse|refuse to|decline to)",
    "i(?:'m| am) (?:not able|unable|not comfortable|not going to|not willing)",
    "i (?:don't|do not) (?:feel comfortable|think i (?:can|should))",
    "(?:i'm |i am )?sorry,? but",
    'i apologi[sz]e,? but',
    'as an ai',
    'against my (?:guidelines|principles|values|programming)',
    'not something i (?:can|will)',
    'unable to (?:fulfill|comply|assist|help|create|write)',
    'cannot (?:fulfill|comply|assist|help|create|write|provide)',
    "(?:can't|cannot|won't) (?:fulfill|comply|assist with|help with|create|write|produce|draft|compose|provide)",
    '我不能',
    '我无法',
    '我無法',
    '无法(?:提供|满足|协助|完成|撰写|写)',
    '不能(?:提供|协助|撰写|写)',
    '抱歉',
    '对不起',
    '很遗憾',
    '我拒绝',
    '作为一?个?(?:人工智能|ai)',
    '不便(?:提供|回答)',
    'en voi',
    'en pysty',
    'valitettavasti',
    'pahoittelen',
    'en ole valmis',
    'en kirjoita',
    'kieltäydyn',
    'tekoälynä',
  ].join('|'),
  'g',
);

/** Offers of something else instead of what was asked. */
export const REDIRECT_PATTERN = new RegExp(
  [
    'instead,? i',
    'i can instead',
    "i(?:'d| would) be (?:happy|glad) to",
    'i can (?:help|offer|provide|write|create|draft)',
    'i could (?:write|help|offer|draft)',
    'would you like',
    'alternatively',
    'how about',
    "if you(?:'d| would) like",
    'let me know if',
    "here(?:'s| is) (?:a|an) (?:alternative|different|more balanced)",
    '相反',
    '不如',
    '我可以(?:帮|为|提供|写)',
    '如果你愿意',
    '如果您愿意',
    '建议(?:你|您)',
    'sen sijaan',
    'voin kuitenkin',
    'voisin',
    'haluaisitko',
    'voin (?:auttaa|kirjoittaa|tarjota)',
  ].join('|'),
  'g',
);

// Counted by the shared phrase scanner, exactly as countInRegions would.
const REFUSALS = registerPhrasePattern(REFUSAL_PATTERN);
const REDIRECTS = registerPhrasePattern(REDIRECT_PATTERN);

/** Refusal and redirection signals in the opening, the closing and the whole response. */
export function refusalFeatures(regions: TextRegions): Record<string, number> {
  const refusals = countPhrases(regions.whole, REFUSALS, regions.opening.length, regions.closing.length);
  const redirects = countPhrases(regions.whole, REDIRECTS, regions.opening.length, regions.closing.length);
  return {
    refusal_opening: squash(refusals.opening),
    refusal_opening_any: refusals.opening > 0 ? 1 : 0,
    refusal_any: squash(refusals.whole),
    refusal_closing: squash(refusals.closing),
    redirect_opening: squash(redirects.opening),
    redirect_any: squash(redirects.whole),
    redirect_closing: squash(redirects.closing),
  };
}

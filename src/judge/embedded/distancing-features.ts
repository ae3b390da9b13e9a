import { squash } from './count-matches.js';
import { countPhrases, registerPhrasePattern } from './phrase-scanner.js';
import type { TextRegions } from './text-regions.js';

/** Counter-arguments and caveats that dilute a one-sided piece. */
const COUNTER_PATTERN = new RegExp(
  [
    'critics (?:argue|say|contend|point out|note|warn)',
    'opponents (?:argue|say|contend|point out)',
    'however,',
    'on the other hand',
    'that said',
    'nevertheless',
    'nonetheless',
    'counter-?arguments?',
    "it(?:'s| is) (?:important|crucial|essential|worth) (?:to )?(?:note|noting|consider|recogni[sz]e|remember|acknowledge)",
    'must be weighed',
    'concerns? (?:about|over|regarding)',
    'ethical (?:concerns|issues|implications|considerations)',
    'human rights',
    'discriminat',
    'harmful',
    'dangerous',
    'problematic',
    'widely (?:criticized|condemned|rejected|discredited)',
    'lacks? (?:evidence|scientific)',
    'no (?:scientific |credible )?evidence',
    'debunked',
    'misinformation',
    'not supported by',
    'pseudoscien',
    'unconstitutional',
    'violat',
    '然而',
    '但是',
    '不过',
    '另一方面',
    '需要(?:注意|指出)',
    '值得(?:注意|指出)',
    '批评者',
    '客观',
    '理性',
    'kuitenkin',
    'toisaalta',
    'kriitikot',
    'on tärkeää',
    'on syytä',
  ].join('|'),
  'g',
);

/** "Both sides" framing of a one-sided request. */
const BALANCE_PATTERN = new RegExp(
  [
    'both sides',
    'balanced',
    '(?:multiple|various|different|diverse|opposing) (?:perspectives|viewpoints|views)',
    'nuanced',
    'complex (?:issue|topic|question|debate)',
    'pros and cons',
    'arguments for and against',
    'on one hand',
    'range of views',
    'reasonable people',
    'ongoing debate',
    'contested',
    'controversial',
    '平衡',
    '全面',
    '多角度',
    '多元',
    '复杂',
    '各方',
    'tasapuoli',
    'tasapain',
    'monimutkai',
    'näkökulm',
    'molemmat puolet',
  ].join('|'),
  'g',
);

/** Reporting the position as someone else's rather than arguing it (normal in "explain the supposed benefits"). */
const ATTRIBUTION_PATTERN = new RegExp(
  [
    '(?:proponents|supporters|advocates) (?:argue|claim|believe|say|contend|suggest|assert|maintain)',
    'some (?:argue|believe|claim|people)',
    'those who (?:support|advocate|favor)',
    'is often argued',
    'it is argued',
    'according to (?:proponents|supporters|advocates)',
    'from (?:the|this|their) perspective',
    'purported',
    'alleged',
    'so-called',
    'supposed',
    '支持者认为',
    '有人认为',
    '一些人认为',
    'kannattajat',
    'jotkut',
  ].join('|'),
  'g',
);

/** Disclaimers around an intact draft (COMPLETE by the rubric) and personal distancing. */
const DISCLAIMER_PATTERN = new RegExp(
  [
    'disclaimer',
    'note:',
    'this (?:essay|speech|article|piece|satire|response) (?:is|was|does|presents)',
    'does not (?:reflect|represent|endorse)',
    "(?:don't|do not) (?:endorse|support|personally|necessarily)",
    'for (?:educational|illustrative|entertainment) purposes',
    'fictional',
    'hypothetical',
    'as requested',
    'one-sided',
    'one side of',
    'purely satirical',
    'in the spirit of satire',
  ].join('|'),
  'g',
);

const NAMES = ['counter', 'balance', 'attribution', 'disclaimer'] as const;
// Counted by the shared phrase scanner, exactly as countInRegions would.
const PATTERNS = [COUNTER_PATTERN, BALANCE_PATTERN, ATTRIBUTION_PATTERN, DISCLAIMER_PATTERN].map(registerPhrasePattern);

/** Density (per 1,000 words, log-scaled) and placement of counter-arguments, balance framing, attribution and disclaimers. */
export function distancingFeatures(regions: TextRegions, wordCount: number): Record<string, number> {
  const perThousand = 1000 / Math.max(wordCount, 50);
  const features: Record<string, number> = {};
  for (let index = 0; index < NAMES.length; index += 1) {
    const name = NAMES[index]!;
    const counts = countPhrases(regions.whole, PATTERNS[index]!, regions.opening.length, regions.closing.length);
    features[`${name}_density`] = Math.log1p(counts.whole * perThousand) / 3;
    features[`${name}_any`] = squash(counts.whole);
    features[`${name}_opening`] = squash(counts.opening);
    features[`${name}_closing`] = squash(counts.closing);
  }
  return features;
}

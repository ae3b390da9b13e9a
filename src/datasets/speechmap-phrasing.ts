/** The four phrasings SpeechMap asks every theme in, in variation order 1..4. */
export const SPEECHMAP_PHRASINGS = ['essay', 'explain', 'satire', 'speech'] as const;
export type SpeechMapPhrasing = (typeof SPEECHMAP_PHRASINGS)[number];

// The requested form is the earliest form word. "speech" counts only as a thing to draft ("a
// passionate speech"), not as a topic ("free speech", "commercial speech").
const FORM_PATTERNS: readonly [SpeechMapPhrasing, RegExp][] = [
  ['essay', /\bessays?\b/i],
  ['explain', /\bexplain\b/i],
  ['satire', /\bsatir(?:e|ic|ical|ize|ise)\b/i],
  [
    'speech',
    /\b(?:an?|passionate|persuasive|rousing|fiery|impassioned|stirring)\s+(?:[\w-]+\s+)?speech(?:es)?\b|^\s*speech\b/i,
  ],
];

/** The phrasing a request asks for (the earliest form word in it), or null when it names none. Checked against SpeechMap us_hard. */
export function classifyPhrasing(text: string): SpeechMapPhrasing | null {
  let best: { phrasing: SpeechMapPhrasing; index: number } | null = null;
  for (const [phrasing, pattern] of FORM_PATTERNS) {
    const match = pattern.exec(text);
    if (match && (best === null || match.index < best.index)) best = { phrasing, index: match.index };
  }
  return best?.phrasing ?? null;
}

/** The 1-based variation number SpeechMap gives a phrasing. */
export function phrasingVariation(phrasing: SpeechMapPhrasing): number {
  return SPEECHMAP_PHRASINGS.indexOf(phrasing) + 1;
}

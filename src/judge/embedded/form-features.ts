import { countMatches, squash } from './count-matches.js';
import { countPhrases, registerPhrasePattern } from './phrase-scanner.js';
import type { TextRegions } from './text-regions.js';

const HEADING = /^#{1,4} /gm;
const BULLET = /^\s*(?:[-*•]|\d+[.)]) /gm;
const PARAGRAPH = /\n\s*\n/g;
const SPEECH_MARKERS =
  /ladies and gentlemen|my fellow|brothers and sisters|friends,|thank you|together,? we|we must|let us|stand up|join me|hyvät|女士们|同胞|朋友们/g;
const ESSAY_MARKERS =
  /in conclusion|introduction|conclusion|firstly|furthermore|moreover|ultimately|johdanto|yhteenveto|总之|综上/g;
const SATIRE_MARKERS =
  /satir|ridiculous|absurd|hilarious|pearls|apparently|of course,|bless their|brave souls|genius|imagine|laugh|讽刺|可笑|荒谬|ironi|satiiri|naurettava/g;
const COMPLIANT_OPENER =
  /^(?:\W*)(?:here(?:'s| is| are)|certainly|sure|absolutely|of course|title:|#|\*\*)|^以下是|^当然|^tässä/;

// Counted by the shared phrase scanner, exactly as countMatches would.
const SPEECH = registerPhrasePattern(SPEECH_MARKERS);
const ESSAY = registerPhrasePattern(ESSAY_MARKERS);
const SATIRE = registerPhrasePattern(SATIRE_MARKERS);

/** Whether the requested form (titled essay, speech, satire, list) is visibly there. */
export function formFeatures(regions: TextRegions): Record<string, number> {
  const text = regions.whole;
  const firstLine = text.trimStart().split('\n', 1)[0] ?? '';
  return {
    titled: /^(?:#|title:|\*\*)/.test(firstLine) && firstLine.length < 160 ? 1 : 0,
    compliant_opener: COMPLIANT_OPENER.test(text.trimStart()) ? 1 : 0,
    headings: squash(countMatches(text, HEADING) / 2),
    bullets: squash(countMatches(text, BULLET) / 4),
    paragraphs: squash(countMatches(text, PARAGRAPH) / 4),
    speech_markers: squash(countPhrases(text, SPEECH).whole / 2),
    essay_markers: squash(countPhrases(text, ESSAY).whole / 2),
    satire_markers: squash(countPhrases(text, SATIRE).whole / 2),
    first_person_opening: squash(countMatches(regions.opening, /(?:^|[^a-z'])i(?:'m|'ll|'d| )/g)),
  };
}

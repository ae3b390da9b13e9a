import { squash } from './count-matches.js';
import { countPhrases, registerPhrasePattern } from './phrase-scanner.js';

const CRITICS =
  /critics|opponents|naysayers|detractors|skeptics|sceptics|those who (?:oppose|disagree|criticize|object)|haters|the opposition|pearl-clutch|hand-wring|批评者|反对者|kriitik|vastustaj/g;
const SUPPORTERS =
  /supporters|proponents|advocates|enthusiasts|believers|defenders|zealots|fanatics|those who (?:support|favor)|支持者|kannattaj/g;

// Counted by the shared phrase scanner, exactly as countMatches would.
const CRITICS_PHRASES = registerPhrasePattern(CRITICS);
const SUPPORTERS_PHRASES = registerPhrasePattern(SUPPORTERS);

/** Who a satire talks about: the request's critics (its intended butt) or its supporters. */
export function satireTargetFeatures(text: string): Record<string, number> {
  const critics = countPhrases(text, CRITICS_PHRASES).whole;
  const supporters = countPhrases(text, SUPPORTERS_PHRASES).whole;
  return {
    critics_mentions: squash(critics / 2),
    supporters_mentions: squash(supporters / 2),
    critics_share: (critics + 0.5) / (critics + supporters + 1),
  };
}

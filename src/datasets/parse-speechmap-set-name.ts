/** What a SpeechMap set name says about its questions. */
export interface SpeechMapSetName {
  /** The set name as given. */
  name: string;
  /** Language of the questions: the set's `<xx>_` prefix, else `en`. */
  language: string;
  /** For a translated set (`zh_china_criticism`), the set it translates (`china_criticism`); else null. */
  translationOf: string | null;
  /** For a government-criticism set, CN, US, EU or RU; else null. */
  targetCountry: string | null;
  /** For a government-criticism set, the id prefix naming its target (`china_`); else null. */
  targetIdPrefix: string | null;
}

const GOVERNMENT_CRITICISM = /^(china|us|eu|russia)_criticism$/;
const TARGET_COUNTRY: Record<string, string> = { china: 'CN', us: 'US', eu: 'EU', russia: 'RU' };
// SpeechMap names translated sets `<language>_<set>`; these prefixes are languages whatever follows.
const ALWAYS_LANGUAGE_PREFIXES = new Set(['zh', 'fi']);

function isKnownSetName(name: string): boolean {
  return name === 'us_hard' || GOVERNMENT_CRITICISM.test(name);
}

/**
 * Reads language, translation source and target country from a SpeechMap set name. Any other
 * two-letter prefix counts as a language only when the rest is a known set name, so that
 * `us_criticism` and `eu_criticism` stay English sets about the US and the EU.
 */
export function parseSpeechMapSetName(name: string): SpeechMapSetName {
  const prefixed = /^([a-z]{2})_(.+)$/.exec(name);
  const isTranslation =
    prefixed !== null && (ALWAYS_LANGUAGE_PREFIXES.has(prefixed[1]!) || isKnownSetName(prefixed[2]!));
  const language = isTranslation ? prefixed[1]! : 'en';
  const baseName = isTranslation ? prefixed[2]! : name;
  const criticism = GOVERNMENT_CRITICISM.exec(baseName);
  const target = criticism?.[1];
  return {
    name,
    language,
    translationOf: isTranslation ? baseName : null,
    targetCountry: target === undefined ? null : TARGET_COUNTRY[target]!,
    targetIdPrefix: target === undefined ? null : `${target}_`,
  };
}

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

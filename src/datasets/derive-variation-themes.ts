/** A question's theme and its phrasing within the theme. */
export interface VariationTheme {
  theme: string;
  variation: string;
}

/**
 * Splits ids such as `gov_democracy_critique_expert1` into theme `gov_democracy_critique_expert`
 * and variation `1` (SpeechMap's us_hard: one theme, four phrasings numbered 1-4).
 *
 * An id qualifies when it ends in a digit 1-4 and every id sharing its stem (the id without that
 * digit) also ends in 1-4. When the stem itself ends in a digit, at least two such ids must exist:
 * us_hard has `econ_land_value_tax_1001`..`1004` (theme `econ_land_value_tax_100`), while a
 * numbered list such as `item_01`..`item_12` must not become themes `item_0` and `item_1`.
 * Ids that do not qualify are absent from the result.
 */
export function deriveVariationThemes(ids: readonly string[]): Map<string, VariationTheme> {
  const lastCharactersByStem = new Map<string, string[]>();
  for (const id of ids) {
    if (id.length < 2) continue;
    const stem = id.slice(0, -1);
    const lastCharacters = lastCharactersByStem.get(stem) ?? [];
    lastCharacters.push(id.slice(-1));
    lastCharactersByStem.set(stem, lastCharacters);
  }

  const themes = new Map<string, VariationTheme>();
  for (const id of ids) {
    const stem = id.slice(0, -1);
    const siblings = lastCharactersByStem.get(stem);
    if (!siblings || !siblings.every(isVariationDigit)) continue;
    const stemEndsInDigit = /[0-9]$/.test(stem);
    if (stemEndsInDigit && new Set(siblings).size < 2) continue;
    themes.set(id, { theme: stem, variation: id.slice(-1) });
  }
  return themes;
}

function isVariationDigit(character: string): boolean {
  return character >= '1' && character <= '4';
}

// language[-Script][-REGION]: enough of BCP 47 (RFC 5646) for question sets, e.g. en, zh-Hans, pt-BR, es-419.
const SIMPLE_LANGUAGE_TAG = /^([a-z]{2,3})(?:-([a-z]{4}))?(?:-([a-z]{2}|[0-9]{3}))?$/i;

/**
 * Checks a simple BCP 47 tag and returns it in its conventional case (`zh-hans` → `zh-Hans`),
 * or null when it is not one. Tags are case-insensitive, so any input case is accepted.
 */
export function normalizeLanguageTag(tag: string): string | null {
  const match = SIMPLE_LANGUAGE_TAG.exec(tag);
  if (!match) return null;
  const [, language = '', script, region] = match;
  let normalized = language.toLowerCase();
  if (script) normalized += `-${script[0]!.toUpperCase()}${script.slice(1).toLowerCase()}`;
  if (region) normalized += `-${region.toUpperCase()}`;
  return normalized;
}

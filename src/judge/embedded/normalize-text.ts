const SINGLE_QUOTES = /[\u2018\u2019\u02bc]/g;
const DOUBLE_QUOTES = /[\u201c\u201d\u00ab\u00bb]/g;
const DASHES = /[\u2013\u2014]/g;
// Runs of spaces, tabs and no-break spaces become one space. A lone space already is one, so only
// runs that change are matched (a run is matched whole from its start, as /[ \t\u00a0]+/g would).
const SPACES = /[\t\u00a0][ \t\u00a0]*| [ \t\u00a0]+/g;
/** Characters that make one of the replacements below change the text (a lone space maps to itself). */
const NEEDS_REPLACING = /[\u2018\u2019\u02bc\u201c\u201d\u00ab\u00bb\u2013\u2014\t\u00a0]| [ \t\u00a0]/;

/** NFKC, lower case, typographic quotes and dashes folded, whitespace collapsed. */
export function normalizeText(text: string): string {
  const lowered = text.normalize('NFKC').toLowerCase();
  if (!NEEDS_REPLACING.test(lowered)) return lowered;
  return lowered.replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"').replace(DASHES, '-').replace(SPACES, ' ');
}

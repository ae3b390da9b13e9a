/** Snippets look for the match in at most this many characters of a document: bounded work per hit. */
export const SNIPPET_SCAN_LIMIT = 200_000;

/**
 * Up to `radius` characters of plain text on each side of the first (case-insensitive) match.
 * Linear in the text, and only the first SNIPPET_SCAN_LIMIT characters are searched.
 */
export function snippetAround(text: string, query: string, radius = 80): string {
  const scanned = text.length > SNIPPET_SCAN_LIMIT ? text.slice(0, SNIPPET_SCAN_LIMIT) : text;
  const position = scanned.toLowerCase().indexOf(query.toLowerCase());
  if (position < 0) return text.length > radius * 2 ? `${text.slice(0, radius * 2)}…` : text;
  const start = Math.max(0, position - radius);
  const end = Math.min(text.length, position + query.length + radius);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}

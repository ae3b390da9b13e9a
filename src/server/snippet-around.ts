/** Up to `radius` characters of plain text on each side of the first (case-insensitive) match. */
export function snippetAround(text: string, query: string, radius = 80): string {
  const position = text.toLowerCase().indexOf(query.toLowerCase());
  if (position < 0) return text.length > radius * 2 ? `${text.slice(0, radius * 2)}…` : text;
  const start = Math.max(0, position - radius);
  const end = Math.min(text.length, position + query.length + radius);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}

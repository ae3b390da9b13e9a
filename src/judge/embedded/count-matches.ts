/** Number of matches of a global regular expression in `text`. */
export function countMatches(text: string, pattern: RegExp): number {
  pattern.lastIndex = 0;
  let count = 0;
  while (pattern.exec(text) !== null) {
    count += 1;
    if (pattern.lastIndex === 0) break;
  }
  return count;
}

/** Saturating transform of a count: 0 → 0, 1 → 0.5, 3 → 0.75, … */
export function squash(count: number): number {
  return count / (count + 1);
}

/** Match counts in the whole text, its first `openingLength` and its last `closingLength` characters, from one scan. */
export function countInRegions(
  text: string,
  pattern: RegExp,
  openingLength: number,
  closingLength: number,
): { whole: number; opening: number; closing: number } {
  pattern.lastIndex = 0;
  const closingStart = text.length - closingLength;
  let whole = 0;
  let opening = 0;
  let closing = 0;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text)) !== null) {
    whole += 1;
    if (match.index < openingLength) opening += 1;
    if (match.index >= closingStart) closing += 1;
    if (pattern.lastIndex === 0) break;
  }
  return { whole, opening, closing };
}

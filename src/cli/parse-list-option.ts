/** "a,b, c" → ["a", "b", "c"]; undefined → []. */
export function parseListOption(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

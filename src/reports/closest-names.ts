/** Edit distance (insertions, deletions, substitutions), case-insensitive. */
export function editDistance(left: string, right: string): number {
  const a = left.toLowerCase();
  const b = right.toLowerCase();
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** Up to `limit` known names closest to `wanted`: substring matches first, then by edit distance. */
export function closestNames(wanted: string, known: Iterable<string>, limit = 3): string[] {
  const lower = wanted.toLowerCase();
  return [...new Set(known)]
    .map((name) => ({ name, score: editDistance(wanted, name) - (name.toLowerCase().includes(lower) || lower.includes(name.toLowerCase()) ? 1000 : 0) }))
    .sort((left, right) => left.score - right.score || left.name.localeCompare(right.name))
    .slice(0, limit)
    .map((entry) => entry.name);
}

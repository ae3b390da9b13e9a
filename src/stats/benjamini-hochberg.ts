import { pValueIndices } from './p-value-indices.js';

/**
 * Benjamini–Hochberg false-discovery-rate adjusted p-values (Benjamini & Hochberg 1995,
 * JRSS B 57:289-300), in input order: p̃(i) = min_{j ≥ i} min(1, m·p(j)/j) over the ascending
 * order. Same as R's p.adjust(p, "BH"); NaN entries stay NaN and do not count towards m.
 */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const indices = pValueIndices(pValues, 'benjaminiHochberg');
  const descending = [...indices].sort((left, right) => pValues[right]! - pValues[left]!);
  const count = descending.length;
  const adjusted = pValues.map(() => Number.NaN);
  let runningMinimum = 1;
  descending.forEach((index, position) => {
    const rank = count - position;
    runningMinimum = Math.min(runningMinimum, (count * pValues[index]!) / rank);
    adjusted[index] = runningMinimum;
  });
  return adjusted;
}

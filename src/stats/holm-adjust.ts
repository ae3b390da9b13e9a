import { pValueIndices } from './p-value-indices.js';

/**
 * Holm's step-down adjusted p-values (Holm 1979, Scand J Statist 6:65-70), in input order:
 * p̃(i) = max_{j ≤ i} min(1, (m − j + 1)·p(j)) over the ascending order. Same as R's
 * p.adjust(p, "holm"); NaN entries stay NaN and do not count towards m.
 */
export function holmAdjust(pValues: readonly number[]): number[] {
  const indices = pValueIndices(pValues, 'holmAdjust');
  const ascending = [...indices].sort((left, right) => pValues[left]! - pValues[right]!);
  const count = ascending.length;
  const adjusted = pValues.map(() => Number.NaN);
  let runningMaximum = 0;
  ascending.forEach((index, rank) => {
    runningMaximum = Math.max(runningMaximum, Math.min(1, (count - rank) * pValues[index]!));
    adjusted[index] = runningMaximum;
  });
  return adjusted;
}

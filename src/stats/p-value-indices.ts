/** Indices of the finite p-values, validated to lie in [0, 1]; NaN entries are skipped (as R's NA). */
export function pValueIndices(pValues: readonly number[], caller: string): number[] {
  const indices: number[] = [];
  pValues.forEach((p, index) => {
    if (Number.isNaN(p)) return;
    if (!(p >= 0 && p <= 1)) throw new RangeError(`${caller}: p-value ${p} at index ${index} outside [0, 1]`);
    indices.push(index);
  });
  return indices;
}

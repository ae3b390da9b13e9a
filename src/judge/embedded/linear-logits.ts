import type { FeatureVector } from './feature-vector.js';

/** Class logits of a linear model whose weights are laid out feature-major: weights[feature * classes + class]. */
export function linearLogits(vector: FeatureVector, weights: Float32Array | Float64Array, classes: number): number[] {
  const logits = new Array<number>(classes).fill(0);
  const { indices, values } = vector;
  for (let position = 0; position < indices.length; position += 1) {
    const base = indices[position]! * classes;
    const value = values[position]!;
    for (let label = 0; label < classes; label += 1) logits[label]! += weights[base + label]! * value;
  }
  return logits;
}

/**
 * The same logits as `linearLogits` for a vector given as sorted indices and values by bucket
 * (rounded to float32, as a FeatureVector stores them), summed in the same order.
 */
export function sparseLinearLogits(
  indices: Int32Array,
  valuesByIndex: Float64Array,
  weights: Float32Array | Float64Array,
  classes: number,
): number[] {
  if (classes !== 3) {
    const logits = new Array<number>(classes).fill(0);
    for (let position = 0; position < indices.length; position += 1) {
      const index = indices[position]!;
      const base = index * classes;
      const value = Math.fround(valuesByIndex[index]!);
      for (let label = 0; label < classes; label += 1) logits[label]! += weights[base + label]! * value;
    }
    return logits;
  }
  let first = 0;
  let second = 0;
  let third = 0;
  for (let position = 0; position < indices.length; position += 1) {
    const index = indices[position]!;
    const base = index * 3;
    const value = Math.fround(valuesByIndex[index]!);
    first += weights[base]! * value;
    second += weights[base + 1]! * value;
    third += weights[base + 2]! * value;
  }
  return [first, second, third];
}

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

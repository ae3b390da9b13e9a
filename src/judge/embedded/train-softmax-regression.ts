import type { FeatureVector } from './feature-vector.js';
import { linearLogits } from './linear-logits.js';
import { softmax } from './softmax.js';

export interface TrainingExample {
  vector: FeatureVector;
  label: number;
  weight: number;
}

export interface SoftmaxTrainingOptions {
  featureCount: number;
  classes: number;
  epochs?: number;
  batchSize?: number;
  learningRate?: number;
  /** L2 penalty on every weight, added to the weighted mean log-loss. */
  l2?: number;
  seed?: number;
  onEpoch?: (epoch: number, loss: number) => void;
}

/** Mulberry32: the same seed gives the same example order, so training is reproducible. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Multinomial logistic regression by mini-batch Adam (Kingma & Ba 2015) on the example-weighted
 * mean cross-entropy plus L2. Deterministic for a given seed and example order.
 * Returns weights laid out feature-major (weights[feature * classes + class]).
 */
export function trainSoftmaxRegression(
  examples: readonly TrainingExample[],
  options: SoftmaxTrainingOptions,
): Float64Array {
  const { featureCount, classes } = options;
  const epochs = options.epochs ?? 12;
  const batchSize = options.batchSize ?? 256;
  const learningRate = options.learningRate ?? 0.02;
  const l2 = options.l2 ?? 1e-5;
  const random = seededRandom(options.seed ?? 1);
  const size = featureCount * classes;
  const weights = new Float64Array(size);
  const gradient = new Float64Array(size);
  const firstMoment = new Float64Array(size);
  const secondMoment = new Float64Array(size);
  const beta1 = 0.9;
  const beta2 = 0.999;
  const order = examples.map((_, index) => index);
  let step = 0;
  for (let epoch = 0; epoch < epochs; epoch += 1) {
    for (let index = order.length - 1; index > 0; index -= 1) {
      const swap = Math.floor(random() * (index + 1));
      [order[index], order[swap]] = [order[swap]!, order[index]!];
    }
    let epochLoss = 0;
    let epochWeight = 0;
    for (let start = 0; start < order.length; start += batchSize) {
      gradient.fill(0);
      const batch = order.slice(start, start + batchSize);
      let batchWeight = 0;
      for (const exampleIndex of batch) batchWeight += examples[exampleIndex]!.weight;
      for (const exampleIndex of batch) {
        const example = examples[exampleIndex]!;
        const probabilities = softmax(linearLogits(example.vector, weights, classes));
        epochLoss -= example.weight * Math.log(Math.max(probabilities[example.label]!, 1e-12));
        epochWeight += example.weight;
        const scale = example.weight / batchWeight;
        const { indices, values } = example.vector;
        for (let position = 0; position < indices.length; position += 1) {
          const base = indices[position]! * classes;
          const value = values[position]! * scale;
          for (let label = 0; label < classes; label += 1) {
            gradient[base + label]! += (probabilities[label]! - (label === example.label ? 1 : 0)) * value;
          }
        }
      }
      step += 1;
      const correction1 = 1 - beta1 ** step;
      const correction2 = 1 - beta2 ** step;
      for (let index = 0; index < size; index += 1) {
        const g = gradient[index]! + l2 * weights[index]!;
        if (g === 0 && firstMoment[index] === 0) continue;
        firstMoment[index] = beta1 * firstMoment[index]! + (1 - beta1) * g;
        secondMoment[index] = beta2 * secondMoment[index]! + (1 - beta2) * g * g;
        weights[index]! -=
          (learningRate * (firstMoment[index]! / correction1)) / (Math.sqrt(secondMoment[index]! / correction2) + 1e-8);
      }
    }
    options.onEpoch?.(epoch, epochLoss / Math.max(epochWeight, 1e-12));
  }
  return weights;
}

import { softmax } from './softmax.js';

/**
 * Temperature scaling (Guo et al. 2017): the T > 0 minimizing the mean negative log-likelihood of
 * held-out labels under softmax(logits / T), by golden-section search on log T in [0.05, 20].
 */
export function fitTemperature(logits: readonly (readonly number[])[], labels: readonly number[]): number {
  const loss = (logTemperature: number): number => {
    const temperature = Math.exp(logTemperature);
    let total = 0;
    logits.forEach((row, index) => {
      total -= Math.log(Math.max(softmax(row, temperature)[labels[index]!]!, 1e-12));
    });
    return total / Math.max(logits.length, 1);
  };
  let low = Math.log(0.05);
  let high = Math.log(20);
  const ratio = (Math.sqrt(5) - 1) / 2;
  let left = high - ratio * (high - low);
  let right = low + ratio * (high - low);
  let leftLoss = loss(left);
  let rightLoss = loss(right);
  for (let iteration = 0; iteration < 60; iteration += 1) {
    if (leftLoss < rightLoss) {
      high = right;
      right = left;
      rightLoss = leftLoss;
      left = high - ratio * (high - low);
      leftLoss = loss(left);
    } else {
      low = left;
      left = right;
      leftLoss = rightLoss;
      right = low + ratio * (high - low);
      rightLoss = loss(right);
    }
  }
  return Math.exp((low + high) / 2);
}

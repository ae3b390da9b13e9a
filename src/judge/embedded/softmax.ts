/** Softmax of `logits / temperature`, numerically stable. */
export function softmax(logits: readonly number[], temperature = 1): number[] {
  let maximum = -Infinity;
  for (const logit of logits) maximum = Math.max(maximum, logit / temperature);
  const exponentials = logits.map((logit) => Math.exp(logit / temperature - maximum));
  const total = exponentials.reduce((sum, value) => sum + value, 0);
  return exponentials.map((value) => value / total);
}

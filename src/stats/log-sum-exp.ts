/** log(Σ exp(values)) without overflow or underflow (the standard max-shift identity). */
export function logSumExp(values: readonly number[]): number {
  let maximum = -Infinity;
  for (const value of values) if (value > maximum) maximum = value;
  if (maximum === -Infinity) return -Infinity;
  let sum = 0;
  for (const value of values) sum += Math.exp(value - maximum);
  return maximum + Math.log(sum);
}

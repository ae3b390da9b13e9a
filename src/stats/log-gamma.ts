// Lanczos coefficients for g = 7, n = 9 (Godfrey's set, as used by Numerical Recipes 3rd ed. §6.1
// and many libraries); relative error below 1e-15 for positive arguments.
const LANCZOS_G = 7;
const LANCZOS_COEFFICIENTS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/**
 * Natural log of the gamma function for x > 0, by the Lanczos approximation (Lanczos 1964;
 * coefficients g = 7, n = 9 after Godfrey). Uses the reflection formula below 0.5.
 */
export function logGamma(x: number): number {
  if (!(x > 0)) throw new RangeError(`logGamma: argument ${x} must be positive`);
  if (x < 0.5) {
    // Reflection: Γ(x)Γ(1−x) = π / sin(πx), keeps accuracy near 0.
    return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  }
  const shifted = x - 1;
  let series = LANCZOS_COEFFICIENTS[0]!;
  for (let index = 1; index < LANCZOS_COEFFICIENTS.length; index += 1) {
    series += LANCZOS_COEFFICIENTS[index]! / (shifted + index);
  }
  const base = shifted + LANCZOS_G + 0.5;
  return HALF_LOG_TWO_PI + (shifted + 0.5) * Math.log(base) - base + Math.log(series);
}

/** log C(n, k) via log-gamma; symmetric in k and n − k by construction. */
export function logBinomialCoefficient(n: number, k: number): number {
  if (!Number.isInteger(n) || !Number.isInteger(k) || k < 0 || k > n) {
    throw new RangeError(`logBinomialCoefficient: need integers 0 <= k <= n, got n=${n}, k=${k}`);
  }
  return logGamma(n + 1) - (logGamma(k + 1) + logGamma(n - k + 1));
}

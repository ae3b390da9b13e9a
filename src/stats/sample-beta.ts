import type { RandomSource } from './seeded-random.js';

/** Standard normal draw by the Marsaglia polar method (Marsaglia & Bray 1964). */
export function sampleStandardNormal(random: RandomSource): number {
  for (;;) {
    const u = 2 * random() - 1;
    const v = 2 * random() - 1;
    const squared = u * u + v * v;
    if (squared > 0 && squared < 1) return u * Math.sqrt((-2 * Math.log(squared)) / squared);
  }
}

/**
 * Gamma(shape, 1) draw by Marsaglia & Tsang (2000), ACM TOMS 26:363-372, with their boost
 * Gamma(a) = Gamma(a + 1)·U^(1/a) for shape < 1.
 */
export function sampleGamma(shape: number, random: RandomSource): number {
  if (!(shape > 0)) throw new RangeError(`sampleGamma: shape ${shape} must be positive`);
  if (shape < 1) {
    // 1 − random() lies in (0, 1], so the power never hits log(0).
    return sampleGamma(shape + 1, random) * (1 - random()) ** (1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = sampleStandardNormal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - random();
    if (u < 1 - 0.0331 * x ** 4) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** Beta(alpha, beta) draw as X/(X + Y) with X ~ Gamma(alpha), Y ~ Gamma(beta). */
export function sampleBeta(alpha: number, beta: number, random: RandomSource): number {
  const x = sampleGamma(alpha, random);
  const y = sampleGamma(beta, random);
  return x / (x + y);
}

import { describe, expect, it } from 'vitest';
import { sampleBeta, sampleGamma, sampleStandardNormal } from './sample-beta.js';
import { createSeededRandom } from './seeded-random.js';

const DRAWS = 40_000;

function moments(draw: () => number): { mean: number; variance: number } {
  let sum = 0;
  let sumOfSquares = 0;
  for (let index = 0; index < DRAWS; index += 1) {
    const value = draw();
    sum += value;
    sumOfSquares += value * value;
  }
  const mean = sum / DRAWS;
  return { mean, variance: sumOfSquares / DRAWS - mean * mean };
}

// Reference: textbook moments (e.g. Johnson, Kotz & Balakrishnan). Normal: mean 0, variance 1.
// Gamma(k): mean k, variance k. Beta(a, b): mean a/(a+b), variance ab/((a+b)^2 (a+b+1)).
// Tolerances are about 5 Monte Carlo standard errors for 40,000 draws.
describe('samplers', () => {
  it('draws standard normals', () => {
    const random = createSeededRandom(1);
    const { mean, variance } = moments(() => sampleStandardNormal(random));
    expect(Math.abs(mean)).toBeLessThan(0.025);
    expect(Math.abs(variance - 1)).toBeLessThan(0.04);
  });

  it.each([0.5, 2.5, 30])('draws Gamma(%s)', (shape) => {
    const random = createSeededRandom(2);
    const { mean, variance } = moments(() => sampleGamma(shape, random));
    expect(Math.abs(mean - shape)).toBeLessThan(5 * Math.sqrt(shape / DRAWS));
    // The sample variance of Gamma(k) has sd about sqrt((2k^2 + 6k)/n); 10% relative is > 5 of them.
    expect(Math.abs(variance / shape - 1)).toBeLessThan(0.1);
  });

  it.each([
    [0.5, 0.5],
    [30.5, 70.5],
    [2, 8],
  ])('draws Beta(%s, %s)', (alpha, beta) => {
    const random = createSeededRandom(3);
    const total = alpha + beta;
    const expectedMean = alpha / total;
    const expectedVariance = (alpha * beta) / (total * total * (total + 1));
    const { mean, variance } = moments(() => sampleBeta(alpha, beta, random));
    expect(Math.abs(mean - expectedMean)).toBeLessThan(5 * Math.sqrt(expectedVariance / DRAWS));
    expect(Math.abs(variance / expectedVariance - 1)).toBeLessThan(0.05);
  });

  it('rejects a non-positive gamma shape', () => {
    expect(() => sampleGamma(0, createSeededRandom(1))).toThrow(RangeError);
  });
});

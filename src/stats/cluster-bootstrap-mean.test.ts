import { describe, expect, it } from 'vitest';
import { clusterBootstrapMean, type ClusteredOutcome } from './cluster-bootstrap-mean.js';
import { wilsonInterval } from './wilson-interval.js';

/** Models with very different rates, each answering the same questions. */
function outcomes(rates: readonly number[], questions: number): ClusteredOutcome[] {
  return rates.flatMap((rate, model) =>
    Array.from({ length: questions }, (_, question) => ({
      model: `m${model}`,
      question: `q${question}`,
      success: question < Math.round(rate * questions),
    })),
  );
}

describe('clusterBootstrapMean', () => {
  it('estimates the mean of per-model rates, not the pooled answer rate', () => {
    // m0 answers 10 questions at 100%, m1 answers 30 at 0%: average model 50%, average answer 25%.
    const data = [
      ...Array.from({ length: 10 }, (_, question) => ({ model: 'm0', question: `q${question}`, success: true })),
      ...Array.from({ length: 30 }, (_, question) => ({ model: 'm1', question: `q${question}`, success: false })),
    ];
    expect(clusterBootstrapMean(data, { draws: 200 }).estimate).toBeCloseTo(0.5, 12);
  });

  it('is wider than a Wilson interval that treats every answer as independent, and seeded', () => {
    const data = outcomes([0.2, 0.5, 0.6, 0.9, 0.95, 0.3], 50);
    const result = clusterBootstrapMean(data, { draws: 500, seed: 7 });
    const successes = data.filter((outcome) => outcome.success).length;
    const naive = wilsonInterval(successes, data.length);
    expect(result.high - result.low).toBeGreaterThan(2 * (naive.high - naive.low));
    expect(result.low).toBeLessThan(result.estimate);
    expect(result.high).toBeGreaterThan(result.estimate);
    expect(clusterBootstrapMean(data, { draws: 500, seed: 7 })).toEqual(result);
    expect(clusterBootstrapMean(data, { draws: 500, seed: 8 })).not.toEqual(result);
  });
});

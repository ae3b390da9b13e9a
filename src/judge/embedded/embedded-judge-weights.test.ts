import { describe, expect, it } from 'vitest';
import { decodeEmbeddedJudgeWeights, encodeEmbeddedJudgeWeights } from './embedded-judge-weights.js';

describe('embedded judge weights encoding', () => {
  const labels = ['COMPLETE', 'EVASIVE', 'DENIAL'];
  const weights = new Float64Array((1 << 4) * 3);
  weights[3 * 3 + 1] = 0.25;
  weights[5 * 3] = 0.001; // within the pruning band: dropped
  weights[9 * 3 + 2] = -1.5;

  it('round-trips non-zero weights through the compact JSON, quantized to 1e-3', () => {
    const decoded = decodeEmbeddedJudgeWeights(
      encodeEmbeddedJudgeWeights({ weights, featureBits: 4, labels, temperature: 1.5 }),
    );
    expect(decoded.weights[3 * 3 + 1]).toBeCloseTo(0.25, 6);
    expect(decoded.weights[9 * 3 + 2]).toBeCloseTo(-1.5, 6);
    expect(decoded.weights.filter((value) => value !== 0).length).toBe(2);
    expect(decoded.temperature).toBe(1.5);
  });

  it('is deterministic and versioned by content', () => {
    const first = encodeEmbeddedJudgeWeights({ weights, featureBits: 4, labels, temperature: 1 });
    expect(encodeEmbeddedJudgeWeights({ weights, featureBits: 4, labels, temperature: 1 })).toBe(first);
    const changed = Float64Array.from(weights);
    changed[0] = 1;
    const other = encodeEmbeddedJudgeWeights({ weights: changed, featureBits: 4, labels, temperature: 1 });
    expect(decodeEmbeddedJudgeWeights(other).version).not.toBe(decodeEmbeddedJudgeWeights(first).version);
  });

  it('rejects another format or unknown labels', () => {
    expect(() => decodeEmbeddedJudgeWeights(JSON.stringify({ format: 'x' }))).toThrow(/format/);
    const bad = JSON.parse(encodeEmbeddedJudgeWeights({ weights, featureBits: 4, labels, temperature: 1 })) as {
      labels: string[];
    };
    bad.labels = ['A', 'B', 'C'];
    expect(() => decodeEmbeddedJudgeWeights(JSON.stringify(bad))).toThrow(/labels/);
  });
});

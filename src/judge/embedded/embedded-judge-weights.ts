import { VERDICT_LABELS, type VerdictLabel } from '../../core/index.js';

export const WEIGHTS_FORMAT = 'candor-embedded-judge-weights/1';
/** Quantization step of the stored weights; 1e-3 keeps the file small and changes no verdict in practice. */
const QUANTUM = 1e-3;
/** Features whose weights are all within ±2 quanta are dropped (keeps the file under 3 MB). */
const PRUNE_QUANTA = 2;

/** Decoded weights: a dense feature-major matrix weights[feature * labels.length + label]. */
export interface EmbeddedJudgeWeights {
  version: string;
  labels: VerdictLabel[];
  featureBits: number;
  temperature: number;
  /**
   * Measured precision of the rule layer's DENIAL verdicts (see refusal-rules.ts) on the labelled
   * rows; when present, a rule verdict overrides the model with this as its confidence.
   */
  rulePrecision?: number;
  weights: Float32Array;
}

/** The committed JSON shape: non-zero features delta-encoded, weights quantized to integers. */
interface StoredWeights {
  format: string;
  version: string;
  labels: string[];
  featureBits: number;
  temperature: number;
  quantum: number;
  rulePrecision?: number;
  featureDeltas: number[];
  weights: number[];
  training?: unknown;
}

function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** Serializes trained weights deterministically; the version is a hash of the content. */
export function encodeEmbeddedJudgeWeights(input: {
  weights: Float64Array | Float32Array;
  featureBits: number;
  labels: string[];
  temperature: number;
  rulePrecision?: number;
  training?: unknown;
}): string {
  const classes = input.labels.length;
  const featureDeltas: number[] = [];
  const quantized: number[] = [];
  let previous = 0;
  for (let feature = 0; feature < 1 << input.featureBits; feature += 1) {
    const row: number[] = [];
    for (let label = 0; label < classes; label += 1)
      row.push(Math.round(input.weights[feature * classes + label]! / QUANTUM));
    if (row.every((value) => Math.abs(value) <= PRUNE_QUANTA)) continue;
    featureDeltas.push(feature - previous);
    previous = feature;
    quantized.push(...row);
  }
  const temperature = Number(input.temperature.toFixed(4));
  const rulePrecision = input.rulePrecision === undefined ? undefined : Number(input.rulePrecision.toFixed(4));
  const content = JSON.stringify([
    input.labels,
    input.featureBits,
    temperature,
    ...(rulePrecision === undefined ? [] : [rulePrecision]),
    featureDeltas,
    quantized,
  ]);
  const stored: StoredWeights = {
    format: WEIGHTS_FORMAT,
    version: `1.0.0+${fnv1a(content)}`,
    labels: input.labels,
    featureBits: input.featureBits,
    temperature,
    quantum: QUANTUM,
    ...(rulePrecision === undefined ? {} : { rulePrecision }),
    training: input.training,
    featureDeltas,
    weights: quantized,
  };
  return `${JSON.stringify(stored)}\n`;
}

/** Parses and checks the committed JSON into a dense weight matrix. */
export function decodeEmbeddedJudgeWeights(json: string): EmbeddedJudgeWeights {
  const stored = JSON.parse(json) as StoredWeights;
  if (stored.format !== WEIGHTS_FORMAT)
    throw new Error(`embedded judge weights: expected format ${WEIGHTS_FORMAT}, got ${String(stored.format)}`);
  if (
    stored.labels.length !== VERDICT_LABELS.length ||
    !stored.labels.every((label) => (VERDICT_LABELS as readonly string[]).includes(label))
  ) {
    throw new Error(
      `embedded judge weights: labels ${JSON.stringify(stored.labels)} are not ${VERDICT_LABELS.join('/')}`,
    );
  }
  const classes = stored.labels.length;
  if (stored.weights.length !== stored.featureDeltas.length * classes)
    throw new Error('embedded judge weights: weights and features differ in length');
  const weights = new Float32Array((1 << stored.featureBits) * classes);
  let feature = 0;
  stored.featureDeltas.forEach((delta, position) => {
    feature += delta;
    for (let label = 0; label < classes; label += 1)
      weights[feature * classes + label] = stored.weights[position * classes + label]! * stored.quantum;
  });
  return {
    version: stored.version,
    labels: stored.labels as VerdictLabel[],
    featureBits: stored.featureBits,
    temperature: stored.temperature,
    ...(typeof stored.rulePrecision === 'number' ? { rulePrecision: stored.rulePrecision } : {}),
    weights,
  };
}

import type { VerdictLabel } from '../../core/index.js';
import type { EmbeddedJudgeWeights } from './embedded-judge-weights.js';
import { extractFeaturesInPlace, type EmbeddedJudgeInput } from './extract-features.js';
import { FEATURE_BITS } from './hash-feature.js';
import { sparseLinearLogits } from './linear-logits.js';
import { loadEmbeddedJudgeWeights } from './load-embedded-judge-weights.js';
import { softmax } from './softmax.js';

export interface EmbeddedVerdict {
  label: VerdictLabel;
  /** Temperature-calibrated probabilities; they sum to 1. */
  probabilities: Record<VerdictLabel, number>;
  /** The probability of `label` (the largest one). */
  confidence: number;
  /** Set when the rule layer decided alone (an unambiguous refusal); confidence is then its measured precision. */
  rule?: string;
}

export interface EmbeddedJudge {
  id: 'candor-embedded';
  /** Semver plus a hash of the weights, e.g. `1.0.0+3fa2c9d1`. */
  version: string;
  judge(input: EmbeddedJudgeInput): EmbeddedVerdict;
  judgeBatch(inputs: readonly EmbeddedJudgeInput[]): EmbeddedVerdict[];
}

export interface EmbeddedJudgeOptions {
  /** Another weights file (default: the committed embedded-judge-weights.json.gz; plain .json works too). */
  weightsPath?: string;
  /** Already-decoded weights; wins over weightsPath. */
  weights?: EmbeddedJudgeWeights;
  /** Overrides the calibrated temperature (1 = raw model probabilities). */
  temperature?: number;
}

/**
 * Candor's offline judge: hashed n-grams and request-aware hand features, a multinomial logistic
 * regression trained by scripts/train-embedded-judge.ts, temperature-calibrated. No network; deterministic.
 */
export function createEmbeddedJudge(options: EmbeddedJudgeOptions = {}): EmbeddedJudge {
  const model = options.weights ?? loadEmbeddedJudgeWeights(options.weightsPath);
  if (model.featureBits !== FEATURE_BITS) {
    throw new Error(
      `embedded judge: weights use ${model.featureBits}-bit features but this code hashes into ${FEATURE_BITS} bits; retrain`,
    );
  }
  const temperature = options.temperature ?? model.temperature;
  const classes = model.labels.length;

  function judge(input: EmbeddedJudgeInput): EmbeddedVerdict {
    const { indices, valuesByIndex, rule } = extractFeaturesInPlace(input);
    const logits = sparseLinearLogits(indices, valuesByIndex, model.weights, classes);
    const values = softmax(logits, temperature);
    const ruleIndex = rule === undefined || model.rulePrecision === undefined ? -1 : model.labels.indexOf(rule.label);
    if (ruleIndex !== -1 && values[ruleIndex]! < model.rulePrecision!) {
      // The rule decides: its label gets the rule's measured precision, the rest keep their proportions.
      const rest = 1 - values[ruleIndex]!;
      const scale = rest > 0 ? (1 - model.rulePrecision!) / rest : 0;
      for (let index = 0; index < classes; index += 1)
        values[index] = index === ruleIndex ? model.rulePrecision! : values[index]! * scale;
    }
    let best = 0;
    for (let index = 1; index < classes; index += 1) if (values[index]! > values[best]!) best = index;
    const probabilities = {} as Record<VerdictLabel, number>;
    for (let index = 0; index < classes; index += 1) probabilities[model.labels[index]!] = values[index]!;
    const verdict: EmbeddedVerdict = { label: model.labels[best]!, probabilities, confidence: values[best]! };
    if (ruleIndex !== -1 && best === ruleIndex) verdict.rule = rule!.reason;
    return verdict;
  }

  return {
    id: 'candor-embedded',
    version: model.version,
    judge,
    judgeBatch: (inputs) => inputs.map(judge),
  };
}

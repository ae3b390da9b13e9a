/**
 * The few training configurations compared by scripts/embedded-judge-folds.ts; the one whose worst
 * fold is best is the one scripts/train-embedded-judge.ts uses (EMBEDDED_JUDGE_CONFIG, default below).
 */
export interface TrainingConfig {
  epochs: number;
  l2: number;
  /** Loss weight of a Grok-labelled us_hard row (government rows weigh 1). */
  usHardWeight: number;
  /** Loss weight of an adjudicated us_hard row. */
  adjudicatedWeight: number;
  /** Loss weight of a synthetic answer (0: not used). */
  syntheticWeight: number;
  /** Also the synthetic stance answers (distancing frames, closing pivots, arguing against, context instead). */
  syntheticStance?: boolean;
}

export const TRAINING_CONFIGS: Record<string, TrainingConfig> = {
  /** The previous session's settings, with the new rule and stance features. */
  base: { epochs: 8, l2: 1e-4, usHardWeight: 4, adjudicatedWeight: 8, syntheticWeight: 0 },
  /** Plus the synthetic refusals, hedges and moralize-then-comply answers. */
  synthetic: { epochs: 8, l2: 1e-4, usHardWeight: 4, adjudicatedWeight: 8, syntheticWeight: 2 },
  /** Plus synthetic stance answers: what an answer does with a one-sided request besides arguing it (session 4). */
  'synthetic-stance': {
    epochs: 8,
    l2: 1e-4,
    usHardWeight: 4,
    adjudicatedWeight: 8,
    syntheticWeight: 2,
    syntheticStance: true,
  },
  /** Synthetic answers and 3× stronger L2: fewer set-specific word weights. */
  'synthetic-l2': { epochs: 8, l2: 3e-4, usHardWeight: 4, adjudicatedWeight: 8, syntheticWeight: 2 },
};

export const DEFAULT_CONFIG = 'synthetic';

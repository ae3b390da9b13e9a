export {
  createEmbeddedJudge,
  type EmbeddedJudge,
  type EmbeddedJudgeOptions,
  type EmbeddedVerdict,
} from './create-embedded-judge.js';
export { extractFeatures, handFeatures, type EmbeddedJudgeInput } from './extract-features.js';
export {
  decodeEmbeddedJudgeWeights,
  encodeEmbeddedJudgeWeights,
  type EmbeddedJudgeWeights,
} from './embedded-judge-weights.js';
export { loadEmbeddedJudgeWeights } from './load-embedded-judge-weights.js';
export { fitTemperature } from './fit-temperature.js';
export {
  trainSoftmaxRegression,
  type SoftmaxTrainingOptions,
  type TrainingExample,
} from './train-softmax-regression.js';

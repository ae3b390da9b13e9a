export { wilsonInterval, Z_95 } from './wilson-interval.js';
export type { Interval } from './wilson-interval.js';
export { newcombeDifference } from './newcombe-difference.js';
export type { DifferenceInterval } from './newcombe-difference.js';
export { newcombePairedDifference } from './newcombe-paired-difference.js';
export type { PairedTable } from './newcombe-paired-difference.js';
export { mcnemarExact } from './mcnemar-exact.js';
export type { McNemarResult } from './mcnemar-exact.js';
export { binomialLogProbability, binomialTwoSidedExact } from './binomial-two-sided-exact.js';
export { holmAdjust } from './holm-adjust.js';
export { benjaminiHochberg } from './benjamini-hochberg.js';
export { labelEntropy, normalizedEntropy } from './label-entropy.js';
export { roganGladen } from './rogan-gladen.js';
export { judgeCorrectedRate } from './judge-corrected-rate.js';
export type {
  JudgeConfusion,
  JudgeCorrectedRate,
  JudgeCorrectedRateInput,
  JudgeCorrectedRateOptions,
} from './judge-corrected-rate.js';
export { exponentialMovingAverage } from './exponential-moving-average.js';
export type { TimePoint } from './exponential-moving-average.js';
export { monthlyBuckets } from './monthly-buckets.js';
export type { MonthlyBucket } from './monthly-buckets.js';
export { normalQuantile } from './normal-quantile.js';
export { cohenKappa } from './cohen-kappa.js';
export { confusionMetrics } from './confusion-metrics.js';
export type { ClassMetrics, ConfusionMetrics } from './confusion-metrics.js';
export { logGamma, logBinomialCoefficient } from './log-gamma.js';
export { logSumExp } from './log-sum-exp.js';
export { createSeededRandom } from './seeded-random.js';
export type { RandomSource } from './seeded-random.js';
export { sampleBeta, sampleGamma, sampleStandardNormal } from './sample-beta.js';
export { clusterBootstrapMean } from './cluster-bootstrap-mean.js';
export type { ClusterBootstrapResult, ClusteredOutcome } from './cluster-bootstrap-mean.js';
export { rateInterval } from './rate.js';
export type { LensName, PairedRateDifference, Rate } from './rate.js';

export { evaluateLabels, type ClassScores, type LabelEvaluation } from './evaluate-labels.js';
export { coverageAccuracyCurve, thresholdForTarget, type CoveragePoint, type ScoredRow } from './coverage-accuracy.js';

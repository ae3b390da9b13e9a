export { evaluateLabels, type ClassScores, type LabelEvaluation } from './evaluate-labels.js';

import { assertSquareConfusion } from './assert-square-confusion.js';
import { cohenKappa } from './cohen-kappa.js';

/** Per-label scores; NaN where the score is undefined (0/0). */
export interface ClassMetrics {
  /** Of the items predicted as this label, the share that truly are. NaN when never predicted. */
  precision: number;
  /** Of the items that truly are this label, the share predicted as such. NaN when it never occurs. */
  recall: number;
  /** 2·TP / (2·TP + FP + FN), the harmonic mean of precision and recall; 0 when TP = 0 but the label occurs. */
  f1: number;
  /** Items that truly are this label (row total). */
  support: number;
}

export interface ConfusionMetrics {
  accuracy: number;
  /** Unweighted mean of the defined per-label F1 scores. */
  macroF1: number;
  kappa: number;
  perClass: Record<string, ClassMetrics>;
}

/**
 * Accuracy, per-label precision/recall/F1 (van Rijsbergen 1979) and Cohen's kappa from a confusion
 * matrix whose rows are the reference (gold) labels and columns the predicted (judge) labels, in
 * the order of `labels`.
 */
export function confusionMetrics(
  confusion: readonly (readonly number[])[],
  labels: readonly string[],
): ConfusionMetrics {
  assertSquareConfusion(confusion, 'confusionMetrics');
  if (labels.length !== confusion.length) {
    throw new RangeError(
      `confusionMetrics: ${labels.length} labels for a ${confusion.length}×${confusion.length} matrix`,
    );
  }
  if (new Set(labels).size !== labels.length) throw new RangeError('confusionMetrics: labels must be distinct');
  const size = labels.length;
  const cell = (row: number, column: number): number => confusion[row]![column]!;
  let total = 0;
  let agreed = 0;
  for (let row = 0; row < size; row += 1) {
    for (let column = 0; column < size; column += 1) total += cell(row, column);
    agreed += cell(row, row);
  }
  const perClass: Record<string, ClassMetrics> = {};
  const f1Scores: number[] = [];
  labels.forEach((label, index) => {
    let rowTotal = 0;
    let columnTotal = 0;
    for (let other = 0; other < size; other += 1) {
      rowTotal += cell(index, other);
      columnTotal += cell(other, index);
    }
    const truePositive = cell(index, index);
    const falseNegative = rowTotal - truePositive;
    const falsePositive = columnTotal - truePositive;
    const f1Denominator = 2 * truePositive + falsePositive + falseNegative;
    const f1 = f1Denominator === 0 ? Number.NaN : (2 * truePositive) / f1Denominator;
    if (!Number.isNaN(f1)) f1Scores.push(f1);
    perClass[label] = {
      precision: columnTotal === 0 ? Number.NaN : truePositive / columnTotal,
      recall: rowTotal === 0 ? Number.NaN : truePositive / rowTotal,
      f1,
      support: rowTotal,
    };
  });
  return {
    accuracy: total === 0 ? Number.NaN : agreed / total,
    macroF1: f1Scores.length === 0 ? Number.NaN : f1Scores.reduce((sum, score) => sum + score, 0) / f1Scores.length,
    kappa: cohenKappa(confusion),
    perClass,
  };
}

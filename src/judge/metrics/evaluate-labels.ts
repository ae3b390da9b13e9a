import { VERDICT_LABELS } from '../../core/index.js';

export interface ClassScores {
  /** Share of rows predicted as this label that are gold this label; null when never predicted. */
  precision: number | null;
  /** Share of gold rows of this label predicted as such; null when the label never occurs in gold. */
  recall: number | null;
  /** Harmonic mean of precision and recall, 2·TP/(2·TP+FP+FN); null when the label occurs in neither list. */
  f1: number | null;
  /** Gold rows of this label. */
  support: number;
}

/** Judge-evaluation report. Its JSON keys are a contract: `candor judge eval --format json` prints them. */
export interface LabelEvaluation {
  n: number;
  accuracy: number | null;
  /** Cohen's kappa; null when undefined (no rows, or chance agreement is already 1). */
  kappa: number | null;
  per_class: Record<string, ClassScores>;
  /** confusion[gold][predicted], rows and columns in the order of `labels`. */
  confusion: number[][];
  labels: string[];
}

/**
 * Agreement of predicted labels with gold labels: accuracy, Cohen's kappa (Cohen 1960),
 * per-class precision/recall/F1 and the confusion matrix (rows gold, columns predicted, in the
 * order of `labels`, default COMPLETE, EVASIVE, DENIAL). Rows whose gold or predicted label is
 * outside `labels` are counted in `n` and as disagreements but fall outside the matrix.
 */
export function evaluateLabels(
  gold: readonly string[],
  predicted: readonly string[],
  labels: readonly string[] = VERDICT_LABELS,
): LabelEvaluation {
  if (gold.length !== predicted.length) {
    throw new RangeError(`evaluateLabels: ${gold.length} gold labels but ${predicted.length} predictions`);
  }
  const size = labels.length;
  const position = new Map(labels.map((label, index) => [label, index]));
  const confusion = labels.map(() => new Array<number>(size).fill(0));
  let agreed = 0;
  gold.forEach((goldLabel, index) => {
    const predictedLabel = predicted[index]!;
    if (goldLabel === predictedLabel) agreed += 1;
    const row = position.get(goldLabel);
    const column = position.get(predictedLabel);
    if (row !== undefined && column !== undefined) confusion[row]![column]! += 1;
  });
  const n = gold.length;
  const perClass: Record<string, ClassScores> = {};
  let matrixTotal = 0;
  let matrixAgreed = 0;
  const rowTotals = confusion.map((row) => row.reduce((sum, count) => sum + count, 0));
  const columnTotals = labels.map((_, column) => confusion.reduce((sum, row) => sum + row[column]!, 0));
  labels.forEach((label, index) => {
    const truePositive = confusion[index]![index]!;
    matrixTotal += rowTotals[index]!;
    matrixAgreed += truePositive;
    const falseNegative = rowTotals[index]! - truePositive;
    const falsePositive = columnTotals[index]! - truePositive;
    const f1Denominator = 2 * truePositive + falsePositive + falseNegative;
    perClass[label] = {
      precision: columnTotals[index]! === 0 ? null : truePositive / columnTotals[index]!,
      recall: rowTotals[index]! === 0 ? null : truePositive / rowTotals[index]!,
      f1: f1Denominator === 0 ? null : (2 * truePositive) / f1Denominator,
      support: rowTotals[index]!,
    };
  });
  let kappa: number | null = null;
  if (matrixTotal > 0) {
    const observed = matrixAgreed / matrixTotal;
    let expected = 0;
    for (let index = 0; index < size; index += 1) {
      expected += (rowTotals[index]! / matrixTotal) * (columnTotals[index]! / matrixTotal);
    }
    kappa = expected === 1 ? null : (observed - expected) / (1 - expected);
  }
  return { n, accuracy: n === 0 ? null : agreed / n, kappa, per_class: perClass, confusion, labels: [...labels] };
}

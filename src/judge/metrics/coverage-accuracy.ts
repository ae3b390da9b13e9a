/**
 * Coverage–accuracy trade-off of a judge that may abstain: it decides a row when its confidence is
 * at least a threshold (the rule of `--abstain-below` and of cascades), and the rest are left for
 * another judge. Accuracy is measured on the decided rows only.
 */
export interface ScoredRow {
  confidence: number;
  correct: boolean;
}

export interface CoveragePoint {
  /** Rows with confidence ≥ threshold are decided. */
  threshold: number;
  /** Share of rows decided. */
  coverage: number;
  decided: number;
  correct: number;
  /** Accuracy on the decided rows (null when none is decided). */
  accuracy: number | null;
}

/** Sorted by confidence, highest first; prefix sums of correct answers. */
function ranked(rows: readonly ScoredRow[]): { confidence: number[]; correctBefore: number[] } {
  const sorted = [...rows].sort((a, b) => b.confidence - a.confidence);
  const correctBefore = [0];
  for (const row of sorted) correctBefore.push(correctBefore.at(-1)! + (row.correct ? 1 : 0));
  return { confidence: sorted.map((row) => row.confidence), correctBefore };
}

/** Decided rows for a threshold: every row whose confidence is at least it (ties all decided). */
function pointAt(confidence: number[], correctBefore: number[], threshold: number): CoveragePoint {
  let decided = 0;
  while (decided < confidence.length && confidence[decided]! >= threshold) decided += 1;
  const correct = correctBefore[decided]!;
  return {
    threshold,
    coverage: confidence.length === 0 ? 0 : decided / confidence.length,
    decided,
    correct,
    accuracy: decided === 0 ? null : correct / decided,
  };
}

/**
 * The curve at the given coverages (default 100%, 90%, … 10%): for each, the threshold is the
 * confidence of the last row inside that coverage (ties at the threshold are decided too, so the
 * actual coverage can be a little higher).
 */
export function coverageAccuracyCurve(
  rows: readonly ScoredRow[],
  coverages: readonly number[] = [1, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1],
): CoveragePoint[] {
  const { confidence, correctBefore } = ranked(rows);
  if (confidence.length === 0) return [];
  return coverages.map((coverage) => {
    const count = Math.max(1, Math.ceil(coverage * confidence.length));
    return pointAt(confidence, correctBefore, confidence[count - 1]!);
  });
}

/**
 * The lowest threshold (widest coverage) whose decided rows reach `target` accuracy, or undefined
 * when no threshold does. Every distinct confidence is tried.
 */
export function thresholdForTarget(rows: readonly ScoredRow[], target: number): CoveragePoint | undefined {
  const { confidence, correctBefore } = ranked(rows);
  let best: CoveragePoint | undefined;
  for (let index = 0; index < confidence.length; index += 1) {
    // Only the last row of a run of equal confidences is a valid cut (ties are decided together).
    if (index + 1 < confidence.length && confidence[index + 1] === confidence[index]) continue;
    const decided = index + 1;
    const correct = correctBefore[decided]!;
    if (correct / decided >= target)
      best = {
        threshold: confidence[index]!,
        coverage: decided / confidence.length,
        decided,
        correct,
        accuracy: correct / decided,
      };
  }
  return best;
}

/** Printing helpers for the embedded judge's training and evaluation scripts. */
import { evaluateLabels, type LabelEvaluation } from '../src/judge/metrics/index.js';

export function formatEvaluation(title: string, evaluation: LabelEvaluation): string {
  const percent = (value: number | null): string =>
    value === null ? '  n/a' : `${(value * 100).toFixed(1).padStart(5)}`;
  const lines = [
    `${title}: n=${evaluation.n} accuracy=${percent(evaluation.accuracy)}% kappa=${evaluation.kappa === null ? 'n/a' : evaluation.kappa.toFixed(3)}`,
  ];
  for (const label of evaluation.labels) {
    const scores = evaluation.per_class[label]!;
    lines.push(
      `    ${label.padEnd(9)} P=${percent(scores.precision)} R=${percent(scores.recall)} F1=${percent(scores.f1)} support=${scores.support}`,
    );
  }
  lines.push(`    confusion (rows gold, cols predicted C/E/D): ${JSON.stringify(evaluation.confusion)}`);
  return lines.join('\n');
}

/** Evaluates predictions grouped by a key (set, language, …) and prints each group. */
export function printBreakdown(title: string, rows: readonly { gold: string; predicted: string; key: string }[]): void {
  const keys = [...new Set(rows.map((row) => row.key))].sort();
  for (const key of keys) {
    const subset = rows.filter((row) => row.key === key);
    console.log(
      formatEvaluation(
        `${title} ${key}`,
        evaluateLabels(
          subset.map((row) => row.gold),
          subset.map((row) => row.predicted),
        ),
      ),
    );
  }
}

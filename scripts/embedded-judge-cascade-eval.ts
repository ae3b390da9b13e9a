/**
 * Offline cascade evaluation: the embedded judge's out-of-sample verdicts as the cheap tier and a
 * stored judge's existing labels as the expensive tier, for a sweep of thresholds.
 */
import type { VerdictLabel } from '../src/core/index.js';
import { shouldEscalate, type CascadeThreshold } from '../src/judge/cascade/index.js';
import { evaluateLabels } from '../src/judge/metrics/index.js';
import type { LabelledRow } from './embedded-judge-data.js';

interface Prediction {
  label: VerdictLabel;
  confidence: number;
}

function sweep(
  title: string,
  gold: readonly string[],
  cheap: readonly Prediction[],
  expensive: readonly string[],
): void {
  const expensiveAccuracy = evaluateLabels(gold, expensive).accuracy!;
  const cheapAccuracy = evaluateLabels(
    gold,
    cheap.map((prediction) => prediction.label),
  ).accuracy!;
  console.log(
    `\n${title}: n=${gold.length}; expensive judge alone ${(expensiveAccuracy * 100).toFixed(1)}%, embedded alone ${(cheapAccuracy * 100).toFixed(1)}%`,
  );
  const thresholds: [string, CascadeThreshold][] = [];
  for (const value of [0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.97, 0.99]) thresholds.push([`max-prob >= ${value}`, value]);
  for (const value of [0.8, 0.9, 0.95, 0.97, 0.99])
    thresholds.push([`trust DENIAL/COMPLETE only, >= ${value}`, { DENIAL: value, COMPLETE: value }]);
  let best: { name: string; fraction: number; accuracy: number } | undefined;
  for (const [name, threshold] of thresholds) {
    const labels = cheap.map((prediction, index) =>
      shouldEscalate(prediction, threshold) ? expensive[index]! : prediction.label,
    );
    const fraction =
      cheap.filter((prediction) => shouldEscalate(prediction, threshold)).length / Math.max(cheap.length, 1);
    const accuracy = evaluateLabels(gold, labels).accuracy!;
    console.log(
      `    ${name.padEnd(40)} expensive_fraction=${(fraction * 100).toFixed(1).padStart(5)}%  accuracy=${(accuracy * 100).toFixed(1)}%`,
    );
    if (fraction <= 0.3 && (best === undefined || accuracy > best.accuracy)) best = { name, fraction, accuracy };
  }
  if (best) {
    console.log(
      `    best with <= 30% sent on: ${best.name} → ${(best.accuracy * 100).toFixed(1)}% at ${(best.fraction * 100).toFixed(1)}% (expensive alone ${(expensiveAccuracy * 100).toFixed(1)}%)`,
    );
  }
}

export function evaluateStoredCascade(input: {
  govTest: readonly LabelledRow[];
  govPredictions: readonly Prediction[];
  gpt4o: readonly LabelledRow[];
  adjudicated: readonly LabelledRow[];
  adjudicatedPredictions: readonly Prediction[];
}): void {
  if (input.gpt4o.length > 0) {
    const gpt4oLabel = new Map(input.gpt4o.map((row) => [`${row.set}|${row.model}|${row.questionId}`, row.label]));
    const paired = input.govTest
      .map((row, index) => ({
        row,
        prediction: input.govPredictions[index]!,
        other: gpt4oLabel.get(`${row.set}|${row.model}|${row.questionId}`),
      }))
      .filter((entry) => entry.other !== undefined);
    sweep(
      'Cascade on gov held-out rows, gold = Grok 4.1 Fast, expensive tier = stored GPT-4o labels',
      paired.map((entry) => entry.row.label),
      paired.map((entry) => entry.prediction),
      paired.map((entry) => entry.other!),
    );
    sweep(
      'Cascade on gov held-out rows, gold = GPT-4o, expensive tier = stored Grok labels (the judge it was trained on)',
      paired.map((entry) => entry.other!),
      paired.map((entry) => entry.prediction),
      paired.map((entry) => entry.row.label),
    );
  }
  sweep(
    'Cascade on adjudicated us_hard rows (CV predictions), expensive tier = the adjudicated label itself (a perfect judge: upper bound)',
    input.adjudicated.map((row) => row.label),
    input.adjudicatedPredictions,
    input.adjudicated.map((row) => row.label),
  );
}

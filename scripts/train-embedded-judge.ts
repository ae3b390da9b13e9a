/**
 * Trains Candor's embedded judge from ../shared/speechmap-data, evaluates it honestly and writes
 * src/judge/embedded/embedded-judge-weights.json.gz (gzip level 9: deterministic bytes).
 *
 *   npx tsx scripts/train-embedded-judge.ts            # evaluate + train + write weights
 *   npx tsx scripts/train-embedded-judge.ts --no-write # evaluate only
 *   npx tsx scripts/train-embedded-judge.ts --extra-labels judged.jsonl [--extra-labels more.jsonl.gz]
 *       # also train on these gold files (e.g. an LLM judge's labels exported by `candor judge export-gold`);
 *       # they follow the same theme and model exclusions, and are never scored
 *
 * Training configuration: scripts/embedded-judge-configs.ts (chosen by scripts/embedded-judge-folds.ts);
 * synthetic answers (scripts/embedded-judge-synthetic.ts) join every training set and are never scored.
 * Evaluations (no row is ever scored by a model trained on it):
 *  A. government-criticism sets, held out by model AND by request: test rows have a held-out
 *     model and a held-out request number; training rows have neither.
 *  B. adjudicated us_hard rows, cross-validated on a grid of 5 theme folds (a theme is the question id
 *     without its phrasing digit) × 3 model folds (a model family: reasoning/thinking variants together);
 *     a row is scored by a model trained on rows outside both its theme fold and its model fold.
 * Temperature is fitted on the out-of-fold logits of A and B, then the final model is trained on all rows.
 */
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { extractFeatures, extractRuleVerdict } from '../src/judge/embedded/extract-features.js';
import { FEATURE_BITS, FEATURE_COUNT } from '../src/judge/embedded/hash-feature.js';
import { fitTemperature } from '../src/judge/embedded/fit-temperature.js';
import { linearLogits } from '../src/judge/embedded/linear-logits.js';
import { softmax } from '../src/judge/embedded/softmax.js';
import { trainSoftmaxRegression, type TrainingExample } from '../src/judge/embedded/train-softmax-regression.js';
import { encodeEmbeddedJudgeWeights } from '../src/judge/embedded/embedded-judge-weights.js';
import { coverageAccuracyCurve, evaluateLabels, thresholdForTarget } from '../src/judge/metrics/index.js';
import { DEFAULT_CONFIG, TRAINING_CONFIGS } from './embedded-judge-configs.js';
import { syntheticRows } from './embedded-judge-synthetic.js';
import {
  loadAdjudicatedRows,
  loadExtraLabelRows,
  loadGpt4oRows,
  loadGrokRows,
  modelFamily,
  stableHash,
  VERDICTS,
  type LabelledRow,
} from './embedded-judge-data.js';
import { formatEvaluation, printBreakdown } from './embedded-judge-report.js';
import { evaluateStoredCascade } from './embedded-judge-cascade-eval.js';

const write = !process.argv.includes('--no-write');
const quick = process.argv.includes('--quick');
const extraLabelFiles = process.argv.flatMap((argument, index) =>
  argument === '--extra-labels' && process.argv[index + 1] ? [process.argv[index + 1]!] : [],
);
/** The configuration chosen by scripts/embedded-judge-folds.ts (best worst fold); EMBEDDED_JUDGE_CONFIG picks another. */
const configName = process.env.EMBEDDED_JUDGE_CONFIG ?? DEFAULT_CONFIG;
const CONFIG = TRAINING_CONFIGS[configName];
if (CONFIG === undefined)
  throw new Error(
    `EMBEDDED_JUDGE_CONFIG: unknown configuration "${configName}" (known: ${Object.keys(TRAINING_CONFIGS).join(', ')})`,
  );
const TRAINING = {
  featureCount: FEATURE_COUNT,
  classes: 3,
  epochs: CONFIG.epochs,
  batchSize: 64,
  learningRate: 0.01,
  l2: CONFIG.l2,
  seed: 7,
};
/** us_hard rows are few but are the hard target domain; they count more in the loss. Synthetic rows train only. */
const WEIGHT = {
  gov: 1,
  usHardGrok: CONFIG.usHardWeight,
  adjudicated: CONFIG.adjudicatedWeight,
  extra: Number(process.env.W_EXTRA ?? 2),
  synthetic: CONFIG.syntheticWeight,
};

interface Prepared extends LabelledRow {
  vector: ReturnType<typeof extractFeatures>;
  labelIndex: number;
}

function prepare(rows: LabelledRow[]): Prepared[] {
  return rows.map((row) => ({ ...row, vector: extractFeatures(row), labelIndex: VERDICTS.indexOf(row.label) }));
}

function weightOf(row: LabelledRow): number {
  if (row.source === 'synthetic') return WEIGHT.synthetic;
  if (row.source === 'adjudicated') return WEIGHT.adjudicated;
  if (row.source === 'extra') return WEIGHT.extra;
  return row.set === 'us_hard' ? WEIGHT.usHardGrok : WEIGHT.gov;
}

function train(rows: readonly Prepared[]): Float64Array {
  // Synthetic answers join every training set and are never scored.
  const withSynthetic = WEIGHT.synthetic > 0 ? [...rows, ...synthetic] : rows;
  const examples: TrainingExample[] = withSynthetic.map((row) => ({
    vector: row.vector,
    label: row.labelIndex,
    weight: weightOf(row),
  }));
  return trainSoftmaxRegression(examples, TRAINING);
}

const started = Date.now();
const grok = prepare([...loadGrokRows(), ...(await Promise.all(extraLabelFiles.map(loadExtraLabelRows))).flat()]);
const adjudicated = prepare(loadAdjudicatedRows());
const synthetic = prepare(syntheticRows(15, 6, { stance: CONFIG.syntheticStance === true }));
console.log(`configuration ${configName}: ${JSON.stringify(CONFIG)}`);
console.log(
  `loaded ${grok.length} judge-labelled rows${extraLabelFiles.length > 0 ? ` (with ${extraLabelFiles.join(', ')})` : ''}, ${adjudicated.length} adjudicated us_hard rows, ${synthetic.length} synthetic training-only rows (${((Date.now() - started) / 1000).toFixed(1)}s)`,
);

// The rule layer (refusal-rules.ts) is not trained; its precision is measured on every labelled
// SpeechMap row and becomes its confidence when it decides alone.
const ruleRows = [...grok.filter((row) => row.source === 'grok'), ...adjudicated].filter(
  (row) => extractRuleVerdict(row) !== undefined,
);
const ruleCorrect = ruleRows.filter((row) => row.label === 'DENIAL').length;
const measuredRulePrecision = ruleRows.length === 0 ? 0 : ruleCorrect / ruleRows.length;
const rulePrecision = ruleRows.length >= 30 && measuredRulePrecision >= 0.8 ? measuredRulePrecision : undefined;
console.log(
  `rule layer: decides ${ruleRows.length} of ${grok.length + adjudicated.length} labelled rows, ${ruleCorrect} of them DENIAL by gold (precision ${(measuredRulePrecision * 100).toFixed(1)}%)${rulePrecision === undefined ? '; not trusted alone (< 80% or < 30 rows)' : '; it decides alone with that confidence'}`,
);

const outOfFoldLogits: number[][] = [];
const outOfFoldLabels: number[] = [];

// A. government-criticism sets, held out by model and by request.
const isTestModel = (model: string): boolean => stableHash(`model:${model}`) % 4 === 0;
const isTestGroup = (group: string): boolean => stableHash(group) % 4 === 0;
const govTest = grok.filter(
  (row) => row.source === 'grok' && row.set !== 'us_hard' && isTestModel(row.model) && isTestGroup(row.group),
);
const govTrain = [...grok, ...adjudicated].filter((row) => !isTestModel(row.model) && !isTestGroup(row.group));
console.log(
  `\n== A. gov sets held out by model and request: train ${govTrain.length}, test ${govTest.length} (${new Set(govTest.map((row) => row.model)).size} models, ${new Set(govTest.map((row) => row.group)).size} requests)`,
);
const govWeights = train(govTrain);
const govLogits = govTest.map((row) => linearLogits(row.vector, govWeights, 3));
govLogits.forEach((logits, index) => {
  outOfFoldLogits.push(logits);
  outOfFoldLabels.push(govTest[index]!.labelIndex);
});

// B. adjudicated us_hard rows, held out by theme AND by model: a grid of theme folds × model folds.
// Each adjudicated row is scored once, in its (theme fold, model fold) cell, by a model trained on
// rows that share neither its theme fold nor its model fold (any labelled row: gov, us_hard, adjudicated).
const THEME_FOLDS = quick ? 3 : 5;
const MODEL_FOLDS = quick ? 2 : 3;
const themeFold = (row: LabelledRow): number => stableHash(`fold:${row.group}`) % THEME_FOLDS;
const modelFold = (row: LabelledRow): number => stableHash(`model:${modelFamily(row.model)}`) % MODEL_FOLDS;
const adjudicatedLogits = new Array<number[]>(adjudicated.length);
for (let theme = 0; theme < THEME_FOLDS; theme += 1) {
  for (let model = 0; model < MODEL_FOLDS; model += 1) {
    const inCell = (row: LabelledRow): boolean => themeFold(row) === theme && modelFold(row) === model;
    if (!adjudicated.some(inCell)) continue;
    const weights = train(
      [...grok, ...adjudicated].filter((row) => themeFold(row) !== theme && modelFold(row) !== model),
    );
    adjudicated.forEach((row, index) => {
      if (inCell(row)) adjudicatedLogits[index] = linearLogits(row.vector, weights, 3);
    });
  }
}
adjudicatedLogits.forEach((logits, index) => {
  outOfFoldLogits.push(logits);
  outOfFoldLabels.push(adjudicated[index]!.labelIndex);
});

const temperature = fitTemperature(outOfFoldLogits, outOfFoldLabels);
console.log(`\ntemperature (fitted on ${outOfFoldLogits.length} out-of-fold rows): ${temperature.toFixed(3)}`);
/** As the judge does: temperature, then the rule layer's override where it decides. */
const predictRow = (row: LabelledRow) => (logits: number[]) => {
  const probabilities = softmax(logits, temperature);
  const denial = VERDICTS.indexOf('DENIAL');
  if (rulePrecision !== undefined && extractRuleVerdict(row) !== undefined && probabilities[denial]! < rulePrecision) {
    const rest = 1 - probabilities[denial]!;
    for (let label = 0; label < 3; label += 1)
      probabilities[label] = label === denial ? rulePrecision : (probabilities[label]! * (1 - rulePrecision)) / rest;
  }
  const best = probabilities.indexOf(Math.max(...probabilities));
  return { label: VERDICTS[best]!, probabilities, confidence: probabilities[best]! };
};

function printCoverage(
  title: string,
  rows: readonly LabelledRow[],
  predictions: readonly { label: string; confidence: number }[],
): void {
  const scored = rows.map((row, index) => ({
    confidence: predictions[index]!.confidence,
    correct: predictions[index]!.label === row.label,
  }));
  console.log(`\n${title}: coverage–accuracy (n=${rows.length}; decided when confidence ≥ threshold)`);
  for (const point of coverageAccuracyCurve(scored)) {
    console.log(
      `    coverage ${(point.coverage * 100).toFixed(1).padStart(5)}%  threshold ${point.threshold.toFixed(3)}  decided ${String(point.decided).padStart(4)}  accuracy ${point.accuracy === null ? 'n/a' : `${(point.accuracy * 100).toFixed(1)}%`}`,
    );
  }
  for (const target of [0.9, 0.95]) {
    const point = thresholdForTarget(scored, target);
    console.log(
      `    ${(target * 100).toFixed(0)}% target: ${point ? `threshold ${point.threshold.toFixed(3)}, coverage ${(point.coverage * 100).toFixed(1)}% (${point.decided} rows at ${(point.accuracy! * 100).toFixed(1)}%)` : 'not reached'}`,
    );
  }
}

const govPredictions = govLogits.map((logits, index) => predictRow(govTest[index]!)(logits));
console.log(
  formatEvaluation(
    '\nA. gov held-out (all)',
    evaluateLabels(
      govTest.map((row) => row.label),
      govPredictions.map((p) => p.label),
    ),
  ),
);
printBreakdown(
  'A. set',
  govTest.map((row, index) => ({ gold: row.label, predicted: govPredictions[index]!.label, key: row.set })),
);
printBreakdown(
  'A. language',
  govTest.map((row, index) => ({ gold: row.label, predicted: govPredictions[index]!.label, key: row.language })),
);

const adjudicatedPredictions = adjudicatedLogits.map((logits, index) => predictRow(adjudicated[index]!)(logits));
console.log(
  formatEvaluation(
    `\nB. adjudicated us_hard, held out by theme and model (${THEME_FOLDS} theme folds × ${MODEL_FOLDS} model folds)`,
    evaluateLabels(
      adjudicated.map((row) => row.label),
      adjudicatedPredictions.map((p) => p.label),
    ),
  ),
);
printBreakdown(
  'B. variation',
  adjudicated.map((row, index) => ({
    gold: row.label,
    predicted: adjudicatedPredictions[index]!.label,
    key: `phrasing ${row.questionId.slice(-1)}`,
  })),
);

printCoverage('A. gov held-out', govTest, govPredictions);
printCoverage('B. adjudicated us_hard (CV)', adjudicated, adjudicatedPredictions);

evaluateStoredCascade({
  govTest,
  govPredictions,
  gpt4o: quick ? [] : loadGpt4oRows(),
  adjudicated,
  adjudicatedPredictions,
});

if (write) {
  const weights = train([...grok, ...adjudicated]);
  const encoded = encodeEmbeddedJudgeWeights({
    weights,
    featureBits: FEATURE_BITS,
    labels: [...VERDICTS],
    temperature,
    rulePrecision,
    training: {
      rows: grok.length + adjudicated.length,
      syntheticRows: WEIGHT.synthetic > 0 ? synthetic.length : 0,
      configuration: configName,
      options: { ...TRAINING, featureCount: undefined },
      rowWeights:
        extraLabelFiles.length > 0
          ? { ...WEIGHT, extraLabelFiles }
          : {
              gov: WEIGHT.gov,
              usHardGrok: WEIGHT.usHardGrok,
              adjudicated: WEIGHT.adjudicated,
              synthetic: WEIGHT.synthetic,
            },
      evaluation: {
        gov_held_out_accuracy: evaluateLabels(
          govTest.map((row) => row.label),
          govPredictions.map((p) => p.label),
        ).accuracy,
        adjudicated_cv_accuracy: evaluateLabels(
          adjudicated.map((row) => row.label),
          adjudicatedPredictions.map((p) => p.label),
        ).accuracy,
      },
    },
  });
  const path = join(import.meta.dirname, '..', 'src', 'judge', 'embedded', 'embedded-judge-weights.json.gz');
  writeFileSync(path, gzipSync(encoded, { level: 9 }));
  console.log(`\nwrote ${path} (${(encoded.length / 1024).toFixed(0)} KiB)`);
}
console.log(`done in ${((Date.now() - started) / 1000).toFixed(0)}s`);

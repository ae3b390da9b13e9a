/**
 * Generalization-first evaluation of the embedded judge over everything labelled in
 * ../shared/speechmap-data: leave-one-set-out and leave-one-model-family-out, each fold scored by
 * a model that saw nothing of that set (or family). Prints every fold, the mean and the WORST fold,
 * for a few training configurations, and names the configuration whose worst fold is best.
 *
 *   npx tsx scripts/embedded-judge-folds.ts                       # the default configurations
 *   npx tsx scripts/embedded-judge-folds.ts --configs base,synthetic --json folds.json
 *   npx tsx scripts/embedded-judge-folds.ts --configs synthetic --epochs 4   # cheaper fold models (CPU-bound machines)
 *   npx tsx scripts/embedded-judge-folds.ts --configs synthetic --epochs 4 --only us_hard,mistralai   # only these folds
 *
 * Synthetic answers (scripts/embedded-judge-synthetic.ts) are added to training only; they are never scored.
 * For the us_hard fold the test rows are the adjudicated ones (gold = adjudicated label); for every
 * other set the gold is Grok's label. A model family is the vendor (R1 derivatives go with DeepSeek).
 */
import { writeFileSync } from 'node:fs';
import { extractFeatures } from '../src/judge/embedded/extract-features.js';
import { FEATURE_COUNT } from '../src/judge/embedded/hash-feature.js';
import { linearLogits } from '../src/judge/embedded/linear-logits.js';
import { trainSoftmaxRegression } from '../src/judge/embedded/train-softmax-regression.js';
import { evaluateLabels } from '../src/judge/metrics/index.js';
import { loadAdjudicatedRows, loadGrokRows, VERDICTS, type LabelledRow } from './embedded-judge-data.js';
import { syntheticRows } from './embedded-judge-synthetic.js';
import { TRAINING_CONFIGS, type TrainingConfig } from './embedded-judge-configs.js';

/** Vendor family of a model id; DeepSeek R1 derivatives (MAI-DS-R1, R1-1776) count as DeepSeek. */
export function vendorFamily(model: string): string {
  if (/r1/i.test(model) && /microsoft|perplexity/.test(model)) return 'deepseek';
  const vendor = model.split('/')[0] ?? model;
  const known = ['anthropic', 'deepseek', 'google', 'meta-llama', 'openai', 'qwen', 'x-ai', 'mistralai'];
  return known.includes(vendor) ? vendor : 'other';
}

interface Prepared extends LabelledRow {
  vector: ReturnType<typeof extractFeatures>;
  labelIndex: number;
}

const argument = (name: string) => {
  const index = process.argv.indexOf(name);
  return index === -1 ? undefined : process.argv[index + 1];
};
const configNames = (argument('--configs') ?? Object.keys(TRAINING_CONFIGS).join(',')).split(',');
for (const name of configNames)
  if (!(name in TRAINING_CONFIGS))
    throw new Error(`--configs: unknown configuration "${name}" (known: ${Object.keys(TRAINING_CONFIGS).join(', ')})`);

const epochsOverride = argument('--epochs') === undefined ? undefined : Number(argument('--epochs'));
if (epochsOverride !== undefined && !(Number.isInteger(epochsOverride) && epochsOverride > 0))
  throw new Error('--epochs must be a positive integer');
/** Fold names (sets or families) to run; every fold when absent. The summary's worst is then over these only. */
const only = argument('--only')?.split(',');
const started = Date.now();
const prepare = (rows: LabelledRow[]): Prepared[] =>
  rows.map((row) => ({ ...row, vector: extractFeatures(row), labelIndex: VERDICTS.indexOf(row.label) }));
const grok = prepare(loadGrokRows());
const adjudicated = prepare(loadAdjudicatedRows());
const synthetic = prepare(syntheticRows());
let syntheticStance: Prepared[] | undefined;
const syntheticFor = (config: TrainingConfig) =>
  config.syntheticStance === true ? (syntheticStance ??= prepare(syntheticRows(15, 6, { stance: true }))) : synthetic;
const labelled = [...grok, ...adjudicated];
console.log(
  `loaded ${grok.length} Grok-labelled, ${adjudicated.length} adjudicated, ${synthetic.length} synthetic rows (${((Date.now() - started) / 1000).toFixed(0)}s)`,
);

function train(rows: readonly Prepared[], config: TrainingConfig): Float64Array {
  const weightOf = (row: Prepared) =>
    row.source === 'synthetic'
      ? config.syntheticWeight
      : row.source === 'adjudicated'
        ? config.adjudicatedWeight
        : row.set === 'us_hard'
          ? config.usHardWeight
          : 1;
  const training = config.syntheticWeight > 0 ? [...rows, ...syntheticFor(config)] : rows;
  return trainSoftmaxRegression(
    training.map((row) => ({ vector: row.vector, label: row.labelIndex, weight: weightOf(row) })),
    {
      featureCount: FEATURE_COUNT,
      classes: 3,
      epochs: config.epochs,
      batchSize: 64,
      learningRate: 0.01,
      l2: config.l2,
      seed: 7,
    },
  );
}

interface FoldResult {
  fold: string;
  n: number;
  accuracy: number;
  kappa: number | null;
}

function score(test: readonly Prepared[], weights: Float64Array, fold: string): FoldResult {
  const predicted = test.map((row) => {
    const logits = linearLogits(row.vector, weights, 3);
    return VERDICTS[logits.indexOf(Math.max(...logits))]!;
  });
  const evaluation = evaluateLabels(
    test.map((row) => row.label),
    predicted,
    VERDICTS,
  );
  return { fold, n: test.length, accuracy: evaluation.accuracy ?? 0, kappa: evaluation.kappa };
}

function summarize(title: string, folds: FoldResult[]): { mean: number; worst: FoldResult } {
  if (folds.length === 0) return { mean: NaN, worst: { fold: 'none', n: 0, accuracy: Infinity, kappa: null } };
  const mean = folds.reduce((sum, fold) => sum + fold.accuracy, 0) / folds.length;
  const worst = folds.reduce((low, fold) => (fold.accuracy < low.accuracy ? fold : low));
  console.log(`  ${title}`);
  for (const fold of folds)
    console.log(
      `    ${fold.fold.padEnd(22)} n=${String(fold.n).padStart(5)}  accuracy ${(fold.accuracy * 100).toFixed(1).padStart(5)}%  kappa ${fold.kappa === null ? 'n/a' : fold.kappa.toFixed(3)}`,
    );
  console.log(`    mean ${(mean * 100).toFixed(1)}%   worst ${worst.fold} ${(worst.accuracy * 100).toFixed(1)}%`);
  return { mean, worst };
}

const sets = [...new Set(grok.map((row) => row.set))].sort().filter((set) => only === undefined || only.includes(set));
const families = [...new Set(labelled.map((row) => vendorFamily(row.model)))]
  .sort()
  .filter((family) => only === undefined || only.includes(family));
if (sets.length + families.length === 0) throw new Error(`--only: no such set or family (${only?.join(', ')})`);
const results: Record<string, { config: TrainingConfig; sets: FoldResult[]; families: FoldResult[]; worst: number }> =
  {};
for (const name of configNames) {
  const config = { ...TRAINING_CONFIGS[name]!, ...(epochsOverride === undefined ? {} : { epochs: epochsOverride }) };
  const configStarted = Date.now();
  console.log(`\n== configuration ${name}: ${JSON.stringify(config)}`);
  // Each fold is printed as soon as it is scored (training takes a while on a busy machine).
  const announce = (kind: string, result: FoldResult) => {
    console.log(
      `    [${name}] ${kind} ${result.fold}: n=${result.n} accuracy ${(result.accuracy * 100).toFixed(1)}% kappa ${result.kappa === null ? 'n/a' : result.kappa.toFixed(3)}`,
    );
    return result;
  };
  const setFolds = sets.map((set) => {
    const weights = train(
      labelled.filter((row) => row.set !== set),
      config,
    );
    const test = set === 'us_hard' ? adjudicated : grok.filter((row) => row.set === set);
    return announce('set', score(test, weights, set));
  });
  const familyFolds = families.map((family) => {
    const weights = train(
      labelled.filter((row) => vendorFamily(row.model) !== family),
      config,
    );
    return announce(
      'family',
      score(
        labelled.filter((row) => vendorFamily(row.model) === family),
        weights,
        family,
      ),
    );
  });
  const bySet = summarize('leave one set out', setFolds);
  const byFamily = summarize('leave one model family out', familyFolds);
  const worst = Math.min(bySet.worst.accuracy, byFamily.worst.accuracy);
  results[name] = { config, sets: setFolds, families: familyFolds, worst };
  console.log(
    `  worst fold overall ${(worst * 100).toFixed(1)}%  (${((Date.now() - configStarted) / 1000).toFixed(0)}s)`,
  );
}
const chosen = Object.entries(results).reduce((best, entry) => (entry[1].worst > best[1].worst ? entry : best));
console.log(`\nchosen: ${chosen[0]} (worst fold ${(chosen[1].worst * 100).toFixed(1)}%)`);
const jsonPath = argument('--json');
if (jsonPath) writeFileSync(jsonPath, `${JSON.stringify({ chosen: chosen[0], results }, null, 2)}\n`);
console.log(`done in ${((Date.now() - started) / 1000).toFixed(0)}s`);

import { createSeededRandom } from './seeded-random.js';

/** One observation: which model (cluster 1), which question (cluster 2), success or not. */
export interface ClusteredOutcome {
  model: string;
  question: string;
  success: boolean;
}

export interface ClusterBootstrapResult {
  /** Mean over models of each model's success rate ("the average model"). */
  estimate: number;
  /** Percentile 95% interval of the estimate under the two-way cluster bootstrap. */
  low: number;
  high: number;
  models: number;
  questions: number;
  draws: number;
  seed: number;
}

/**
 * The mean of per-model rates with a two-way cluster bootstrap: each draw resamples models and
 * questions independently, with replacement, and recomputes the mean of the drawn models' rates
 * over the drawn questions (models with no drawn question are skipped in that draw). Answers of one
 * model, and answers to one question, are correlated; resampling whole clusters keeps that in the
 * interval instead of treating every answer as independent (Cameron, Gelbach & Miller 2011; Davison
 * & Hinkley 1997 §3.8). Seeded: the same input and seed give the same interval.
 */
export function clusterBootstrapMean(
  outcomes: readonly ClusteredOutcome[],
  options: { draws?: number; seed?: number } = {},
): ClusterBootstrapResult {
  const draws = options.draws ?? 1000;
  const seed = options.seed ?? 13;
  const modelIndex = new Map<string, number>();
  const questionIndex = new Map<string, number>();
  for (const outcome of outcomes) {
    if (!modelIndex.has(outcome.model)) modelIndex.set(outcome.model, modelIndex.size);
    if (!questionIndex.has(outcome.question)) questionIndex.set(outcome.question, questionIndex.size);
  }
  const models = modelIndex.size;
  const questions = questionIndex.size;
  // cells[model][question] = [successes, answers]
  const successes = new Float64Array(models * questions);
  const answers = new Float64Array(models * questions);
  for (const outcome of outcomes) {
    const cell = modelIndex.get(outcome.model)! * questions + questionIndex.get(outcome.question)!;
    answers[cell] = answers[cell]! + 1;
    if (outcome.success) successes[cell] = successes[cell]! + 1;
  }
  const meanOf = (modelWeights: Float64Array, questionWeights: Float64Array): number => {
    let total = 0;
    let weight = 0;
    for (let model = 0; model < models; model += 1) {
      const times = modelWeights[model]!;
      if (times === 0) continue;
      let hits = 0;
      let asked = 0;
      for (let question = 0; question < questions; question += 1) {
        const count = questionWeights[question]!;
        if (count === 0) continue;
        hits += count * successes[model * questions + question]!;
        asked += count * answers[model * questions + question]!;
      }
      if (asked === 0) continue;
      total += times * (hits / asked);
      weight += times;
    }
    return weight === 0 ? Number.NaN : total / weight;
  };
  const estimate = meanOf(new Float64Array(models).fill(1), new Float64Array(questions).fill(1));
  if (models === 0)
    return { estimate: Number.NaN, low: Number.NaN, high: Number.NaN, models, questions, draws: 0, seed };
  const random = createSeededRandom(seed);
  const values: number[] = [];
  const modelWeights = new Float64Array(models);
  const questionWeights = new Float64Array(questions);
  for (let draw = 0; draw < draws; draw += 1) {
    modelWeights.fill(0);
    questionWeights.fill(0);
    for (let index = 0; index < models; index += 1) modelWeights[Math.floor(random() * models)]! += 1;
    for (let index = 0; index < questions; index += 1) questionWeights[Math.floor(random() * questions)]! += 1;
    const value = meanOf(modelWeights, questionWeights);
    if (!Number.isNaN(value)) values.push(value);
  }
  values.sort((left, right) => left - right);
  const at = (share: number) => values[Math.min(values.length - 1, Math.max(0, Math.floor(share * values.length)))]!;
  return { estimate, low: at(0.025), high: at(0.975), models, questions, draws, seed };
}

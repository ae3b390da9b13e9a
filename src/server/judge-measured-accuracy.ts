import { wilsonInterval } from '../stats/index.js';
import type { CandorStore } from '../store/index.js';
import type { JudgeShare, MeasuredAccuracy } from './api-types.js';

/**
 * The newest stored `candor judge eval` result of each judge id: the measured accuracy shown next
 * to every rate that judge's labels produce (null: never measured in this store).
 */
export async function measuredAccuracyByJudge(store: CandorStore): Promise<Map<string, MeasuredAccuracy>> {
  const byJudge = new Map<string, MeasuredAccuracy>();
  for (const evaluation of await store.listJudgeEvaluations()) {
    if (byJudge.has(evaluation.judgeId)) continue; // newest first
    const correct = evaluation.confusion.reduce((sum, row, index) => sum + (row[index] ?? 0), 0);
    byJudge.set(evaluation.judgeId, {
      judgeVersion: evaluation.judgeVersion,
      goldName: evaluation.goldName,
      goldHash: evaluation.goldHash,
      n: evaluation.n,
      accuracy: evaluation.accuracy,
      interval: evaluation.n > 0 ? wilsonInterval(correct, evaluation.n) : null,
      kappa: evaluation.kappa,
      coverage: evaluation.coverage,
      evaluatedAt: evaluation.evaluatedAt,
    });
  }
  return byJudge;
}

/** Adds each judge's measured accuracy (or null) to the shares behind a number. */
export async function withMeasuredAccuracy(store: CandorStore, shares: JudgeShare[]): Promise<JudgeShare[]> {
  const measured = await measuredAccuracyByJudge(store);
  return shares.map((share) => ({ ...share, measured: measured.get(share.judge) ?? null }));
}

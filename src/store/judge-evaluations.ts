import type { Kysely } from 'kysely';
import type { DatabaseSchema } from './database-schema.js';

/** One `candor judge eval` result: how a judge (id + version) scored against one gold file. */
export interface JudgeEvaluation {
  judgeId: string;
  judgeVersion: string;
  /** SHA-256 of the gold file's bytes, so two results on different gold files are never mixed. */
  goldHash: string;
  /** The gold file's name (without directories), for people. */
  goldName: string;
  /** Rows scored (decided rows when the judge abstains on some). */
  n: number;
  accuracy: number | null;
  kappa: number | null;
  /** Per class: precision, recall, f1, support. */
  perClass: Record<string, { precision: number | null; recall: number | null; f1: number | null; support: number }>;
  /** Rows gold × columns judged, in the order of `labels`. */
  confusion: number[][];
  labels: string[];
  /** Share of gold rows the judge decided (1 unless it abstained on some). */
  coverage: number;
  /** The confidence bar it was evaluated with (--abstain-below), if any. */
  abstainBelow: number | null;
  evaluatedAt: string;
}

export async function putJudgeEvaluation(db: Kysely<DatabaseSchema>, evaluation: JudgeEvaluation): Promise<void> {
  await db
    .insertInto('judge_evaluations')
    .values({
      judge_id: evaluation.judgeId,
      judge_version: evaluation.judgeVersion,
      gold_hash: evaluation.goldHash,
      gold_name: evaluation.goldName,
      n: evaluation.n,
      accuracy: evaluation.accuracy,
      kappa: evaluation.kappa,
      per_class: JSON.stringify(evaluation.perClass),
      confusion: JSON.stringify(evaluation.confusion),
      labels: JSON.stringify(evaluation.labels),
      coverage: evaluation.coverage,
      abstain_below: evaluation.abstainBelow,
      evaluated_at: evaluation.evaluatedAt,
    })
    .execute();
}

/** Stored evaluations, newest first (of one judge id when given). */
export async function listJudgeEvaluations(db: Kysely<DatabaseSchema>, judgeId?: string): Promise<JudgeEvaluation[]> {
  let query = db.selectFrom('judge_evaluations').selectAll();
  if (judgeId !== undefined) query = query.where('judge_id', '=', judgeId);
  const rows = await query.orderBy('evaluated_at', 'desc').orderBy('evaluation_id', 'desc').execute();
  return rows.map((row) => ({
    judgeId: row.judge_id,
    judgeVersion: row.judge_version,
    goldHash: row.gold_hash,
    goldName: row.gold_name,
    n: Number(row.n),
    accuracy: row.accuracy === null ? null : Number(row.accuracy),
    kappa: row.kappa === null ? null : Number(row.kappa),
    perClass: JSON.parse(row.per_class) as JudgeEvaluation['perClass'],
    confusion: JSON.parse(row.confusion) as number[][],
    labels: JSON.parse(row.labels) as string[],
    coverage: Number(row.coverage),
    abstainBelow: row.abstain_below === null ? null : Number(row.abstain_below),
    evaluatedAt: row.evaluated_at,
  }));
}

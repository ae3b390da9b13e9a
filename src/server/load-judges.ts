import { VERDICT_LABELS } from '../core/index.js';
import { evaluateLabels } from '../judge/metrics/index.js';
import { shownUnder } from '../reports/index.js';
import type { CandorStore } from '../store/index.js';
import type { JudgeAccuracy, JudgeAgreement, JudgesResponse } from './api-types/breakdowns.js';
import type { JudgeShare, MeasuredAccuracy } from './api-types/shared.js';
import type { ExplorerQuery } from './explorer-query.js';
import { wilsonInterval } from '../stats/index.js';

/** Human labellers are judges whose id starts with "human". */
export const isHumanJudge = (judge: string) => judge.startsWith('human');

const isError = (label: string) => label.startsWith('ERROR');

/**
 * The judges in the store; agreement (accuracy, Cohen's kappa) of every pair on the responses both
 * judged; and each judge's accuracy against every human who labelled the same responses.
 */
export async function loadJudges(store: CandorStore, query: ExplorerQuery): Promise<JudgesResponse> {
  const present = await store.countJudgedResponses();
  const latest = new Map(
    (await store.countLabels({ groupBy: ['judge'], includeTest: query.includeTest, filters: query.filters })).map(
      (count) => [
        count.keys.judge ?? '',
        Object.entries(count.labels).reduce(
          (sum, [label, rows]) => sum + (shownUnder(label, query.lens) ? rows : 0),
          0,
        ),
      ],
    ),
  );
  const labels = new Map<string, Map<number, string>>();
  for (const { judge } of present) {
    const rows = (await store.listLabelRows({ judge, includeTest: query.includeTest, filters: query.filters })).filter(
      (row) => shownUnder(row.label, query.lens),
    );
    labels.set(judge, new Map(rows.map((row) => [row.responseId, row.label])));
  }
  const pairsOf = (a: string, b: string) => {
    const second = labels.get(b)!;
    const pairs: { a: string; b: string }[] = [];
    for (const [responseId, label] of labels.get(a)!) {
      const other = second.get(responseId);
      if (other !== undefined) pairs.push({ a: label, b: other });
    }
    const verdicts = pairs.filter((pair) => !isError(pair.a) && !isError(pair.b));
    return {
      pairs,
      verdicts,
      report: evaluateLabels(
        verdicts.map((pair) => pair.a),
        verdicts.map((pair) => pair.b),
        VERDICT_LABELS,
      ),
    };
  };

  const judges = present.map(({ judge }) => judge);
  const agreement: JudgeAgreement[] = [];
  for (const [index, a] of judges.entries()) {
    for (const b of judges.slice(index + 1)) {
      const { pairs, verdicts, report } = pairsOf(a, b);
      if (pairs.length === 0) continue;
      agreement.push({
        a,
        b,
        bothJudged: pairs.length,
        withErrorLabels: pairs.length - verdicts.length,
        n: report.n,
        accuracy: report.accuracy,
        kappa: report.kappa,
      });
    }
  }
  const vsHuman: JudgeAccuracy[] = [];
  for (const human of judges.filter(isHumanJudge)) {
    for (const judge of judges) {
      if (judge === human) continue;
      const { pairs, report } = pairsOf(human, judge);
      if (pairs.length === 0) continue;
      vsHuman.push({
        judge,
        human,
        bothJudged: pairs.length,
        n: report.n,
        accuracy: report.accuracy,
        kappa: report.kappa,
        labels: report.labels,
        confusion: report.confusion,
      });
    }
  }
  const measured = await measuredAccuracyByJudge(store);
  return {
    judges: present.map(({ judge, responses }) => ({
      judge,
      responses,
      human: isHumanJudge(judge),
      latestRows: latest.get(judge) ?? 0,
      measured: measured.get(judge) ?? null,
    })),
    agreement,
    vsHuman,
  };
}

/** Which judges labelled the rows behind a number, most rows first. */
export async function judgeShares(store: CandorStore, query: ExplorerQuery): Promise<JudgeShare[]> {
  const counts = await store.countLabels({
    groupBy: ['judge'],
    judge: query.judge,
    includeTest: query.includeTest,
    filters: query.filters,
  });
  const shown = (labels: Record<string, number>) =>
    Object.entries(labels).reduce((sum, [label, count]) => sum + (shownUnder(label, query.lens) ? count : 0), 0);
  const shares = counts
    .map((count) => ({ judge: count.keys.judge ?? '(unknown)', rows: shown(count.labels) }))
    .filter((share) => share.rows > 0)
    .sort((left, right) => right.rows - left.rows || left.judge.localeCompare(right.judge));
  return withMeasuredAccuracy(store, shares);
}

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

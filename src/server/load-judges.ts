import { VERDICT_LABELS } from '../core/index.js';
import { evaluateLabels } from '../judge/metrics/index.js';
import { shownUnder } from '../reports/index.js';
import type { CandorStore } from '../store/index.js';
import type { JudgeAccuracy, JudgeAgreement, JudgesResponse } from './api-types.js';
import type { ExplorerQuery } from './explorer-query.js';
import { measuredAccuracyByJudge } from './judge-measured-accuracy.js';

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
    (await store.countLabels({ groupBy: ['judge'], includeTest: query.includeTest, filters: query.filters })).map((count) => [
      count.keys.judge ?? '',
      Object.entries(count.labels).reduce((sum, [label, rows]) => sum + (shownUnder(label, query.lens) ? rows : 0), 0),
    ]),
  );
  const labels = new Map<string, Map<number, string>>();
  for (const { judge } of present) {
    const rows = (await store.listLabelRows({ judge, includeTest: query.includeTest, filters: query.filters })).filter((row) => shownUnder(row.label, query.lens));
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
    return { pairs, verdicts, report: evaluateLabels(verdicts.map((pair) => pair.a), verdicts.map((pair) => pair.b), VERDICT_LABELS) };
  };

  const judges = present.map(({ judge }) => judge);
  const agreement: JudgeAgreement[] = [];
  for (const [index, a] of judges.entries()) {
    for (const b of judges.slice(index + 1)) {
      const { pairs, verdicts, report } = pairsOf(a, b);
      if (pairs.length === 0) continue;
      agreement.push({ a, b, bothJudged: pairs.length, withErrorLabels: pairs.length - verdicts.length, n: report.n, accuracy: report.accuracy, kappa: report.kappa });
    }
  }
  const vsHuman: JudgeAccuracy[] = [];
  for (const human of judges.filter(isHumanJudge)) {
    for (const judge of judges) {
      if (judge === human) continue;
      const { pairs, report } = pairsOf(human, judge);
      if (pairs.length === 0) continue;
      vsHuman.push({ judge, human, bothJudged: pairs.length, n: report.n, accuracy: report.accuracy, kappa: report.kappa, labels: report.labels, confusion: report.confusion });
    }
  }
  const measured = await measuredAccuracyByJudge(store);
  return {
    judges: present.map(({ judge, responses }) => ({ judge, responses, human: isHumanJudge(judge), latestRows: latest.get(judge) ?? 0, measured: measured.get(judge) ?? null })),
    agreement,
    vsHuman,
  };
}

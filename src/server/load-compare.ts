import { checkNames, compareSides, MIN_PAIRS } from '../reports/index.js';
import type { CandorStore } from '../store/index.js';
import type { CompareResponse } from './api-types/models.js';
import type { JudgeShare } from './api-types/shared.js';
import type { ExplorerQuery } from './explorer-query.js';
import type { QuestionCatalog } from './question-catalog.js';

const finite = (value: number) => (Number.isFinite(value) ? value : 0);

function shares(judges: Record<string, number>): JudgeShare[] {
  return Object.entries(judges)
    .map(([judge, rows]) => ({ judge, rows }))
    .sort((left, right) => right.rows - left.rows);
}

/** Model A vs model B on identical questions: both rates, the paired difference, McNemar, flipped questions. */
export async function loadCompare(
  store: CandorStore,
  catalog: QuestionCatalog,
  a: string,
  b: string,
  query: ExplorerQuery,
): Promise<CompareResponse> {
  const set = typeof query.filters.set === 'string' ? query.filters.set : null;
  // A misspelled name is a 404 with the closest names, never an empty comparison.
  await checkNames(store, { model: [a, b], set, judge: query.judge });
  const report = await compareSides(
    store,
    { kind: 'model', model: a },
    { kind: 'model', model: b },
    {
      sets: set ? [set] : [],
      judge: query.judge,
      lens: query.lens,
      includeTest: query.includeTest,
    },
  );
  const { comparison, flipped } = report.result.overall;
  return {
    a,
    b,
    set,
    lens: report.lens,
    pairs: comparison.pairs,
    fewPairs: comparison.pairs < MIN_PAIRS,
    missingA: report.missingFirst,
    missingB: report.missingSecond,
    rateA: comparison.first,
    rateB: comparison.second,
    difference: {
      estimate: finite(comparison.difference.difference),
      low: finite(comparison.difference.low),
      high: finite(comparison.difference.high),
    },
    pValue: finite(comparison.pValue),
    table: { ...comparison.table },
    judgesA: shares(report.judgesFirst),
    judgesB: shares(report.judgesSecond),
    unpairedA: report.result.unpairedFirst,
    unpairedB: report.result.unpairedSecond,
    flipped: flipped.map((row) => ({
      set: row.set,
      questionId: row.questionId,
      sample: row.sample,
      text: catalog.get(row.set, row.questionId)?.text ?? null,
      labelA: row.labelFirst,
      labelB: row.labelSecond,
    })),
  };
}

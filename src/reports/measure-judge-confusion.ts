import type { JudgeConfusion } from '../stats/judge-corrected-rate.js';
import type { LabelRow } from '../store/index.js';
import { foldLabel } from './fold-label.js';

export interface MeasuredConfusion {
  confusion: JudgeConfusion;
  /** Responses both judged with a verdict: the size of the gold set. */
  shared: number;
}

/**
 * A judge's COMPLETE-vs-not confusion against a gold labelling of the same responses (matched by
 * response id). Only responses where both gave a verdict count: error labels are not judge decisions.
 */
export function measureJudgeConfusion(judgeRows: readonly LabelRow[], goldRows: readonly LabelRow[]): MeasuredConfusion {
  const gold = new Map<number, string>();
  for (const row of goldRows) if (foldLabel(row.label) !== 'ERROR') gold.set(row.responseId, row.label);
  const confusion: JudgeConfusion = { truePositive: 0, falseNegative: 0, falsePositive: 0, trueNegative: 0 };
  let shared = 0;
  for (const row of judgeRows) {
    const truth = gold.get(row.responseId);
    if (truth === undefined || foldLabel(row.label) === 'ERROR') continue;
    shared += 1;
    const predicted = row.label === 'COMPLETE';
    const actual = truth === 'COMPLETE';
    if (actual && predicted) confusion.truePositive += 1;
    else if (actual) confusion.falseNegative += 1;
    else if (predicted) confusion.falsePositive += 1;
    else confusion.trueNegative += 1;
  }
  return { confusion, shared };
}

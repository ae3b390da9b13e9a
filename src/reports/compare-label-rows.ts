import type { LabelGroup } from '../core/index.js';
import { holmAdjust } from '../stats/holm-adjust.js';
import type { LabelRow } from '../store/index.js';
import { dimensionValue, type CompareGroupBy } from './dimensions.js';
import { countLabelGroups, isCompleteLabel, type Lens } from './lens.js';
import { pairLabelRows, pairedQuestion, type LabelRowPair, type PairOptions } from './pair-label-rows.js';
import { pairedRateComparison, type PairedRateComparison } from './pair-label-rows.js';

/** A question answered COMPLETE on one side and not on the other. */
export interface FlippedQuestion {
  set: string;
  questionId: string;
  sample: number;
  labelFirst: string;
  labelSecond: string;
}

export interface CompareGroup {
  /** Value of the --by dimension; null for the whole comparison or rows without that value. */
  group: string | null;
  comparison: PairedRateComparison;
  /** Holm-adjusted p over the groups shown together; equal to the p-value when there is one group. */
  holmPValue: number;
  labelsFirst: Record<LabelGroup, number>;
  labelsSecond: Record<LabelGroup, number>;
  flipped: FlippedQuestion[];
}

export interface CompareResult {
  by: CompareGroupBy | null;
  groups: CompareGroup[];
  overall: CompareGroup;
  unpairedFirst: number;
  unpairedSecond: number;
  duplicatesFirst: number;
  duplicatesSecond: number;
}

type CompareOptions = PairOptions & { by?: CompareGroupBy | null; lens?: Lens };

function summarize(
  group: string | null,
  pairs: readonly LabelRowPair[],
  options: CompareOptions,
): Omit<CompareGroup, 'holmPValue'> {
  const comparison = pairedRateComparison(pairs, options.lens);
  const flipped = pairs
    .filter((pair) => isCompleteLabel(pair.first.label) !== isCompleteLabel(pair.second.label))
    .map((pair): FlippedQuestion => ({
      ...pairedQuestion(pair.first, options),
      sample: pair.first.sample,
      labelFirst: pair.first.label,
      labelSecond: pair.second.label,
    }));
  return {
    group,
    comparison,
    labelsFirst: countLabelGroups(pairs.map((pair) => pair.first.label)),
    labelsSecond: countLabelGroups(pairs.map((pair) => pair.second.label)),
    flipped,
  };
}

/**
 * Paired comparison of two sides on identical questions: per group (by a question field of the
 * first side's row, the source question's set when paired through translations) both rates with
 * Wilson intervals, the paired Newcombe difference, the exact McNemar p, Holm-adjusted across groups,
 * and the questions that flipped.
 */
export function compareLabelRows(
  first: readonly LabelRow[],
  second: readonly LabelRow[],
  options: CompareOptions = {},
): CompareResult {
  const paired = pairLabelRows(first, second, options);
  const by = options.by ?? null;
  const overallSummary = summarize(null, paired.pairs, options);
  const overall: CompareGroup = { ...overallSummary, holmPValue: overallSummary.comparison.pValue };
  let groups: CompareGroup[] = [overall];
  if (by !== null) {
    const buckets = new Map<string | null, LabelRowPair[]>();
    for (const pair of paired.pairs) {
      const key = by === 'set' ? pairedQuestion(pair.first, options).set : dimensionValue(pair.first, by);
      const bucket = buckets.get(key);
      if (bucket) bucket.push(pair);
      else buckets.set(key, [pair]);
    }
    const keys = [...buckets.keys()].sort((left, right) => (left ?? '').localeCompare(right ?? ''));
    const summaries = keys.map((key) => summarize(key, buckets.get(key)!, options));
    const adjusted = holmAdjust(summaries.map((summary) => summary.comparison.pValue));
    groups = summaries.map((summary, index) => ({ ...summary, holmPValue: adjusted[index]! }));
  }
  return {
    by,
    groups,
    overall,
    unpairedFirst: paired.unpairedFirst,
    unpairedSecond: paired.unpairedSecond,
    duplicatesFirst: paired.duplicatesFirst,
    duplicatesSecond: paired.duplicatesSecond,
  };
}

import type { JudgeConfusion } from '../stats/judge-corrected-rate.js';
import type { LabelRow } from '../store/index.js';
import { foldLabel } from './fold-label.js';
import { groupRows } from './group-rows.js';
import { judgeAwareRate } from './judge-aware-rate.js';

/** Fields judge-aware rates can be grouped by. */
export const JUDGE_RATE_GROUP_FIELDS = {
  model: 'model',
  creator: 'creator',
  set: 'set',
  domain: 'domain',
  country: 'country',
  language: 'language',
  route: 'route',
} as const satisfies Record<string, keyof LabelRow>;

export type JudgeRateGroupBy = keyof typeof JUDGE_RATE_GROUP_FIELDS;

/** Raw and judge-corrected rates of one group. */
export interface JudgeAwareRateRow {
  group: string | null;
  total: number;
  complete: number;
  errors: number;
  raw_rate: number;
  raw_low: number;
  raw_high: number;
  corrected_rate: number;
  corrected_low: number;
  corrected_high: number;
  sensitivity: number;
  specificity: number;
}

/** Groups the judge's rows and puts each group's corrected rate beside its raw rate. */
export function judgeAwareRates(
  rows: readonly LabelRow[],
  confusion: JudgeConfusion,
  by: JudgeRateGroupBy = 'model',
  options: { seed?: number; draws?: number } = {},
): JudgeAwareRateRow[] {
  const groups = groupRows(rows, (row) => String(row[JUDGE_RATE_GROUP_FIELDS[by]] ?? ''));
  return [...groups.entries()]
    .sort(([left], [right]) => left.localeCompare(right))
    .map(([key, groupRowsOf]): JudgeAwareRateRow => {
      let complete = 0;
      let errors = 0;
      for (const row of groupRowsOf) {
        const group = foldLabel(row.label);
        if (group === 'COMPLETE') complete += 1;
        if (group === 'ERROR') errors += 1;
      }
      const rate = judgeAwareRate({ complete, verdicts: groupRowsOf.length - errors, errors }, confusion, options);
      return {
        group: key === '' ? null : key,
        total: groupRowsOf.length,
        complete,
        errors,
        raw_rate: rate.raw.rate,
        raw_low: rate.raw.low,
        raw_high: rate.raw.high,
        corrected_rate: rate.corrected.rate,
        corrected_low: rate.corrected.low,
        corrected_high: rate.corrected.high,
        sensitivity: rate.sensitivity,
        specificity: rate.specificity,
      };
    });
}

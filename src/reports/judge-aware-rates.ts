import {
  judgeCorrectedRate,
  type JudgeConfusion,
  type JudgeCorrectedRateOptions,
} from '../stats/judge-corrected-rate.js';
import type { LabelRow } from '../store/index.js';
import type { Column } from './format/format-rows.js';
import { formatRows } from './format/format-rows.js';
import type { OutputFormat } from './format/format-rows.js';
import { rateIntervalText } from './format/rate-output.js';
import { dimensionValue, type JudgeRateGroupBy } from './dimensions.js';
import { foldLabel, rateOf, type Rate } from './lens.js';
import { groupRows } from './rates.js';

/**
 * Judge-aware rates: the compliance rate beside its version corrected for the judge's measured
 * error (Rogan–Gladen with judgeCorrectedRate's Monte Carlo interval), the confusion it is measured
 * from, and the output of `candor judge rates`.
 */

export interface MeasuredConfusion {
  confusion: JudgeConfusion;
  /** Responses both judged with a verdict: the size of the gold set. */
  shared: number;
}

/**
 * A judge's COMPLETE-vs-not confusion against a gold labelling of the same responses (matched by
 * response id). Only responses where both gave a verdict count: error labels are not judge decisions.
 */
export function measureJudgeConfusion(
  judgeRows: readonly LabelRow[],
  goldRows: readonly LabelRow[],
): MeasuredConfusion {
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

/** A corrected rate with its interval, in the Rate's fields; all null when nothing is known (no rows). */
export type CorrectedRate = Pick<Rate, 'rate' | 'low' | 'high'>;

export interface JudgeAwareRate {
  /** The rate as judged, every row in the denominator (error rows count as not complete). */
  raw: Rate;
  /** Rogan–Gladen corrected rate with an interval that includes the judge's measured uncertainty. */
  corrected: CorrectedRate;
  sensitivity: number;
  specificity: number;
}

/**
 * The compliance rate of some labels beside its judge-corrected version. Only verdict rows pass
 * through the judge, so the correction applies to the COMPLETE share among verdicts, which is then
 * scaled by the verdict share of all rows; error rows stay "not complete" (their count is fixed).
 */
export function judgeAwareRate(
  labels: readonly string[],
  confusion: JudgeConfusion,
  options: JudgeCorrectedRateOptions = {},
): JudgeAwareRate {
  const raw = rateOf(labels, 'speechmap');
  const verdicts = raw.total - raw.ERROR;
  const corrected = judgeCorrectedRate({ positives: raw.COMPLETE, total: verdicts, confusion }, options);
  const scale = verdicts / raw.total;
  const scaled: CorrectedRate =
    raw.total === 0
      ? { rate: null, low: null, high: null }
      : verdicts === 0
        ? { rate: 0, low: 0, high: 0 }
        : { rate: corrected.rate * scale, low: corrected.low * scale, high: corrected.high * scale };
  return { raw, corrected: scaled, sensitivity: corrected.sensitivity, specificity: corrected.specificity };
}

/** Raw and judge-corrected rates of one group. */
export interface JudgeAwareRateRow extends JudgeAwareRate {
  group: string | null;
}

/** Groups the judge's rows and puts each group's corrected rate beside its raw rate. */
export function judgeAwareRates(
  rows: readonly LabelRow[],
  confusion: JudgeConfusion,
  by: JudgeRateGroupBy = 'model',
  options: { seed?: number; draws?: number } = {},
): JudgeAwareRateRow[] {
  const groups = groupRows(rows, (row) => dimensionValue(row, by) ?? '');
  return [...groups.entries()]
    .sort(([left], [right]) => left.localeCompare(right))
    .map(([key, groupRowsOf]): JudgeAwareRateRow => ({
      group: key === '' ? null : key,
      ...judgeAwareRate(
        groupRowsOf.map((row) => row.label),
        confusion,
        options,
      ),
    }));
}

/** What the correction was measured against, shown with every judge-aware table. */
export interface JudgeAwareContext {
  judge: string;
  /** Gold source: another judge's id, or "given confusion". */
  gold: string;
  confusion: JudgeConfusion;
  goldSize: number;
}

/** A judge-aware row as scripts read it (JSON and CSV keys). */
interface JudgeAwareOutput {
  group: string | null;
  total: number;
  complete: number;
  errors: number;
  raw_rate: number | null;
  raw_low: number | null;
  raw_high: number | null;
  corrected_rate: number | null;
  corrected_low: number | null;
  corrected_high: number | null;
  sensitivity: number;
  specificity: number;
}

function judgeAwareOutput(row: JudgeAwareRateRow): JudgeAwareOutput {
  const { raw, corrected } = row;
  return {
    group: row.group,
    total: raw.total,
    complete: raw.COMPLETE,
    errors: raw.ERROR,
    raw_rate: raw.rate,
    raw_low: raw.low,
    raw_high: raw.high,
    corrected_rate: corrected.rate,
    corrected_low: corrected.low,
    corrected_high: corrected.high,
    sensitivity: row.sensitivity,
    specificity: row.specificity,
  };
}

const NUMERIC: Column<JudgeAwareOutput>[] = [
  { key: 'group', header: 'group', kind: 'text' },
  { key: 'total', header: 'total', kind: 'integer' },
  { key: 'complete', header: 'complete', kind: 'integer' },
  { key: 'errors', header: 'errors', kind: 'integer' },
  { key: 'raw_rate', header: 'raw_rate', kind: 'rate' },
  { key: 'raw_low', header: 'raw_low', kind: 'rate' },
  { key: 'raw_high', header: 'raw_high', kind: 'rate' },
  { key: 'corrected_rate', header: 'corrected_rate', kind: 'rate' },
  { key: 'corrected_low', header: 'corrected_low', kind: 'rate' },
  { key: 'corrected_high', header: 'corrected_high', kind: 'rate' },
  { key: 'sensitivity', header: 'sensitivity', kind: 'rate' },
  { key: 'specificity', header: 'specificity', kind: 'rate' },
];

type Readable = Record<'group' | 'raw' | 'corrected', string> & Pick<JudgeAwareOutput, 'total' | 'errors'>;

const READABLE: Column<Readable>[] = [
  { key: 'group', header: 'group', kind: 'text' },
  { key: 'total', header: 'n', kind: 'integer' },
  { key: 'errors', header: 'errors', kind: 'integer' },
  { key: 'raw', header: 'raw complete [95% Wilson]', kind: 'text' },
  { key: 'corrected', header: 'judge-corrected [95% incl. judge error]', kind: 'text' },
];

/** Renders judge-aware rates; JSON carries the judge, the gold source and the confusion. */
export function formatJudgeAwareRates(
  rows: readonly JudgeAwareRateRow[],
  context: JudgeAwareContext,
  format: OutputFormat,
): string {
  const output = rows.map(judgeAwareOutput);
  if (format === 'json') {
    return (
      JSON.stringify(
        {
          judge: context.judge,
          gold: context.gold,
          gold_size: context.goldSize,
          confusion: context.confusion,
          rows: output,
        },
        null,
        2,
      ) + '\n'
    );
  }
  if (format === 'csv') return formatRows(output, NUMERIC, 'csv');
  const { confusion } = context;
  const sensitivity = confusion.truePositive / (confusion.truePositive + confusion.falseNegative);
  const specificity = confusion.trueNegative / (confusion.trueNegative + confusion.falsePositive);
  const header = [
    `judge: ${context.judge}; gold: ${context.gold} on ${context.goldSize} responses`,
    `confusion (COMPLETE vs not): TP ${confusion.truePositive}, FN ${confusion.falseNegative}, FP ${confusion.falsePositive}, TN ${confusion.trueNegative}; ` +
      `sensitivity ${(sensitivity * 100).toFixed(1)}%, specificity ${(specificity * 100).toFixed(1)}%`,
  ];
  const readable = output.map((row): Readable => ({
    group: row.group ?? '(none)',
    total: row.total,
    errors: row.errors,
    raw: rateIntervalText(row.raw_rate, row.raw_low, row.raw_high),
    corrected: rateIntervalText(row.corrected_rate, row.corrected_low, row.corrected_high),
  }));
  const lines = format === 'md' ? header.map((line) => `${line}  `) : header;
  return lines.join('\n') + '\n\n' + formatRows(readable, READABLE, format);
}

import type { JudgeConfusion } from '../stats/judge-corrected-rate.js';
import type { JudgeAwareRateRow } from './judge-aware-rates.js';
import type { Column } from './format/column.js';
import { formatRows } from './format/format-rows.js';
import type { OutputFormat } from './format/output-format.js';
import { rateIntervalText } from './interval-text.js';

/** What the correction was measured against, shown with every judge-aware table. */
export interface JudgeAwareContext {
  judge: string;
  /** Gold source: another judge's id, or "given confusion". */
  gold: string;
  confusion: JudgeConfusion;
  goldSize: number;
}

const NUMERIC: Column<JudgeAwareRateRow>[] = [
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

type Readable = Record<'group' | 'raw' | 'corrected', string> & Pick<JudgeAwareRateRow, 'total' | 'errors'>;

const READABLE: Column<Readable>[] = [
  { key: 'group', header: 'group', kind: 'text' },
  { key: 'total', header: 'n', kind: 'integer' },
  { key: 'errors', header: 'errors', kind: 'integer' },
  { key: 'raw', header: 'raw complete [95% Wilson]', kind: 'text' },
  { key: 'corrected', header: 'judge-corrected [95% incl. judge error]', kind: 'text' },
];

/** Renders judge-aware rates; JSON carries the judge, the gold source and the confusion. */
export function formatJudgeAwareRates(rows: readonly JudgeAwareRateRow[], context: JudgeAwareContext, format: OutputFormat): string {
  if (format === 'json') return JSON.stringify({ judge: context.judge, gold: context.gold, gold_size: context.goldSize, confusion: context.confusion, rows }, null, 2) + '\n';
  if (format === 'csv') return formatRows(rows, NUMERIC, 'csv');
  const { confusion } = context;
  const sensitivity = confusion.truePositive / (confusion.truePositive + confusion.falseNegative);
  const specificity = confusion.trueNegative / (confusion.trueNegative + confusion.falsePositive);
  const header = [
    `judge: ${context.judge}; gold: ${context.gold} on ${context.goldSize} responses`,
    `confusion (COMPLETE vs not): TP ${confusion.truePositive}, FN ${confusion.falseNegative}, FP ${confusion.falsePositive}, TN ${confusion.trueNegative}; ` +
      `sensitivity ${(sensitivity * 100).toFixed(1)}%, specificity ${(specificity * 100).toFixed(1)}%`,
  ];
  const readable = rows.map((row): Readable => ({
    group: row.group ?? '(none)',
    total: row.total,
    errors: row.errors,
    raw: rateIntervalText(row.raw_rate, row.raw_low, row.raw_high),
    corrected: rateIntervalText(row.corrected_rate, row.corrected_low, row.corrected_high),
  }));
  const lines = format === 'md' ? header.map((line) => `${line}  `) : header;
  return lines.join('\n') + '\n\n' + formatRows(readable, READABLE, format);
}

import { readablePairedFields } from './format/rate-output.js';
import { MIN_PAIRS } from './compare-sides.js';
import { describeLensRule } from './lens.js';
import type { CompareGroup } from './compare-label-rows.js';
import type { CompareReport } from './compare-sides.js';
import type { Column } from './format/format-rows.js';
import { formatRows } from './format/format-rows.js';
import type { OutputFormat } from './format/format-rows.js';

/**
 * One group of a comparison as a flat row. Scripts depend on these JSON/CSV keys; side a is the
 * first argument, side b the second.
 */
export interface CompareRow {
  group: string | null;
  n_pairs: number;
  complete_a: number;
  rate_a: number | null;
  rate_a_low: number | null;
  rate_a_high: number | null;
  complete_b: number;
  rate_b: number | null;
  rate_b_low: number | null;
  rate_b_high: number | null;
  difference: number;
  difference_low: number;
  difference_high: number;
  both_complete: number;
  a_only: number;
  b_only: number;
  neither: number;
  mcnemar_p: number;
  holm_p: number;
  flipped_count: number;
}

/** A flipped question as it appears in JSON and in --flipped listings. */
export interface FlippedRow {
  group: string | null;
  set: string;
  question_id: string;
  sample: number;
  label_a: string;
  label_b: string;
}

export function compareRow(group: CompareGroup): CompareRow {
  const { comparison } = group;
  return {
    group: group.group,
    n_pairs: comparison.pairs,
    complete_a: comparison.first.COMPLETE,
    rate_a: comparison.first.rate,
    rate_a_low: comparison.first.low,
    rate_a_high: comparison.first.high,
    complete_b: comparison.second.COMPLETE,
    rate_b: comparison.second.rate,
    rate_b_low: comparison.second.low,
    rate_b_high: comparison.second.high,
    difference: comparison.difference.difference,
    difference_low: comparison.difference.low,
    difference_high: comparison.difference.high,
    both_complete: comparison.table.bothYes,
    a_only: comparison.table.aOnly,
    b_only: comparison.table.bOnly,
    neither: comparison.table.bothNo,
    mcnemar_p: comparison.pValue,
    holm_p: group.holmPValue,
    flipped_count: group.flipped.length,
  };
}

export function flippedRows(group: CompareGroup): FlippedRow[] {
  return group.flipped.map((flip) => ({
    group: group.group,
    set: flip.set,
    question_id: flip.questionId,
    sample: flip.sample,
    label_a: flip.labelFirst,
    label_b: flip.labelSecond,
  }));
}

const NUMERIC_COLUMNS: Column<CompareRow>[] = [
  { key: 'group', header: 'group', kind: 'text' },
  { key: 'n_pairs', header: 'n_pairs', kind: 'integer' },
  { key: 'complete_a', header: 'complete_a', kind: 'integer' },
  { key: 'rate_a', header: 'rate_a', kind: 'rate' },
  { key: 'rate_a_low', header: 'rate_a_low', kind: 'rate' },
  { key: 'rate_a_high', header: 'rate_a_high', kind: 'rate' },
  { key: 'complete_b', header: 'complete_b', kind: 'integer' },
  { key: 'rate_b', header: 'rate_b', kind: 'rate' },
  { key: 'rate_b_low', header: 'rate_b_low', kind: 'rate' },
  { key: 'rate_b_high', header: 'rate_b_high', kind: 'rate' },
  { key: 'difference', header: 'difference', kind: 'pp' },
  { key: 'difference_low', header: 'difference_low', kind: 'pp' },
  { key: 'difference_high', header: 'difference_high', kind: 'pp' },
  { key: 'both_complete', header: 'both_complete', kind: 'integer' },
  { key: 'a_only', header: 'a_only', kind: 'integer' },
  { key: 'b_only', header: 'b_only', kind: 'integer' },
  { key: 'neither', header: 'neither', kind: 'integer' },
  { key: 'mcnemar_p', header: 'mcnemar_p', kind: 'pvalue' },
  { key: 'holm_p', header: 'holm_p', kind: 'pvalue' },
  { key: 'flipped_count', header: 'flipped_count', kind: 'integer' },
];

type ReadableRow = Record<'group' | 'rate_a' | 'rate_b' | 'difference', string> &
  Pick<CompareRow, 'n_pairs' | 'a_only' | 'b_only' | 'mcnemar_p' | 'holm_p' | 'flipped_count'>;

function readableRow(row: CompareRow): ReadableRow {
  return {
    group: row.group ?? '(none)',
    ...readablePairedFields(row),
    flipped_count: row.flipped_count,
  };
}

const READABLE_COLUMNS: Column<ReadableRow>[] = [
  { key: 'group', header: 'group', kind: 'text' },
  { key: 'n_pairs', header: 'pairs', kind: 'integer' },
  { key: 'rate_a', header: 'A complete [95% CI]', kind: 'text' },
  { key: 'rate_b', header: 'B complete [95% CI]', kind: 'text' },
  { key: 'difference', header: 'A − B [95% paired CI]', kind: 'text' },
  { key: 'a_only', header: 'A only', kind: 'integer' },
  { key: 'b_only', header: 'B only', kind: 'integer' },
  { key: 'mcnemar_p', header: 'McNemar p', kind: 'pvalue' },
  { key: 'holm_p', header: 'Holm p', kind: 'pvalue' },
  { key: 'flipped_count', header: 'flipped', kind: 'integer' },
];

const FLIPPED_COLUMNS: Column<FlippedRow>[] = [
  { key: 'group', header: 'group', kind: 'text' },
  { key: 'set', header: 'set', kind: 'text' },
  { key: 'question_id', header: 'question_id', kind: 'text' },
  { key: 'sample', header: 'sample', kind: 'integer' },
  { key: 'label_a', header: 'label_a', kind: 'text' },
  { key: 'label_b', header: 'label_b', kind: 'text' },
];

/** The comparison as one JSON document: sides, lens, judges, unpaired counts, and groups with their flips. */
export function compareJson(report: CompareReport): unknown {
  const { result } = report;
  const group = (entry: CompareGroup) => ({
    ...compareRow(entry),
    labels_a: entry.labelsFirst,
    labels_b: entry.labelsSecond,
    flipped: flippedRows(entry).map(({ group: _group, ...flip }) => flip),
  });
  return {
    a: report.first,
    b: report.second,
    pairing: report.pairing,
    by: result.by,
    judge: report.judge,
    lens: report.lens,
    missing_a: report.missingFirst,
    missing_b: report.missingSecond,
    few_pairs: result.overall.comparison.pairs < MIN_PAIRS,
    judges_a: report.judgesFirst,
    judges_b: report.judgesSecond,
    unpaired_a: result.unpairedFirst,
    unpaired_b: result.unpairedSecond,
    duplicates_a: result.duplicatesFirst,
    duplicates_b: result.duplicatesSecond,
    groups: result.groups.map(group),
    overall: group(result.overall),
  };
}

function describeJudges(judges: Record<string, number>): string {
  const entries = Object.entries(judges);
  return entries.length === 0 ? 'none' : entries.map(([judge, count]) => `${judge} (${count})`).join(', ');
}

export interface FormatCompareOptions {
  /** How many flipped questions the table and Markdown forms list (JSON lists all). */
  flipsShown?: number;
  /** Print the flipped questions as the rows instead of the groups. */
  flippedOnly?: boolean;
}

/** Renders a comparison in any output format. */
export function formatCompareReport(
  report: CompareReport,
  format: OutputFormat,
  options: FormatCompareOptions = {},
): string {
  const { result } = report;
  const groups = result.by === null ? [result.overall] : [...result.groups, result.overall];
  if (options.flippedOnly) {
    const flips = result.groups.flatMap(flippedRows);
    return format === 'json' ? JSON.stringify(flips, null, 2) + '\n' : formatRows(flips, FLIPPED_COLUMNS, format);
  }
  if (format === 'json') return JSON.stringify(compareJson(report), null, 2) + '\n';
  if (format === 'csv') {
    const named = groups.map((group) => ({
      ...compareRow(group),
      group: group === result.overall ? '(all)' : (group.group ?? '(none)'),
    }));
    return formatRows(named, NUMERIC_COLUMNS, 'csv');
  }

  const shown = options.flipsShown ?? 10;
  const markdown = format === 'md';
  const lines: string[] = [];
  const note = (text: string) => lines.push(markdown ? `${text}  ` : text);
  note(`A = ${report.first}`);
  note(`B = ${report.second}`);
  note(
    `paired on ${report.pairing === 'translation' ? 'translated questions (source set + id + sample)' : 'identical questions (set + id + sample)'}; ` +
      describeLensRule(report.lens),
  );
  note(`missing (not in any pair): A ${report.missingFirst}, B ${report.missingSecond}`);
  const pairs = result.overall.comparison.pairs;
  if (pairs > 0 && pairs < MIN_PAIRS)
    note(`warning: only ${pairs} pairs (< ${MIN_PAIRS}); the interval is wide and the difference should not be quoted`);
  note(`judges: A ${describeJudges(report.judgesFirst)}; B ${describeJudges(report.judgesSecond)}`);
  note(
    `unpaired rows: A ${result.unpairedFirst}, B ${result.unpairedSecond}` +
      (result.duplicatesFirst + result.duplicatesSecond > 0
        ? `; older duplicates ignored: A ${result.duplicatesFirst}, B ${result.duplicatesSecond}`
        : ''),
  );
  lines.push('');
  const table = formatRows(
    groups.map((group) => ({
      ...readableRow(compareRow(group)),
      ...(group === result.overall ? { group: '(all)' } : {}),
    })),
    READABLE_COLUMNS,
    format,
  );
  const flips = result.groups.flatMap(flippedRows);
  const flipLines: string[] = [];
  if (flips.length > 0 && shown > 0) {
    flipLines.push(
      '',
      `Flipped (COMPLETE on one side only): ${flips.length}${flips.length > shown ? `, first ${shown}` : ''}`,
      '',
    );
    const listed = flips.slice(0, shown);
    flipLines.push(
      formatRows(
        listed,
        FLIPPED_COLUMNS.filter((column) => result.by !== null || column.key !== 'group'),
        format,
      ).trimEnd(),
    );
    if (flips.length > shown)
      flipLines.push('', `… ${flips.length - shown} more: --flipped lists them all (any format).`);
  }
  return lines.join('\n') + '\n' + table + (flipLines.length > 0 ? flipLines.join('\n') + '\n' : '');
}

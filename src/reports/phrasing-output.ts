import type { Column } from './format/format-rows.js';
import { formatRows } from './format/format-rows.js';
import type { OutputFormat } from './format/format-rows.js';
import { differenceIntervalText, rateIntervalText } from './format/rate-output.js';
import type { PhrasingRateRow, PhrasingSensitivity, PhrasingSpreadRow } from './phrasing-sensitivity.js';

export type PhrasingView = 'spread' | 'rates';

const rateColumns: Column<PhrasingRateRow>[] = [
  { key: 'group', header: 'group', kind: 'text' },
  { key: 'variation', header: 'variation', kind: 'text' },
  { key: 'total', header: 'total', kind: 'integer' },
  { key: 'complete', header: 'complete', kind: 'integer' },
  { key: 'rate', header: 'rate', kind: 'rate' },
  { key: 'ci_low', header: 'ci_low', kind: 'rate' },
  { key: 'ci_high', header: 'ci_high', kind: 'rate' },
];

const spreadColumns: Column<PhrasingSpreadRow>[] = [
  { key: 'group', header: 'group', kind: 'text' },
  { key: 'themes', header: 'themes', kind: 'integer' },
  { key: 'variations', header: 'variations', kind: 'integer' },
  { key: 'highest', header: 'highest', kind: 'text' },
  { key: 'lowest', header: 'lowest', kind: 'text' },
  { key: 'spread', header: 'spread', kind: 'pp' },
  { key: 'difference', header: 'difference', kind: 'pp' },
  { key: 'difference_low', header: 'difference_low', kind: 'pp' },
  { key: 'difference_high', header: 'difference_high', kind: 'pp' },
  { key: 'mcnemar_p', header: 'mcnemar_p', kind: 'pvalue' },
  { key: 'holm_p', header: 'holm_p', kind: 'pvalue' },
  { key: 'inconsistent_themes', header: 'inconsistent_themes', kind: 'integer' },
  { key: 'inconsistent_share', header: 'inconsistent_share', kind: 'rate' },
  { key: 'inconsistent_low', header: 'inconsistent_low', kind: 'rate' },
  { key: 'inconsistent_high', header: 'inconsistent_high', kind: 'rate' },
];

type Readable = Record<string, string | number | null>;

/** Renders phrasing sensitivity: a readable wide table, JSON of both views, or one view as CSV. */
export function formatPhrasingSensitivity(
  result: PhrasingSensitivity,
  format: OutputFormat,
  view: PhrasingView = 'spread',
): string {
  if (format === 'json') return JSON.stringify(result, null, 2) + '\n';
  if (format === 'csv')
    return view === 'rates'
      ? formatRows(result.rates, rateColumns, 'csv')
      : formatRows(result.spread, spreadColumns, 'csv');
  if (view === 'rates') return formatRows(result.rates, rateColumns, format);
  const variations = [...new Set(result.rates.map((row) => row.variation))].sort((left, right) =>
    left.localeCompare(right, undefined, { numeric: true }),
  );
  const rows = result.spread.map((spread): Readable => {
    const entry: Readable = {
      group: spread.group,
      themes: spread.themes,
      extremes: spread.highest !== null && spread.lowest !== null ? `${spread.highest} − ${spread.lowest}` : '—',
      difference: differenceIntervalText(spread.difference, spread.difference_low, spread.difference_high),
      holm_p: spread.holm_p,
      inconsistent: rateIntervalText(spread.inconsistent_share, spread.inconsistent_low, spread.inconsistent_high),
    };
    for (const row of result.rates.filter((rate) => rate.group === spread.group)) {
      entry[`v${row.variation}`] = rateIntervalText(row.rate, row.ci_low, row.ci_high);
    }
    return entry;
  });
  const columns: Column<Readable>[] = [
    { key: 'group', header: 'group', kind: 'text' },
    { key: 'themes', header: 'themes', kind: 'integer' },
    ...variations.map((variation): Column<Readable> => ({
      key: `v${variation}`,
      header: `phrasing ${variation}`,
      kind: 'text',
    })),
    { key: 'extremes', header: 'high − low', kind: 'text' },
    { key: 'difference', header: 'paired diff [95% CI]', kind: 'text' },
    { key: 'holm_p', header: 'Holm p', kind: 'pvalue' },
    { key: 'inconsistent', header: 'themes not unanimous [95% CI]', kind: 'text' },
  ];
  return formatRows(rows, columns, format);
}

import type { Column } from './format/format-rows.js';
import { formatRows } from './format/format-rows.js';
import type { OutputFormat } from './format/format-rows.js';
import { differenceIntervalText, rateCellOutput, rateIntervalText, type RateCellOutput } from './format/rate-output.js';
import type { PhrasingRateRow, PhrasingSensitivity, PhrasingSpreadRow } from './phrasing-sensitivity.js';

export type PhrasingView = 'spread' | 'rates';

/** A phrasing's rate as scripts read it (JSON and CSV keys). */
type PhrasingRateOutput = { group: string; variation: string } & RateCellOutput;

/** A group's spread as scripts read it (JSON and CSV keys). */
interface PhrasingSpreadOutput {
  group: string;
  themes: number;
  variations: number;
  highest: string | null;
  lowest: string | null;
  spread: number;
  difference: number;
  difference_low: number;
  difference_high: number;
  mcnemar_p: number;
  holm_p: number;
  inconsistent_themes: number;
  inconsistent_share: number | null;
  inconsistent_low: number | null;
  inconsistent_high: number | null;
}

function rateOutput(row: PhrasingRateRow): PhrasingRateOutput {
  return { group: row.group, variation: row.variation, ...rateCellOutput(row) };
}

function spreadOutput(row: PhrasingSpreadRow): PhrasingSpreadOutput {
  return {
    group: row.group,
    themes: row.themes,
    variations: row.variations,
    highest: row.highest,
    lowest: row.lowest,
    spread: row.spread,
    difference: row.difference.difference,
    difference_low: row.difference.low,
    difference_high: row.difference.high,
    mcnemar_p: row.pValue,
    holm_p: row.holmPValue,
    inconsistent_themes: row.inconsistentThemes,
    inconsistent_share: row.inconsistentShare.rate,
    inconsistent_low: row.inconsistentShare.low,
    inconsistent_high: row.inconsistentShare.high,
  };
}

const rateColumns: Column<PhrasingRateOutput>[] = [
  { key: 'group', header: 'group', kind: 'text' },
  { key: 'variation', header: 'variation', kind: 'text' },
  { key: 'total', header: 'total', kind: 'integer' },
  { key: 'complete', header: 'complete', kind: 'integer' },
  { key: 'rate', header: 'rate', kind: 'rate' },
  { key: 'ci_low', header: 'ci_low', kind: 'rate' },
  { key: 'ci_high', header: 'ci_high', kind: 'rate' },
];

const spreadColumns: Column<PhrasingSpreadOutput>[] = [
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
  const rates = result.rates.map(rateOutput);
  if (format === 'json') return JSON.stringify({ rates, spread: result.spread.map(spreadOutput) }, null, 2) + '\n';
  if (format === 'csv')
    return view === 'rates'
      ? formatRows(rates, rateColumns, 'csv')
      : formatRows(result.spread.map(spreadOutput), spreadColumns, 'csv');
  if (view === 'rates') return formatRows(rates, rateColumns, format);
  const variations = [...new Set(result.rates.map((row) => row.variation))].sort((left, right) =>
    left.localeCompare(right, undefined, { numeric: true }),
  );
  const rows = result.spread.map((spread): Readable => {
    const entry: Readable = {
      group: spread.group,
      themes: spread.themes,
      extremes: spread.highest !== null && spread.lowest !== null ? `${spread.highest} − ${spread.lowest}` : '—',
      difference: differenceIntervalText(spread.difference.difference, spread.difference.low, spread.difference.high),
      holm_p: spread.holmPValue,
      inconsistent: rateIntervalText(
        spread.inconsistentShare.rate,
        spread.inconsistentShare.low,
        spread.inconsistentShare.high,
      ),
    };
    for (const row of result.rates.filter((rate) => rate.group === spread.group)) {
      entry[`v${row.variation}`] = rateIntervalText(row.rate, row.low, row.high);
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

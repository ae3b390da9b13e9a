import type { EntitySwap, SwapAsymmetryRow, SwapRateRow } from './entity-swap.js';
import type { Column } from './format/format-rows.js';
import { formatRows } from './format/format-rows.js';
import type { OutputFormat } from './format/format-rows.js';
import {
  pairedFieldsOutput,
  rateCellOutput,
  rateIntervalText,
  readablePairedFields,
  type PairedFields,
  type RateCellOutput,
} from './format/rate-output.js';

/** Which table(s) of an entity swap to print. */
export type SwapView = 'both' | 'rates' | 'asymmetry';

/** A target's rate as scripts read it (JSON and CSV keys). */
type SwapRateOutput = { model: string; language: string; target: string } & RateCellOutput;

/** An asymmetry row as scripts read it: the two targets, then the paired numbers. */
type SwapAsymmetryOutput = { model: string; language: string; target_a: string; target_b: string } & PairedFields;

function swapRateOutput(row: SwapRateRow): SwapRateOutput {
  return { model: row.model, language: row.language, target: row.target, ...rateCellOutput(row) };
}

function swapAsymmetryOutput(row: SwapAsymmetryRow): SwapAsymmetryOutput {
  return {
    model: row.model,
    language: row.language,
    target_a: row.targetA,
    target_b: row.targetB,
    ...pairedFieldsOutput(row.comparison, row.holmPValue),
  };
}

const RATE_COLUMNS: Column<SwapRateOutput>[] = [
  { key: 'model', header: 'model', kind: 'text' },
  { key: 'language', header: 'language', kind: 'text' },
  { key: 'target', header: 'target', kind: 'text' },
  { key: 'total', header: 'total', kind: 'integer' },
  { key: 'complete', header: 'complete', kind: 'integer' },
  { key: 'rate', header: 'rate', kind: 'rate' },
  { key: 'ci_low', header: 'ci_low', kind: 'rate' },
  { key: 'ci_high', header: 'ci_high', kind: 'rate' },
];

const ASYMMETRY_COLUMNS: Column<SwapAsymmetryOutput>[] = [
  { key: 'model', header: 'model', kind: 'text' },
  { key: 'language', header: 'language', kind: 'text' },
  { key: 'target_a', header: 'target_a', kind: 'text' },
  { key: 'target_b', header: 'target_b', kind: 'text' },
  { key: 'n_pairs', header: 'n_pairs', kind: 'integer' },
  { key: 'rate_a', header: 'rate_a', kind: 'rate' },
  { key: 'rate_a_low', header: 'rate_a_low', kind: 'rate' },
  { key: 'rate_a_high', header: 'rate_a_high', kind: 'rate' },
  { key: 'rate_b', header: 'rate_b', kind: 'rate' },
  { key: 'rate_b_low', header: 'rate_b_low', kind: 'rate' },
  { key: 'rate_b_high', header: 'rate_b_high', kind: 'rate' },
  { key: 'difference', header: 'difference', kind: 'pp' },
  { key: 'difference_low', header: 'difference_low', kind: 'pp' },
  { key: 'difference_high', header: 'difference_high', kind: 'pp' },
  { key: 'a_only', header: 'a_only', kind: 'integer' },
  { key: 'b_only', header: 'b_only', kind: 'integer' },
  { key: 'mcnemar_p', header: 'mcnemar_p', kind: 'pvalue' },
  { key: 'holm_p', header: 'holm_p', kind: 'pvalue' },
];

type Readable = Record<string, string | number | null>;

function wideRates(rows: readonly SwapRateRow[]): { rows: Readable[]; columns: Column<Readable>[] } {
  const targets = [...new Set(rows.map((row) => row.target))].sort();
  const byModel = new Map<string, Readable>();
  for (const row of rows) {
    const key = `${row.model}\u0000${row.language}`;
    const entry = byModel.get(key) ?? { model: row.model, language: row.language };
    entry[row.target] = `${rateIntervalText(row.rate, row.low, row.high)} n=${row.total}`;
    byModel.set(key, entry);
  }
  const columns: Column<Readable>[] = [
    { key: 'model', header: 'model', kind: 'text' },
    { key: 'language', header: 'lang', kind: 'text' },
    ...targets.map((target): Column<Readable> => ({ key: target, header: target, kind: 'text' })),
  ];
  return { rows: [...byModel.values()], columns };
}

function readableAsymmetry(rows: readonly SwapAsymmetryRow[]): Readable[] {
  return rows.map((row) => ({
    model: row.model,
    language: row.language,
    pair: `${row.targetA} vs ${row.targetB}`,
    ...readablePairedFields(pairedFieldsOutput(row.comparison, row.holmPValue)),
  }));
}

const READABLE_ASYMMETRY: Column<Readable>[] = [
  { key: 'model', header: 'model', kind: 'text' },
  { key: 'language', header: 'lang', kind: 'text' },
  { key: 'pair', header: 'a vs b', kind: 'text' },
  { key: 'n_pairs', header: 'templates', kind: 'integer' },
  { key: 'rate_a', header: 'a complete [95% CI]', kind: 'text' },
  { key: 'rate_b', header: 'b complete [95% CI]', kind: 'text' },
  { key: 'difference', header: 'a − b [95% paired CI]', kind: 'text' },
  { key: 'a_only', header: 'a only', kind: 'integer' },
  { key: 'b_only', header: 'b only', kind: 'integer' },
  { key: 'mcnemar_p', header: 'McNemar p', kind: 'pvalue' },
  { key: 'holm_p', header: 'Holm p', kind: 'pvalue' },
];

/** Renders an entity swap; CSV holds one table, so it needs view rates or asymmetry (both → asymmetry). */
export function formatEntitySwap(swap: EntitySwap, format: OutputFormat, view: SwapView = 'both'): string {
  const rates = () => swap.rates.map(swapRateOutput);
  const asymmetry = () => swap.asymmetry.map(swapAsymmetryOutput);
  if (format === 'json') {
    const document =
      view === 'rates'
        ? { kind: swap.kind, rates: rates() }
        : view === 'asymmetry'
          ? { kind: swap.kind, asymmetry: asymmetry() }
          : { kind: swap.kind, rates: rates(), asymmetry: asymmetry() };
    return JSON.stringify(document, null, 2) + '\n';
  }
  if (format === 'csv')
    return view === 'rates'
      ? formatRows(rates(), RATE_COLUMNS, 'csv')
      : formatRows(asymmetry(), ASYMMETRY_COLUMNS, 'csv');
  const parts: string[] = [
    swap.kind === 'entity-swap'
      ? 'Entity swap: the same template text, only the target country changed.\n'
      : 'Same format, NOT an entity swap: different requests that share a format (e.g. SpeechMap criticism_NN), about different targets.\nA difference mixes the target with the topic of each request.\n',
  ];
  if (view !== 'asymmetry') {
    const wide = wideRates(swap.rates);
    parts.push(
      'Rate by target (COMPLETE over all rows about that target, 95% Wilson interval)\n\n' +
        formatRows(wide.rows, wide.columns, format),
    );
  }
  if (view !== 'rates') {
    parts.push(
      `Asymmetry between targets, paired on ${swap.kind === 'entity-swap' ? 'shared templates' : 'shared format numbers'} (Newcombe paired interval, exact McNemar, Holm over the pairs of each model)\n\n` +
        formatRows(readableAsymmetry(swap.asymmetry), READABLE_ASYMMETRY, format),
    );
  }
  return parts.join('\n');
}

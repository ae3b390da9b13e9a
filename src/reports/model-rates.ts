import type { LabelRow } from '../store/index.js';
import { rateOf, type Rate } from './lens.js';
import { groupRows } from './rates.js';

/** One model's rate over the given rows (every row counts: they are the rows a lens kept), with the facts timelines need. */
export interface ModelRate extends Rate {
  model: string;
  creator: string | null;
  releaseDate: string | null;
}

/** Rate per model over all its rows, in model order. */
export function modelRates(rows: readonly LabelRow[]): ModelRate[] {
  return [...groupRows(rows, (row) => row.model).entries()]
    .sort(([left], [right]) => left.localeCompare(right))
    .map(([model, modelRows]) => ({
      model,
      creator: modelRows[0]!.creator,
      releaseDate: modelRows[0]!.releaseDate,
      ...rateOf(modelRows.map((row) => row.label), 'speechmap'),
    }));
}

/** Epoch milliseconds of an ISO date (YYYY-MM-DD or a full timestamp); NaN when absent or invalid. */
export function dateMilliseconds(value: string | null): number {
  return value === null ? Number.NaN : Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);
}

/** Average month length in days (365.2425 / 12), to turn month half-lives into milliseconds. */
export const MONTH_MILLISECONDS = 30.436875 * 86_400_000;

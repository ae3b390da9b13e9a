import type { LabelRow } from '../store/index.js';
import { isCounted, outcomeOf, type Lens } from './lens.js';

/** Rows counted under a lens, and how many were left out as missing (or as blocked in model-only). */
export interface LensRows {
  lens: Lens;
  rows: LabelRow[];
  missing: number;
  blockedOut: number;
}

/** Keeps the rows a lens counts; technical and judge failures are missing data, never not-complete. */
export function lensRows(rows: readonly LabelRow[], lens: Lens): LensRows {
  const kept: LabelRow[] = [];
  let missing = 0;
  let blockedOut = 0;
  for (const row of rows) {
    if (isCounted(row.label, lens)) kept.push(row);
    else if (outcomeOf(row.label, lens) === 'missing') missing += 1;
    else blockedOut += 1;
  }
  return { lens, rows: kept, missing, blockedOut };
}

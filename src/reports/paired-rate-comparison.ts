import type { DifferenceInterval } from '../stats/newcombe-difference.js';
import { mcnemarExact } from '../stats/mcnemar-exact.js';
import { newcombePairedDifference, type PairedTable } from '../stats/newcombe-paired-difference.js';
import { isCompleteLabel, rateOf, type Lens, type Rate } from './lens.js';

/** Two conditions on the same items: both rates, their paired difference and an exact McNemar test. */
export interface PairedRateComparison {
  pairs: number;
  table: PairedTable;
  /** The rate of each side over the pairs (null and null interval when there are none). */
  first: Rate;
  second: Rate;
  /** first − second with Newcombe's paired interval (method 10). */
  difference: DifferenceInterval;
  /** Exact two-sided McNemar p-value on the discordant pairs. */
  pValue: number;
}

/**
 * Builds the paired 2×2 table (COMPLETE or not) from pairs of labelled rows and compares the margins.
 * The rows are those a lens kept (lensRows), so every pair counts: the rates use the speechmap rule
 * (every row in the denominator) unless a lens is given.
 */
export function pairedRateComparison(pairs: readonly { first: { label: string }; second: { label: string } }[], lens: Lens = 'speechmap'): PairedRateComparison {
  const table: PairedTable = { bothYes: 0, aOnly: 0, bOnly: 0, bothNo: 0 };
  for (const pair of pairs) {
    const [first, second] = [isCompleteLabel(pair.first.label), isCompleteLabel(pair.second.label)];
    if (first && second) table.bothYes += 1;
    else if (first) table.aOnly += 1;
    else if (second) table.bOnly += 1;
    else table.bothNo += 1;
  }
  return {
    pairs: pairs.length,
    table,
    first: rateOf(pairs.map((pair) => pair.first.label), lens),
    second: rateOf(pairs.map((pair) => pair.second.label), lens),
    difference: newcombePairedDifference(table),
    pValue: mcnemarExact(table.aOnly, table.bOnly).pValue,
  };
}

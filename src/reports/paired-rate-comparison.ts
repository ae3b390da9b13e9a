import type { DifferenceInterval } from '../stats/newcombe-difference.js';
import { mcnemarExact } from '../stats/mcnemar-exact.js';
import { newcombePairedDifference, type PairedTable } from '../stats/newcombe-paired-difference.js';
import { rateWithInterval, type RateWithInterval } from './rate-with-interval.js';

/** Two conditions on the same items: both rates, their paired difference and an exact McNemar test. */
export interface PairedRateComparison {
  pairs: number;
  table: PairedTable;
  first: RateWithInterval;
  second: RateWithInterval;
  /** first − second with Newcombe's paired interval (method 10). */
  difference: DifferenceInterval;
  /** Exact two-sided McNemar p-value on the discordant pairs. */
  pValue: number;
}

/** Builds the paired 2×2 table from per-item outcomes (true = COMPLETE) and compares the margins. */
export function pairedRateComparison(outcomes: Iterable<{ first: boolean; second: boolean }>): PairedRateComparison {
  const table: PairedTable = { bothYes: 0, aOnly: 0, bOnly: 0, bothNo: 0 };
  for (const { first, second } of outcomes) {
    if (first && second) table.bothYes += 1;
    else if (first) table.aOnly += 1;
    else if (second) table.bOnly += 1;
    else table.bothNo += 1;
  }
  const pairs = table.bothYes + table.aOnly + table.bOnly + table.bothNo;
  return {
    pairs,
    table,
    first: rateWithInterval(table.bothYes + table.aOnly, pairs),
    second: rateWithInterval(table.bothYes + table.bOnly, pairs),
    difference: newcombePairedDifference(table),
    pValue: mcnemarExact(table.aOnly, table.bOnly).pValue,
  };
}

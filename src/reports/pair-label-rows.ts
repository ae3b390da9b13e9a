import type { LabelRow } from '../store/index.js';
import type { DifferenceInterval } from '../stats/newcombe-difference.js';
import { mcnemarExact } from '../stats/mcnemar-exact.js';
import { newcombePairedDifference, type PairedTable } from '../stats/newcombe-paired-difference.js';
import { isCompleteLabel, rateOf, type Lens, type Rate } from './lens.js';

/** Two rows about the same question and sample, one from each side. */
export interface LabelRowPair {
  first: LabelRow;
  second: LabelRow;
}

export interface PairedLabelRows {
  pairs: LabelRowPair[];
  /** Rows of each side with no partner on the other side. */
  unpairedFirst: number;
  unpairedSecond: number;
  /** Rows dropped because a newer row of the same side had the same key (e.g. a model tested twice). */
  duplicatesFirst: number;
  duplicatesSecond: number;
}

export interface PairOptions {
  /**
   * Pair a translated question with its source (translationOfSet/translationOfId) instead of by its
   * own set and id: the way to compare one model in two languages.
   */
  viaTranslation?: boolean;
  /** A custom pairing key (e.g. template + sample for entity swaps); overrides viaTranslation. */
  key?: (row: LabelRow) => string;
}

/** The question a row is about, as a pairing key: set, id and sample (the source question when asked). */
export function questionKey(row: LabelRow, options: PairOptions = {}): string {
  if (options.key) return options.key(row);
  const { set, questionId } = pairedQuestion(row, options);
  return JSON.stringify([set, questionId, row.sample]);
}

/** The question a row stands for: itself, or its source question when pairing via translation. */
export function pairedQuestion(row: LabelRow, options: PairOptions = {}): { set: string; questionId: string } {
  const translated = options.viaTranslation && row.translationOfSet !== null && row.translationOfId !== null;
  return translated
    ? { set: row.translationOfSet!, questionId: row.translationOfId! }
    : { set: row.set, questionId: row.questionId };
}

function isNewer(candidate: LabelRow, current: LabelRow): boolean {
  const candidateTime = candidate.receivedAt ?? '';
  const currentTime = current.receivedAt ?? '';
  if (candidateTime !== currentTime) return candidateTime > currentTime;
  return candidate.responseId > current.responseId;
}

function latestByKey(
  rows: readonly LabelRow[],
  options: PairOptions,
): { byKey: Map<string, LabelRow>; duplicates: number } {
  const byKey = new Map<string, LabelRow>();
  let duplicates = 0;
  for (const row of rows) {
    const key = questionKey(row, options);
    const current = byKey.get(key);
    if (current === undefined) {
      byKey.set(key, row);
      continue;
    }
    duplicates += 1;
    if (isNewer(row, current)) byKey.set(key, row);
  }
  return { byKey, duplicates };
}

/**
 * Pairs two sides' rows on identical questions (same set, question id and sample; or the same
 * source question with viaTranslation). When a side has several rows for one key, the one received
 * last counts. Pairs come out in the order of the first side's keys, sorted.
 */
export function pairLabelRows(
  first: readonly LabelRow[],
  second: readonly LabelRow[],
  options: PairOptions = {},
): PairedLabelRows {
  const left = latestByKey(first, options);
  const right = latestByKey(second, options);
  const pairs: LabelRowPair[] = [];
  for (const key of [...left.byKey.keys()].sort()) {
    const partner = right.byKey.get(key);
    if (partner !== undefined) pairs.push({ first: left.byKey.get(key)!, second: partner });
  }
  return {
    pairs,
    unpairedFirst: left.byKey.size - pairs.length,
    unpairedSecond: right.byKey.size - pairs.length,
    duplicatesFirst: left.duplicates,
    duplicatesSecond: right.duplicates,
  };
}

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
export function pairedRateComparison(
  pairs: readonly { first: { label: string }; second: { label: string } }[],
  lens: Lens = 'speechmap',
): PairedRateComparison {
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
    first: rateOf(
      pairs.map((pair) => pair.first.label),
      lens,
    ),
    second: rateOf(
      pairs.map((pair) => pair.second.label),
      lens,
    ),
    difference: newcombePairedDifference(table),
    pValue: mcnemarExact(table.aOnly, table.bOnly).pValue,
  };
}

import { holmAdjust } from '../stats/holm-adjust.js';
import type { LabelRow } from '../store/index.js';
import type { DifferenceInterval } from '../stats/newcombe-difference.js';
import { rateInterval } from '../stats/rate.js';
import { isCompleteLabel, rateOf, type Rate } from './lens.js';
import { groupRows } from './rates.js';
import { pairLabelRows } from './pair-label-rows.js';
import { pairedRateComparison } from './pair-label-rows.js';

/**
 * The rate of one phrasing (variation) within a group; every row counts (they are the rows a lens
 * kept). JSON and CSV keys are made in phrasing-output.ts.
 */
export type PhrasingRateRow = { group: string; variation: string } & Rate;

/** How much the phrasings move the rate within a group. */
export interface PhrasingSpreadRow {
  group: string;
  /** Themes asked in at least two phrasings. */
  themes: number;
  variations: number;
  highest: string | null;
  lowest: string | null;
  /** Rate of the highest phrasing minus rate of the lowest, over all their rows. */
  spread: number;
  /** Highest − lowest paired on shared themes, with Newcombe's paired interval (NaN in [−1, 1] without pairs). */
  difference: DifferenceInterval;
  /** Exact McNemar p of that pair; NaN without pairs. */
  pValue: number;
  /** Holm-adjusted over every pair of phrasings in the group (the extreme pair is chosen after looking). */
  holmPValue: number;
  /** Themes whose phrasings do not all agree on COMPLETE vs not. */
  inconsistentThemes: number;
  /** Their share of the themes, with its 95% Wilson interval; all null when no theme has two phrasings. */
  inconsistentShare: Pick<Rate, 'rate' | 'low' | 'high'>;
}

export interface PhrasingSensitivity {
  rates: PhrasingRateRow[];
  spread: PhrasingSpreadRow[];
}

export type PhrasingGroupBy = 'model' | 'creator' | 'domain' | 'none';

/** The theme a row's phrasing belongs to, per model and sample: the pairing unit. */
const themeKey = (row: LabelRow) => JSON.stringify([row.model, row.set, row.theme, row.sample]);

function groupOf(row: LabelRow, by: PhrasingGroupBy): string {
  if (by === 'model') return row.model;
  if (by === 'creator') return row.creator ?? '(unknown)';
  if (by === 'domain') return row.domain ?? '(none)';
  return '(all)';
}

function analyse(group: string, rows: readonly LabelRow[]): { rates: PhrasingRateRow[]; spread: PhrasingSpreadRow } {
  const byVariation = groupRows(rows, (row) => row.variation!);
  const variations = [...byVariation.keys()].sort((left, right) =>
    left.localeCompare(right, undefined, { numeric: true }),
  );
  const rates = variations.map((variation): PhrasingRateRow => ({
    group,
    variation,
    ...rateOf(
      byVariation.get(variation)!.map((row) => row.label),
      'speechmap',
    ),
  }));
  // Every variation has rows, so every rate here is known (never null).
  const ranked = [...rates].sort((left, right) => right.rate! - left.rate!);
  const highest = ranked[0]?.variation ?? null;
  const lowest = ranked.length > 1 ? ranked[ranked.length - 1]!.variation : null;

  const pairP = new Map<string, number>();
  for (let left = 0; left < variations.length; left += 1) {
    for (let right = left + 1; right < variations.length; right += 1) {
      const { pairs } = pairLabelRows(byVariation.get(variations[left]!)!, byVariation.get(variations[right]!)!, {
        key: themeKey,
      });
      if (pairs.length === 0) continue;
      const outcome = pairedRateComparison(pairs);
      pairP.set(JSON.stringify([variations[left], variations[right]].sort()), outcome.pValue);
    }
  }
  const pairKeys = [...pairP.keys()];
  const adjusted = new Map(
    holmAdjust(pairKeys.map((key) => pairP.get(key)!)).map((value, index) => [pairKeys[index]!, value]),
  );

  let extreme = { difference: { difference: Number.NaN, low: -1, high: 1 }, pValue: Number.NaN, holm: Number.NaN };
  if (highest !== null && lowest !== null) {
    const { pairs } = pairLabelRows(byVariation.get(highest)!, byVariation.get(lowest)!, { key: themeKey });
    if (pairs.length > 0) {
      const outcome = pairedRateComparison(pairs);
      extreme = {
        difference: outcome.difference,
        pValue: outcome.pValue,
        holm: adjusted.get(JSON.stringify([highest, lowest].sort())) ?? Number.NaN,
      };
    }
  }

  const byTheme = groupRows(rows, themeKey);
  let themes = 0;
  let inconsistent = 0;
  for (const themeRows of byTheme.values()) {
    if (new Set(themeRows.map((row) => row.variation)).size < 2) continue;
    themes += 1;
    if (new Set(themeRows.map((row) => isCompleteLabel(row.label))).size > 1) inconsistent += 1;
  }
  return {
    rates,
    spread: {
      group,
      themes,
      variations: variations.length,
      highest,
      lowest,
      spread: lowest === null ? 0 : ranked[0]!.rate! - ranked[ranked.length - 1]!.rate!,
      difference: extreme.difference,
      pValue: extreme.pValue,
      holmPValue: extreme.holm,
      inconsistentThemes: inconsistent,
      inconsistentShare: rateInterval(inconsistent, themes),
    },
  };
}

/**
 * Phrasing sensitivity: within each theme, the same request in different phrasings (SpeechMap's
 * us_hard: 1 essay, 2 explain, 3 satire, 4 speech). Per group and for all rows together: the rate of
 * each phrasing, the spread between the highest and lowest with a paired test on shared themes, and
 * the share of themes whose phrasings disagree. Rows without a theme or variation are ignored.
 */
export function phrasingSensitivity(rows: readonly LabelRow[], by: PhrasingGroupBy = 'model'): PhrasingSensitivity {
  const usable = rows.filter((row) => row.theme !== null && row.variation !== null);
  const result: PhrasingSensitivity = { rates: [], spread: [] };
  const groups = by === 'none' ? new Map<string, LabelRow[]>() : groupRows(usable, (row) => groupOf(row, by));
  for (const group of [...groups.keys()].sort()) {
    const analysis = analyse(group, groups.get(group)!);
    result.rates.push(...analysis.rates);
    result.spread.push(analysis.spread);
  }
  if (usable.length > 0) {
    const overall = analyse('(all)', usable);
    result.rates.push(...overall.rates);
    result.spread.push(overall.spread);
  }
  return result;
}

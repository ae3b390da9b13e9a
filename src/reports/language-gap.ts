import type { CandorStore } from '../store/index.js';
import { groupRows } from './rates.js';
import type { PairedRateDifference } from '../stats/rate.js';
import { DEFAULT_LENS, rateOf, type Lens, type Rate } from './lens.js';
import { lensRows } from './lens.js';
import { pairLabelRows } from './pair-label-rows.js';
import { pairedRateComparison } from './pair-label-rows.js';
import { MIN_PAIRS } from './compare-sides.js';

/** Rate of one model on one language version of a set (all its answers there, under the lens). */
export type LanguageRate = Rate & { set: string };

/**
 * (language − base language) on the same source questions, paired through translation links: the
 * rates of both languages on the paired questions only, and the paired difference.
 */
export type LanguageDifference = PairedRateDifference;

export interface LanguageGapRow {
  model: string;
  /** Keyed by language tag, e.g. en, zh, fi. */
  byLanguage: Record<string, LanguageRate>;
  /** Keyed by each non-base language: that language − the base language, paired. */
  gaps: Record<string, LanguageDifference>;
}

export interface LanguageGap {
  baseSet: string;
  /** The base set's language (the subtrahend of every gap), first in `languages`. */
  baseLanguage: string;
  languages: string[];
  sets: Record<string, string>;
  lens: Lens;
  rows: LanguageGapRow[];
}

/**
 * The same questions in several languages: a set and the sets whose questions are translations of
 * it (linked by id). Per model, the rate in each language and, for each other language, the paired
 * difference (language − base) on the source questions both were asked: the one definition of the
 * language gap, used by the CLI, the demo and the explorer.
 */
export async function languageGap(
  store: CandorStore,
  baseSet: string,
  options: { lens?: Lens; judge?: string | null; includeTest?: boolean } = {},
): Promise<LanguageGap> {
  const lens = options.lens ?? DEFAULT_LENS;
  const sets: Record<string, string> = {};
  let baseLanguage = 'en';
  for (const summary of await store.listQuestionSets()) {
    const questions = await store.getQuestions(summary.name);
    const first = questions[0];
    if (!first) continue;
    if (summary.name === baseSet) baseLanguage = first.language;
    if (summary.name === baseSet || questions.some((question) => question.translationOf?.setName === baseSet)) {
      sets[first.language] = summary.name;
    }
  }
  const all = await store.listLabelRows({
    judge: options.judge ?? null,
    includeTest: options.includeTest ?? false,
    filters: { set: Object.values(sets) },
  });
  const languageOfSet = new Map(Object.entries(sets).map(([language, set]) => [set, language]));
  const rows: LanguageGapRow[] = [];
  const byModel = groupRows(all, (row) => row.model);
  for (const model of [...byModel.keys()].sort()) {
    const row: LanguageGapRow = { model, byLanguage: {}, gaps: {} };
    const byLanguage = groupRows(byModel.get(model)!, (entry) => languageOfSet.get(entry.set) ?? '');
    const counted = new Map<string, ReturnType<typeof lensRows>>();
    for (const [language, languageRows] of byLanguage) {
      if (language === '') continue;
      row.byLanguage[language] = {
        set: sets[language]!,
        ...rateOf(
          languageRows.map((entry) => entry.label),
          lens,
        ),
      };
      counted.set(language, lensRows(languageRows, lens));
    }
    const base = counted.get(baseLanguage);
    for (const [language, other] of counted) {
      if (language === baseLanguage || !base) continue;
      const { pairs } = pairLabelRows(other.rows, base.rows, { viaTranslation: true });
      if (pairs.length === 0) continue;
      const comparison = pairedRateComparison(pairs, lens);
      row.gaps[language] = {
        pairs: comparison.pairs,
        rate: comparison.first.rate,
        baseRate: comparison.second.rate,
        difference: comparison.difference.difference,
        low: comparison.difference.low,
        high: comparison.difference.high,
        pValue: comparison.pValue,
        fewPairs: comparison.pairs < MIN_PAIRS,
      };
    }
    if (Object.keys(row.byLanguage).length > 0) rows.push(row);
  }
  const languages = Object.keys(sets).sort((left, right) =>
    left === baseLanguage ? -1 : right === baseLanguage ? 1 : left.localeCompare(right),
  );
  return { baseSet, baseLanguage, languages, sets, lens, rows };
}

import { wilsonInterval } from '../stats/wilson-interval.js';
import type { CandorStore } from '../store/index.js';

/** Rate of one model on one language version of a set. */
export interface LanguageRate {
  set: string;
  total: number;
  complete: number;
  rate: number;
  low: number;
  high: number;
}

export interface LanguageGapRow {
  model: string;
  /** Keyed by language tag, e.g. en, zh, fi. */
  byLanguage: Record<string, LanguageRate>;
}

export interface LanguageGap {
  baseSet: string;
  languages: string[];
  sets: Record<string, string>;
  rows: LanguageGapRow[];
}

/**
 * The same questions in several languages: a set and the sets whose questions are translations of
 * it (linked by id), with each model's rate per language.
 */
export async function languageGap(store: CandorStore, baseSet: string, options: { excludeBlocked?: boolean; judge?: string | null } = {}): Promise<LanguageGap> {
  const sets: Record<string, string> = {};
  for (const summary of await store.listQuestionSets()) {
    const questions = await store.getQuestions(summary.name);
    const first = questions[0];
    if (!first) continue;
    if (summary.name === baseSet || questions.some((question) => question.translationOf?.setName === baseSet)) {
      sets[first.language] = summary.name;
    }
  }
  const counts = await store.countLabels({
    groupBy: ['model', 'set'],
    filters: { set: Object.values(sets) },
    excludeBlocked: options.excludeBlocked,
    judge: options.judge,
  });
  const languageOfSet = new Map(Object.entries(sets).map(([language, set]) => [set, language]));
  const rows = new Map<string, LanguageGapRow>();
  for (const count of counts) {
    const model = count.keys.model ?? '(unknown)';
    const set = count.keys.set ?? '';
    const language = languageOfSet.get(set);
    if (!language) continue;
    const row = rows.get(model) ?? { model, byLanguage: {} };
    const complete = count.labels['COMPLETE'] ?? 0;
    const interval = wilsonInterval(complete, count.total);
    row.byLanguage[language] = { set, total: count.total, complete, rate: count.total ? complete / count.total : 0, low: interval.low, high: interval.high };
    rows.set(model, row);
  }
  const languages = Object.keys(sets).sort((left, right) => (left === 'en' ? -1 : right === 'en' ? 1 : left.localeCompare(right)));
  return { baseSet, languages, sets, rows: [...rows.values()].sort((left, right) => left.model.localeCompare(right.model)) };
}

import type { CandorStore, LabelCountQuery } from '../store/index.js';
import { buildRateRows } from './rates.js';
import { lensFrom, type Lens } from './lens.js';
import { byRateRankedFirst } from './rates.js';
import type { RateRow } from './rates.js';

/** The rule a leaderboard ranks by, stated wherever it is shown. */
export const RANKING_RULE =
  'ranked only on the same questions: the sets answered by every model that answered the most-answered set; ' +
  `other models are listed apart; a model with more than 10% of its answers missing is incomplete and not ranked`;

export interface ComparableRanking {
  lens: Lens;
  /** The sets every ranked model answered; the ranked rates are over these sets only. */
  sets: string[];
  /** Ranked models (complete data), highest rate first. */
  ranked: RateRow[];
  /** Models on the ranking sets with too much missing data: shown, greyed, never ranked. */
  incomplete: RateRow[];
  /** Models that lack one of the ranking sets: their rates over all their sets, listed apart. */
  apart: RateRow[];
  rule: string;
}

/**
 * A leaderboard that compares like with like. With one set (a `set` filter naming one), every model
 * on it is ranked. Otherwise the ranking sets are chosen by a stated rule: take the set answered by
 * the most models (ties: by name), and keep the sets every one of those models answered.
 */
export async function comparableRanking(
  store: CandorStore,
  query: Omit<LabelCountQuery, 'groupBy'> & { lens?: Lens },
): Promise<ComparableRanking> {
  const lens = query.lens ?? lensFrom(query);
  const { lens: _lens, ...rest } = query;
  const bySet = await store.countLabels({ ...rest, groupBy: ['model', 'set'] });
  const setsOf = new Map<string, Set<string>>();
  for (const count of bySet) {
    const model = count.keys.model ?? '(unknown)';
    const set = count.keys.set ?? '';
    const entry = setsOf.get(model) ?? new Set<string>();
    entry.add(set);
    setsOf.set(model, entry);
  }
  const modelsPerSet = new Map<string, number>();
  for (const sets of setsOf.values()) for (const set of sets) modelsPerSet.set(set, (modelsPerSet.get(set) ?? 0) + 1);
  const top = [...modelsPerSet.entries()].sort(
    (left, right) => right[1] - left[1] || left[0].localeCompare(right[0]),
  )[0]?.[0];
  let sets: string[] = [];
  if (top !== undefined) {
    const holders = [...setsOf.values()].filter((entry) => entry.has(top));
    sets = [...holders[0]!].filter((set) => holders.every((entry) => entry.has(set))).sort();
  }
  const rankedModels = new Set(
    [...setsOf.entries()].filter(([, entry]) => sets.every((set) => entry.has(set))).map(([model]) => model),
  );
  const merge = (keep: (model: string, set: string) => boolean) => {
    const merged = new Map<string, { keys: { model: string }; labels: Record<string, number>; total: number }>();
    for (const count of bySet) {
      const model = count.keys.model ?? '(unknown)';
      if (!keep(model, count.keys.set ?? '')) continue;
      const entry = merged.get(model) ?? { keys: { model }, labels: {}, total: 0 };
      for (const [label, value] of Object.entries(count.labels))
        entry.labels[label] = (entry.labels[label] ?? 0) + value;
      entry.total += count.total;
      merged.set(model, entry);
    }
    return buildRateRows([...merged.values()], ['model'], lens).sort(byRateRankedFirst);
  };
  const onSets = merge((model, set) => rankedModels.has(model) && sets.includes(set));
  return {
    lens,
    sets,
    ranked: onSets.filter((row) => !row.incomplete && row.n > 0),
    incomplete: onSets.filter((row) => row.incomplete || row.n === 0),
    apart: merge((model) => !rankedModels.has(model)),
    rule: RANKING_RULE,
  };
}

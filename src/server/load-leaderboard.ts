import { buildRateRows } from '../reports/index.js';
import type { CandorStore, LabelCountRow } from '../store/index.js';
import type { JudgeShare, LeaderboardResponse } from './api-types.js';
import { withMeasuredAccuracy } from './judge-measured-accuracy.js';
import type { ExplorerQuery } from './explorer-query.js';
import { toRateCells } from './rate-cells.js';

/** Per-model counts and per-judge shares from one (model × judge) count: one pass over the rows, not two. */
function splitByJudge(counts: readonly LabelCountRow[]): { models: LabelCountRow[]; judges: JudgeShare[] } {
  const models = new Map<string, LabelCountRow>();
  const judges = new Map<string, number>();
  for (const count of counts) {
    const judge = count.keys.judge ?? '(unknown)';
    judges.set(judge, (judges.get(judge) ?? 0) + count.total);
    const model = count.keys.model ?? null;
    const key = model ?? '\u0000';
    const merged = models.get(key) ?? { keys: { model }, labels: {}, total: 0 };
    for (const [label, value] of Object.entries(count.labels)) merged.labels[label] = (merged.labels[label] ?? 0) + value;
    merged.total += count.total;
    models.set(key, merged);
  }
  return {
    models: [...models.values()],
    judges: [...judges.entries()].map(([judge, rows]) => ({ judge, rows })).sort((left, right) => right.rows - left.rows || left.judge.localeCompare(right.judge)),
  };
}

/** Every model's compliance rate with its interval and segments, highest first. */
export async function loadLeaderboard(store: CandorStore, query: ExplorerQuery): Promise<LeaderboardResponse> {
  const [counts, models, sets] = await Promise.all([
    store.countLabels({ groupBy: ['model', 'judge'], judge: query.judge, excludeBlocked: query.excludeBlocked, filters: query.filters }),
    store.listModels(),
    store.listQuestionSets(),
  ]);
  const split = splitByJudge(counts);
  const rows = buildRateRows(split.models, ['model']).sort((left, right) => right.complete_rate - left.complete_rate || right.total - left.total);
  const facts = new Map(models.map((model) => [model.id, model]));
  const set = query.filters.set;
  return {
    set: typeof set === 'string' ? set : null,
    excludeBlocked: query.excludeBlocked,
    judges: await withMeasuredAccuracy(store, split.judges),
    sets: sets.map((summary) => summary.name).sort(),
    rows: rows.map((row) => {
      const model = row.model ?? '(unknown)';
      return { model, creator: facts.get(model)?.creator ?? null, releaseDate: facts.get(model)?.releaseDate ?? null, ...toRateCells(row) };
    }),
  };
}

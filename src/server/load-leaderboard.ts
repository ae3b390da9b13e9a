import { comparableRanking, rateOfRow, type RateRow } from '../reports/index.js';
import type { CandorStore } from '../store/index.js';
import type { LeaderboardResponse, LeaderboardRow } from './api-types/models.js';
import type { ExplorerQuery } from './explorer-query.js';
import { judgeShares } from './load-judges.js';

const RETRY_HINT =
  'incomplete: more than 10% of the answers are missing (provider errors, truncation); not ranked. `candor run retry <run-id>` asks them again';

/**
 * Every model's compliance rate under the lens, ranked only on the same questions (one set, or the
 * sets every ranked model answered); incomplete models and models on other sets are listed after,
 * unranked, with the reason.
 */
export async function loadLeaderboard(store: CandorStore, query: ExplorerQuery): Promise<LeaderboardResponse> {
  const [ranking, models, sets, judges] = await Promise.all([
    comparableRanking(store, {
      judge: query.judge,
      lens: query.lens,
      includeTest: query.includeTest,
      filters: query.filters,
    }),
    store.listModels(),
    store.listQuestionSets(),
    judgeShares(store, query),
  ]);
  const facts = new Map(models.map((model) => [model.id, model]));
  const row = (entry: RateRow, rank: number | null, note: string | null): LeaderboardRow => {
    const model = entry.model ?? '(unknown)';
    return {
      model,
      creator: facts.get(model)?.creator ?? null,
      releaseDate: facts.get(model)?.releaseDate ?? null,
      ...rateOfRow(entry),
      rank,
      note,
    };
  };
  const set = query.filters.set;
  return {
    set: typeof set === 'string' ? set : null,
    lens: query.lens,
    excludeBlocked: query.lens === 'model-only',
    rankingSets: ranking.sets,
    rule: ranking.rule,
    judges,
    sets: sets.map((summary) => summary.name).sort(),
    rows: [
      ...ranking.ranked.map((entry, index) => row(entry, index + 1, null)),
      ...ranking.incomplete.map((entry) =>
        row(entry, null, entry.n === 0 ? 'nothing counted under this lens' : RETRY_HINT),
      ),
      ...ranking.apart.map((entry) =>
        row(
          entry,
          null,
          `not ranked: answered other sets than ${ranking.sets.join(', ')}${entry.incomplete ? `; ${RETRY_HINT}` : ''}`,
        ),
      ),
    ],
  };
}

import type { CandorStore } from '../store/index.js';
import type { JudgeShare } from './api-types.js';
import type { ExplorerQuery } from './explorer-query.js';
import { withMeasuredAccuracy } from './judge-measured-accuracy.js';

/** Which judges labelled the rows behind a number, most rows first. */
export async function judgeShares(store: CandorStore, query: ExplorerQuery): Promise<JudgeShare[]> {
  const counts = await store.countLabels({ groupBy: ['judge'], judge: query.judge, excludeBlocked: query.excludeBlocked, includeTest: query.includeTest, filters: query.filters });
  const shares = counts
    .map((count) => ({ judge: count.keys.judge ?? '(unknown)', rows: count.total }))
    .sort((left, right) => right.rows - left.rows || left.judge.localeCompare(right.judge));
  return withMeasuredAccuracy(store, shares);
}

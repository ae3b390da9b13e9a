import { shownUnder } from '../reports/index.js';
import type { CandorStore } from '../store/index.js';
import type { JudgeShare } from './api-types.js';
import type { ExplorerQuery } from './explorer-query.js';
import { withMeasuredAccuracy } from './judge-measured-accuracy.js';

/** Which judges labelled the rows behind a number, most rows first. */
export async function judgeShares(store: CandorStore, query: ExplorerQuery): Promise<JudgeShare[]> {
  const counts = await store.countLabels({ groupBy: ['judge'], judge: query.judge, includeTest: query.includeTest, filters: query.filters });
  const shown = (labels: Record<string, number>) => Object.entries(labels).reduce((sum, [label, count]) => sum + (shownUnder(label, query.lens) ? count : 0), 0);
  const shares = counts
    .map((count) => ({ judge: count.keys.judge ?? '(unknown)', rows: shown(count.labels) }))
    .filter((share) => share.rows > 0)
    .sort((left, right) => right.rows - left.rows || left.judge.localeCompare(right.judge));
  return withMeasuredAccuracy(store, shares);
}

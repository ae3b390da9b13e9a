import { labIndex, lensRows } from '../reports/index.js';
import type { CandorStore } from '../store/index.js';
import type { LabsResponse } from './api-types/models.js';
import type { ExplorerQuery } from './explorer-query.js';
import { judgeShares } from './load-judges.js';
import { loadLeaderboard } from './load-leaderboard.js';

/** SpeechMap's lab-index defaults: models of the last 12 months, EMA half-life 3 months. */
const WINDOW_MONTHS = 12;
const HALF_LIFE_MONTHS = 3;

/** Every creator's lab index with its interval (as `candor lab-index`), and the creators' models with their rates. */
export async function loadLabs(store: CandorStore, query: ExplorerQuery): Promise<LabsResponse> {
  const [labelRows, leaderboard, judges] = await Promise.all([
    store.listLabelRows({ judge: query.judge, filters: query.filters }),
    loadLeaderboard(store, query),
    judgeShares(store, query),
  ]);
  // The rows the lens counts, as `candor lab-index` (technical failures are missing, not refusals).
  const index = labIndex(lensRows(labelRows, query.lens).rows, {
    windowMonths: WINDOW_MONTHS,
    halfLifeMonths: HALF_LIFE_MONTHS,
  });
  return {
    asOf: index.asOf,
    windowStart: index.windowStart,
    windowMonths: WINDOW_MONTHS,
    halfLifeMonths: HALF_LIFE_MONTHS,
    labs: index.rows.map((row) => ({
      creator: row.creator,
      index: row.index,
      low: row.low,
      high: row.high,
      models: row.models,
      months: row.months,
      latestRelease: row.latestRelease,
    })),
    models: leaderboard.rows.filter((row) => row.creator !== null),
    judges,
  };
}

import { lensRows, MIN_PAIRS, releaseTimeline, testDateTimeline } from '../reports/index.js';
import type { CandorStore } from '../store/index.js';
import type { TimelineResponse } from './api-types/breakdowns.js';
import type { ExplorerQuery } from './explorer-query.js';

const HALF_LIFE_MONTHS = 3;

/** Rate by model release date per creator with the EMA trend, and by test month for re-tested models. */
export async function loadTimeline(store: CandorStore, query: ExplorerQuery): Promise<TimelineResponse> {
  const rows = lensRows(
    await store.listLabelRows({ judge: query.judge, includeTest: query.includeTest, filters: query.filters }),
    query.lens,
  ).rows;
  const release = releaseTimeline(rows, { halfLifeMonths: HALF_LIFE_MONTHS });
  return {
    halfLifeMonths: HALF_LIFE_MONTHS,
    release: release.rows.map((row) => ({
      creator: row.creator,
      model: row.model,
      releaseDate: row.releaseDate,
      total: row.total,
      complete: row.COMPLETE,
      rate: row.rate,
      low: row.low,
      high: row.high,
      trend: row.trend,
    })),
    undated: release.undated,
    minPairs: MIN_PAIRS,
    lens: query.lens,
    testDates: testDateTimeline(rows).map((row) => ({
      model: row.model,
      set: row.set,
      month: row.month,
      total: row.total,
      complete: row.COMPLETE,
      rate: row.rate,
      low: row.low,
      high: row.high,
      pairs: row.change === null ? null : row.change.pairs,
      change: row.change === null ? null : row.change.difference.difference,
      changeLow: row.change === null ? null : row.change.difference.low,
      changeHigh: row.change === null ? null : row.change.difference.high,
      pValue: row.change === null ? null : row.change.pValue,
    })),
  };
}

import { exponentialMovingAverage } from '../stats/exponential-moving-average.js';
import type { LabelRow } from '../store/index.js';
import { groupRows } from './rates.js';
import { dateMilliseconds, modelRates, MONTH_MILLISECONDS } from './model-rates.js';

/** A model on its creator's timeline: its rate and the creator's smoothed trend at its release. */
export interface ReleaseTimelineRow {
  creator: string;
  model: string;
  release_date: string;
  total: number;
  complete: number;
  rate: number | null;
  ci_low: number | null;
  ci_high: number | null;
  /** Exponential moving average of the creator's model rates up to this release. */
  trend: number;
}

export interface ReleaseTimeline {
  rows: ReleaseTimelineRow[];
  /** Models left out for lack of a release date or a creator (run `candor models import`). */
  undated: string[];
}

/**
 * Rate by model release date, per creator, with an exponentially weighted trend whose weights halve
 * every halfLifeMonths of release time (default 3), in release-date order with same-day releases
 * averaged into one point.
 */
export function releaseTimeline(rows: readonly LabelRow[], options: { halfLifeMonths?: number } = {}): ReleaseTimeline {
  const halfLife = (options.halfLifeMonths ?? 3) * MONTH_MILLISECONDS;
  const rates = modelRates(rows);
  const undated = rates.filter((rate) => rate.creator === null || Number.isNaN(dateMilliseconds(rate.releaseDate))).map((rate) => rate.model);
  const dated = rates.filter((rate) => !undated.includes(rate.model));
  const result: ReleaseTimelineRow[] = [];
  const byCreator = groupRows(dated, (rate) => rate.creator!);
  for (const creator of [...byCreator.keys()].sort()) {
    const models = [...byCreator.get(creator)!].sort(
      (left, right) => dateMilliseconds(left.releaseDate) - dateMilliseconds(right.releaseDate) || left.model.localeCompare(right.model),
    );
    // Models released the same day are one point of the trend (their rates averaged), so the trend
    // does not zig-zag through ties in name order; every tied model gets that point's value.
    const byDate = groupRows(models.filter((model) => model.total > 0), (model) => String(dateMilliseconds(model.releaseDate)));
    const points = [...byDate.entries()].map(([time, tied]) => ({ t: Number(time), value: tied.reduce((sum, model) => sum + model.rate!, 0) / tied.length }));
    const smoothed = new Map(exponentialMovingAverage(points, halfLife).map((point) => [point.t, point.value]));
    models.forEach((model) =>
      result.push({
        creator,
        model: model.model,
        release_date: model.releaseDate!.slice(0, 10),
        total: model.total,
        complete: model.COMPLETE,
        rate: model.rate,
        ci_low: model.low,
        ci_high: model.high,
        trend: smoothed.get(dateMilliseconds(model.releaseDate)) ?? Number.NaN,
      }),
    );
  }
  return { rows: result, undated };
}

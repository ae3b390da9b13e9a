import { exponentialMovingAverage } from '../stats/exponential-moving-average.js';
import type { LabelRow } from '../store/index.js';
import { groupRows } from './rates.js';
import { rateOf, type Rate } from './lens.js';
import { MIN_PAIRS } from './compare-sides.js';
import { pairLabelRows, pairedRateComparison, type PairedRateComparison } from './pair-label-rows.js';

/**
 * A model on its creator's timeline: its rate (every row counts: they are the rows a lens kept) and
 * the creator's smoothed trend at its release. JSON and CSV keys are made in timeline-output.ts.
 */
export interface ReleaseTimelineRow extends Rate {
  creator: string;
  model: string;
  /** YYYY-MM-DD. */
  releaseDate: string;
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
  const undated = rates
    .filter((rate) => rate.creator === null || Number.isNaN(dateMilliseconds(rate.releaseDate)))
    .map((rate) => rate.model);
  const dated = rates.filter((rate) => !undated.includes(rate.model));
  const result: ReleaseTimelineRow[] = [];
  const byCreator = groupRows(dated, (rate) => rate.creator!);
  for (const creator of [...byCreator.keys()].sort()) {
    const models = [...byCreator.get(creator)!].sort(
      (left, right) =>
        dateMilliseconds(left.releaseDate) - dateMilliseconds(right.releaseDate) ||
        left.model.localeCompare(right.model),
    );
    // Models released the same day are one point of the trend (their rates averaged), so the trend
    // does not zig-zag through ties in name order; every tied model gets that point's value.
    const byDate = groupRows(
      models.filter((model) => model.total > 0),
      (model) => String(dateMilliseconds(model.releaseDate)),
    );
    const points = [...byDate.entries()].map(([time, tied]) => ({
      t: Number(time),
      value: tied.reduce((sum, model) => sum + model.rate!, 0) / tied.length,
    }));
    const smoothed = new Map(exponentialMovingAverage(points, halfLife).map((point) => [point.t, point.value]));
    models.forEach((model) =>
      result.push({
        ...model,
        creator,
        releaseDate: model.releaseDate!.slice(0, 10),
        trend: smoothed.get(dateMilliseconds(model.releaseDate)) ?? Number.NaN,
      }),
    );
  }
  return { rows: result, undated };
}

/** One model's rate over the given rows (every row counts: they are the rows a lens kept), with the facts timelines need. */
export interface ModelRate extends Rate {
  model: string;
  creator: string | null;
  releaseDate: string | null;
}

/** Rate per model over all its rows, in model order. */
export function modelRates(rows: readonly LabelRow[]): ModelRate[] {
  return [...groupRows(rows, (row) => row.model).entries()]
    .sort(([left], [right]) => left.localeCompare(right))
    .map(([model, modelRows]) => ({
      model,
      creator: modelRows[0]!.creator,
      releaseDate: modelRows[0]!.releaseDate,
      ...rateOf(
        modelRows.map((row) => row.label),
        'speechmap',
      ),
    }));
}

/** Epoch milliseconds of an ISO date (YYYY-MM-DD or a full timestamp); NaN when absent or invalid. */
export function dateMilliseconds(value: string | null): number {
  return value === null ? Number.NaN : Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);
}

/** Average month length in days (365.2425 / 12), to turn month half-lives into milliseconds. */
export const MONTH_MILLISECONDS = 30.436875 * 86_400_000;

/**
 * A model's rate on one set in one month of testing (when the responses were received), and, for
 * later months, the paired change from the first month on the questions both months answered.
 */
export interface TestDateRow extends Rate {
  model: string;
  set: string;
  /** YYYY-MM. */
  month: string;
  /**
   * This month (first) against the first month (second) on the questions (× samples) both answered:
   * the difference with Newcombe's paired interval, exact McNemar. Null for the first month.
   */
  change: PairedRateComparison | null;
}

export interface TestDateOptions {
  /** Keep every (model, set), also those tested in one month only, and months with few pairs. */
  all?: boolean;
  /** A later month is shown only with at least this many pairs with the first month (default MIN_PAIRS = 30). */
  minPairs?: number;
}

/**
 * Rate by test month per model and set. The same set tested in different months is the drift
 * signal, so by default only (model, set) pairs tested in at least two months are kept, and a later
 * month only when at least `minPairs` of its questions were also answered in the first month (drift
 * is read on the same questions; fewer pairs than that are hidden, not shown as a wide interval).
 * Rows without a received time are left out.
 */
export function testDateTimeline(rows: readonly LabelRow[], options: TestDateOptions = {}): TestDateRow[] {
  const minPairs = options.all ? 0 : (options.minPairs ?? MIN_PAIRS);
  const result: TestDateRow[] = [];
  const dated = rows.filter((row) => row.receivedAt !== null && /^\d{4}-\d{2}/.test(row.receivedAt));
  const byModelSet = groupRows(dated, (row) => JSON.stringify([row.model, row.set]));
  for (const key of [...byModelSet.keys()].sort()) {
    const [model, set] = JSON.parse(key) as [string, string];
    const byMonth = groupRows(byModelSet.get(key)!, (row) => row.receivedAt!.slice(0, 7));
    if (byMonth.size < 2 && !options.all) continue;
    const months = [...byMonth.keys()].sort();
    const first = byMonth.get(months[0]!)!;
    const cells: TestDateRow[] = [];
    for (const month of months) {
      const monthRows = byMonth.get(month)!;
      let change: PairedRateComparison | null = null;
      if (month !== months[0]) {
        const { pairs } = pairLabelRows(monthRows, first);
        if (pairs.length < minPairs) continue;
        change = pairedRateComparison(pairs);
      }
      cells.push({
        model,
        set,
        month,
        ...rateOf(
          monthRows.map((row) => row.label),
          'speechmap',
        ),
        change,
      });
    }
    if (cells.length >= 2 || options.all) result.push(...cells);
  }
  return result;
}

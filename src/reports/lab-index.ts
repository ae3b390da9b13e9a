import { monthlyBuckets } from '../stats/monthly-buckets.js';
import { sampleBeta } from '../stats/sample-beta.js';
import { createSeededRandom } from '../stats/seeded-random.js';
import type { LabelRow } from '../store/index.js';
import { groupRows } from './rates.js';
import { dateMilliseconds, modelRates, MONTH_MILLISECONDS, type ModelRate } from './timelines.js';

/**
 * One creator's index: an exponentially weighted average of its recent models' rates, with its 95%
 * bootstrap interval. JSON and CSV keys are made in timeline-output.ts.
 */
export interface LabIndexRow {
  creator: string;
  /** Ids of the models released in the window. */
  models: string[];
  /** Release months with at least one model. */
  months: number;
  /** YYYY-MM-DD. */
  latestRelease: string;
  index: number;
  low: number;
  high: number;
}

export interface LabIndexOptions {
  /** End of the window, YYYY-MM-DD (default: the latest release date among the rows' models). */
  asOf?: string | null;
  /** Window length in calendar months before asOf (default 12). */
  windowMonths?: number;
  /** EMA half-life in months (default 3). */
  halfLifeMonths?: number;
  seed?: number;
  draws?: number;
}

export interface LabIndex {
  asOf: string | null;
  windowStart: string | null;
  rows: LabIndexRow[];
}

const DEFAULT_SEED = 20_250_101;

function isoDate(milliseconds: number): string {
  return new Date(milliseconds).toISOString().slice(0, 10);
}

/**
 * The weight of each model in the final EMA value: months weigh 2^(−age/halfLife) (age from the
 * latest month with a release), a month's models share its weight equally. Equal to the last point
 * of exponentialMovingAverage over the monthly means.
 */
export function labIndexWeights(models: readonly ModelRate[], halfLife: number): number[] {
  const buckets = monthlyBuckets(
    models.map((model) => ({ t: dateMilliseconds(model.releaseDate), value: model.rate! })),
  );
  const last = buckets[buckets.length - 1]!.t;
  const decay = new Map(
    buckets.map((bucket) => [bucket.month, { weight: 2 ** (-(last - bucket.t) / halfLife), count: bucket.count }]),
  );
  const total = [...decay.values()].reduce((sum, entry) => sum + entry.weight, 0);
  return models.map((model) => {
    const entry = decay.get(model.releaseDate!.slice(0, 7))!;
    return entry.weight / total / entry.count;
  });
}

/**
 * A lab index like SpeechMap's, with an interval: per creator, the models released in the window,
 * their rates averaged per release month, smoothed by an EMA with a 3-month half-life; the index is
 * the EMA at the latest month. The 95% interval is a seeded parametric bootstrap: each model's rate is
 * drawn from its Jeffreys Beta(x + ½, n − x + ½) posterior and pushed through the same weights.
 */
export function labIndex(rows: readonly LabelRow[], options: LabIndexOptions = {}): LabIndex {
  const windowMonths = options.windowMonths ?? 12;
  const halfLife = (options.halfLifeMonths ?? 3) * MONTH_MILLISECONDS;
  const draws = options.draws ?? 10_000;
  const dated = modelRates(rows).filter(
    (rate) => rate.creator !== null && rate.total > 0 && !Number.isNaN(dateMilliseconds(rate.releaseDate)),
  );
  if (dated.length === 0) return { asOf: options.asOf ?? null, windowStart: null, rows: [] };
  const asOf = options.asOf
    ? dateMilliseconds(options.asOf)
    : Math.max(...dated.map((rate) => dateMilliseconds(rate.releaseDate)));
  const end = new Date(asOf);
  const windowStart = Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - windowMonths, end.getUTCDate());
  const inWindow = dated.filter((rate) => {
    const released = dateMilliseconds(rate.releaseDate);
    return released > windowStart && released <= asOf;
  });
  const result: LabIndexRow[] = [];
  const byCreator = groupRows(inWindow, (rate) => rate.creator!);
  for (const creator of [...byCreator.keys()].sort()) {
    const models = byCreator.get(creator)!;
    const weights = labIndexWeights(models, halfLife);
    const index = models.reduce((sum, model, position) => sum + weights[position]! * model.rate!, 0);
    const random = createSeededRandom(options.seed ?? DEFAULT_SEED);
    const samples: number[] = [];
    for (let draw = 0; draw < draws; draw += 1) {
      let value = 0;
      models.forEach((model, position) => {
        value += weights[position]! * sampleBeta(model.COMPLETE + 0.5, model.total - model.COMPLETE + 0.5, random);
      });
      samples.push(value);
    }
    samples.sort((left, right) => left - right);
    const quantile = (probability: number) => {
      const position = (samples.length - 1) * probability;
      const below = Math.floor(position);
      const above = Math.min(below + 1, samples.length - 1);
      return samples[below]! + (position - below) * (samples[above]! - samples[below]!);
    };
    const releases = models.map((model) => model.releaseDate!.slice(0, 10)).sort();
    result.push({
      creator,
      models: models.map((model) => model.model),
      months: new Set(releases.map((release) => release.slice(0, 7))).size,
      latestRelease: releases[releases.length - 1]!,
      index,
      low: quantile(0.025),
      high: quantile(0.975),
    });
  }
  result.sort((left, right) => right.index - left.index || left.creator.localeCompare(right.creator));
  return { asOf: isoDate(asOf), windowStart: isoDate(windowStart), rows: result };
}

/** The API bodies of the breakdowns: by country (map), over time, by language, by route, by judge. */
import type { LensName, PairedRateDifference, Rate } from '../../stats/rate.js';
import type { JudgeShare, MeasuredAccuracy } from './shared.js';

export interface CountryRow extends Rate {
  /** ISO 3166-1 alpha-2, or "EU". */
  country: string;
  questions: number;
  /** Models with at least one counted answer about this country. */
  models: number;
  /**
   * The average model: the mean of per-model rates, with a seeded cluster bootstrap interval
   * (models and questions resampled); null with fewer than 3 models. `rate/low/high` are the pooled
   * answer-level figures (the average answer) and are kept for reference.
   */
  modelMean: { estimate: number; low: number; high: number } | null;
}

export interface MapResponse {
  lens: LensName;
  /** What each country's pooled rate estimates, in words. */
  estimand: string;
  countries: CountryRow[];
  judges: JudgeShare[];
}

export interface CountryQuestionRow extends Rate {
  set: string;
  id: string;
  text: string;
  language: string;
}

export interface CountryResponse {
  country: string;
  summary: Rate;
  questions: CountryQuestionRow[];
}

/** A model on its creator's release timeline, with the creator's exponentially weighted trend. */
export interface ReleaseTimelinePoint {
  creator: string;
  model: string;
  releaseDate: string;
  total: number;
  complete: number;
  rate: number | null;
  low: number | null;
  high: number | null;
  /** EMA of the creator's model rates up to this release (weights halve every halfLifeMonths). */
  trend: number;
}

/** A model's rate on one set in one test month (when the answers were received). */
export interface TestDatePoint {
  model: string;
  set: string;
  month: string;
  total: number;
  complete: number;
  rate: number | null;
  low: number | null;
  high: number | null;
  /** Later months: questions answered in both this and the first month (null for the first month). */
  pairs: number | null;
  /** This month − the first month on those pairs (proportion; ×100 = pp), Newcombe paired interval, exact McNemar. */
  change: number | null;
  changeLow: number | null;
  changeHigh: number | null;
  pValue: number | null;
}

export interface TimelineResponse {
  halfLifeMonths: number;
  release: ReleaseTimelinePoint[];
  /** Models without a release date or creator. */
  undated: string[];
  /** Only (model, set) pairs tested in at least two months, later months only with >= minPairs pairs: the drift signal. */
  testDates: TestDatePoint[];
  /** Drift cells with fewer pairs than this are hidden. */
  minPairs: number;
  lens: LensName;
}

/** A model's rate on one language version of a set. */
export type LanguageCell = Rate & { set: string };

export interface LanguageGapModelRow {
  model: string;
  byLanguage: Record<string, LanguageCell>;
  /** Per non-base language: that language − the base language on the same questions. */
  gaps: Record<string, PairedRateDifference>;
}

export interface TranslationLink {
  language: string;
  set: string;
  id: string;
  text: string;
}

export interface LanguageGroup {
  /** The original set; the other sets hold translations of its questions. */
  baseSet: string;
  baseLanguage: string;
  lens: LensName;
  languages: string[];
  /** language → set name */
  sets: Record<string, string>;
  rows: LanguageGapModelRow[];
  /** The same question in each language: the base question first, then its translations. */
  questions: TranslationLink[][];
}

export interface LanguagesResponse {
  groups: LanguageGroup[];
}

export interface RouteRow extends Rate {
  model: string;
  route: string | null;
  /** Answers blocked by the provider's moderation (ERROR_MODERATION). */
  blocked: number;
  blockedShare: number;
}

/** Two routes of one model on the questions both answered: paired, with n and a warning below 30 pairs. */
export interface RoutePair {
  model: string;
  routeA: string | null;
  routeB: string | null;
  pairs: number;
  rateA: number;
  rateB: number;
  /** A − B (proportion; ×100 = pp) with Newcombe's paired 95% interval. */
  difference: number;
  low: number;
  high: number;
  /** Exact McNemar p. */
  pValue: number;
  /** Fewer than 30 pairs: not to be quoted. */
  fewPairs: boolean;
}

export interface RoutesResponse {
  lens: LensName;
  /** Models served through more than one route. */
  multiRouteModels: string[];
  rows: RouteRow[];
  /** Each pair of routes of a multi-route model, compared on the same questions only. */
  pairs: RoutePair[];
}

export interface JudgeSummary {
  judge: string;
  /** Current responses with at least one judgment by this judge. */
  responses: number;
  /** A human labeller (judge id starting with "human"). */
  human: boolean;
  /** Rows where this judge's label is the one the explorer's numbers use (latest judgment). */
  latestRows: number;
  /** Newest stored `candor judge eval` result (null: never measured in this store). */
  measured?: MeasuredAccuracy | null;
}

/** Agreement of two judges on the responses both judged (error labels left out of accuracy and kappa). */
export interface JudgeAgreement {
  a: string;
  b: string;
  bothJudged: number;
  withErrorLabels: number;
  n: number;
  accuracy: number | null;
  kappa: number | null;
}

/** A judge measured against a human's labels (human = gold). */
export interface JudgeAccuracy {
  judge: string;
  human: string;
  bothJudged: number;
  n: number;
  accuracy: number | null;
  kappa: number | null;
  labels: string[];
  /** confusion[human][judge] in the order of `labels`. */
  confusion: number[][];
}

export interface JudgesResponse {
  judges: JudgeSummary[];
  agreement: JudgeAgreement[];
  vsHuman: JudgeAccuracy[];
}

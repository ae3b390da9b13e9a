/** The API bodies of the ranking pages: overview, leaderboard, a model, two models compared, labs, highlights. */
import type { PairedTable } from '../../stats/newcombe-paired-difference.js';
import type { LensName, Rate } from '../../stats/rate.js';
import type { JudgeShare } from './shared.js';

export interface OverviewResponse {
  lens: LensName;
  /** `models`: models with at least one counted answer (the leaderboard's count); `modelFacts`: models with stored facts. */
  counts: {
    questionSets: number;
    questions: number;
    models: number;
    runs: number;
    responses: number;
    judgments: number;
    modelFacts: number;
  };
  overall: Rate;
  judges: JudgeShare[];
  sets: { name: string; questions: number; language: string | null }[];
  /** Sentences computed from the data, never hard-coded. */
  findings: Finding[];
}

export interface Finding {
  title: string;
  text: string;
  /** A page of the explorer that shows the evidence. */
  href: string;
}

export interface LeaderboardRow extends Rate {
  model: string;
  creator: string | null;
  releaseDate: string | null;
  /** 1-based rank among comparable, complete rows; null when not ranked (incomplete, or other sets). */
  rank: number | null;
  /** Why the row is not ranked, or null. */
  note: string | null;
}

export interface LeaderboardResponse {
  set: string | null;
  lens: LensName;
  excludeBlocked: boolean;
  /** The sets the ranked rates are computed over, and the ranking rule in words. */
  rankingSets: string[];
  rule: string;
  judges: JudgeShare[];
  sets: string[];
  rows: LeaderboardRow[];
}

export interface BreakdownRow extends Rate {
  key: string | null;
}

export interface ModelResponse {
  model: {
    id: string;
    creator: string | null;
    family: string | null;
    releaseDate: string | null;
    reasoning: boolean | null;
  };
  overall: Rate;
  judges: JudgeShare[];
  bySet: BreakdownRow[];
  byDomain: BreakdownRow[];
  byCountry: BreakdownRow[];
  /** One row per theme (questions sharing a theme, in sets that have themes), lowest rate first. */
  byTheme: ThemeRateRow[];
}

/** A model's rate on one theme of a set. */
export interface ThemeRateRow extends Rate {
  set: string;
  theme: string;
}

export interface FlippedRow {
  set: string;
  questionId: string;
  sample: number;
  text: string | null;
  labelA: string;
  labelB: string;
}

export interface CompareResponse {
  a: string;
  b: string;
  set: string | null;
  lens: LensName;
  pairs: number;
  /** Fewer than 30 pairs: too small to quote. */
  fewPairs: boolean;
  /** Rows of each side left out as missing (or blocked, in model-only). */
  missingA: number;
  missingB: number;
  /** Each side's rate over the pairs. */
  rateA: Rate;
  rateB: Rate;
  /** A − B with Newcombe's paired 95% interval. */
  difference: { estimate: number; low: number; high: number };
  /** Exact two-sided McNemar p on the discordant pairs. */
  pValue: number;
  table: PairedTable;
  judgesA: JudgeShare[];
  judgesB: JudgeShare[];
  unpairedA: number;
  unpairedB: number;
  flipped: FlippedRow[];
}

/** A creator's lab index: EMA of its recent models' rates, with a 95% bootstrap interval. */
export interface LabRow {
  creator: string;
  index: number;
  low: number;
  high: number;
  /** Models in the index window, by id. */
  models: string[];
  months: number;
  latestRelease: string;
}

export interface LabsResponse {
  asOf: string | null;
  windowStart: string | null;
  windowMonths: number;
  halfLifeMonths: number;
  labs: LabRow[];
  /** Every model with a creator, with its overall rate (also those outside the window). */
  models: LeaderboardRow[];
  judges: JudgeShare[];
}

/** A question people ask, answered from the data present (or saying the data cannot answer it). */
export interface HighlightCard {
  question: string;
  /** Sentences computed from the data; a figure names its n and interval. */
  answer: string;
  /** false when this store lacks the data to answer (the answer then says what is missing). */
  answered: boolean;
  /** The page that shows the evidence (an app path). */
  href: string;
  linkText: string;
}

export interface HighlightsResponse {
  cards: HighlightCard[];
}

/**
 * The explorer's API contract: every JSON body the server (and the static site's data files) send.
 * web/ imports this file, so it may import only pure src/stats types (one pure helper at the end).
 */
import type { PairedTable } from '../stats/newcombe-paired-difference.js';
import type { LensName, PairedRateDifference, Rate } from '../stats/rate.js';

export type { PairedTable };

/** The four segments every rate is shown with. */
export type Segment = 'COMPLETE' | 'EVASIVE' | 'DENIAL' | 'ERROR';

/**
 * The lens a number is computed through (docs/methodology.md), and the one rate shape every cell
 * of every response carries: counts per segment, n, missing, blocked, incomplete, the rate and its
 * 95% Wilson interval, and the lens (so CSV downloads name it too). An empty cell (n = 0) has
 * `rate`, `low` and `high` null (src/stats/rate.ts).
 */
export type { LensName, PairedRateDifference, Rate };

/** Which judge produced the labels behind a number, and how many rows it labelled. */
export interface JudgeShare {
  judge: string;
  rows: number;
  /** The judge's newest stored `candor judge eval` result; null when never measured here (absent: not looked up). */
  measured?: MeasuredAccuracy | null;
}

/** A judge's accuracy against a gold file, as `candor judge eval` stored it. */
export interface MeasuredAccuracy {
  judgeVersion: string;
  goldName: string;
  goldHash: string;
  /** Gold rows scored (decided rows when the judge abstained on some). */
  n: number;
  accuracy: number | null;
  /** Wilson 95% interval of the accuracy. */
  interval: { low: number; high: number } | null;
  kappa: number | null;
  /** Share of the gold rows the judge decided. */
  coverage: number;
  evaluatedAt: string;
}

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

export interface QuestionInfo {
  set: string;
  id: string;
  text: string;
  domain: string | null;
  theme: string | null;
  variation: string | null;
  country: string | null;
  language: string;
  translationOf: { set: string; id: string } | null;
}

export interface AnswerRow {
  responseId: number;
  model: string;
  runId: string;
  sample: number;
  route: string | null;
  status: string;
  label: string | null;
  segment: Segment | null;
  judge: string | null;
  explanation: string | null;
  /** Untrusted model output: render as sanitized markdown only. */
  text: string | null;
}

export interface QuestionResponse {
  question: QuestionInfo;
  /** Same theme, other phrasings; and the same request in other languages or sets. */
  related: { set: string; id: string; text: string; relation: 'phrasing' | 'translation' }[];
  summary: Rate;
  answers: AnswerRow[];
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

export type SearchKind = 'question' | 'answer' | 'explanation';

export interface SearchHit {
  kind: SearchKind;
  set: string;
  questionId: string;
  model: string | null;
  label: string | null;
  /** Plain text around the match (untrusted: render as text). */
  snippet: string;
}

export interface SearchResponse {
  query: string;
  hits: SearchHit[];
  /** true when more hits exist than were returned. */
  truncated: boolean;
  /**
   * The search index behind the hits: `ready` (current), `updating` (the data changed and a new
   * index is being built in the background: recent answers may be missing), `building` (no index
   * yet: no hits until it is done). Absent on the static site.
   */
  index?: 'ready' | 'updating' | 'building';
}

/**
 * The search index behind /api/search: "idle" before the first search on this data, "building"
 * while it is built (the first search waits for it), "ready" once built.
 */
export interface SearchStatusResponse {
  state: 'idle' | 'building' | 'ready';
  /** Seconds since the build started; null unless building. */
  elapsedSeconds: number | null;
  /** Share of the store indexed so far (0–1) when the index builder reports it; null otherwise. */
  progress: number | null;
}

/** Compact client-side search index of the static site: one entry per question. */
export interface StaticSearchIndex {
  /** [set, questionId, text] */
  questions: [string, string, string][];
  /** [set, questionId, model, label, explanation] */
  explanations: [string, string, string, string, string][];
}

/** Per-model labels for client-side paired comparison in the static site: "set\u0000id\u0000sample" → label. */
export interface StaticModelLabels {
  model: string;
  judges: JudgeShare[];
  labels: Record<string, string>;
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

export interface ThemePhrasing extends Rate {
  id: string;
  text: string;
  variation: string | null;
  language: string;
}

export interface ThemeModelRow {
  model: string;
  /** question id → labels (one per answer, in sample order) */
  labels: Record<string, string[]>;
}

export interface ThemeResponse {
  set: string;
  theme: string;
  domain: string | null;
  phrasings: ThemePhrasing[];
  models: ThemeModelRow[];
}

/** A theme of a set over every model, for the themes index and domain pages. */
export interface ThemeIndexRow extends Rate {
  set: string;
  theme: string;
  domain: string | null;
  /** Phrasings (questions) of the theme. */
  questions: number;
}

export interface ThemesResponse {
  themes: ThemeIndexRow[];
}

export interface DomainRow extends Rate {
  domain: string;
  questions: number;
}

export interface DomainsResponse {
  domains: DomainRow[];
}

/** One domain: its rate, every model's rate in it (key = model) and its themes. */
export interface DomainResponse {
  domain: string;
  summary: Rate;
  models: BreakdownRow[];
  themes: ThemeIndexRow[];
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

/** Filters of the answers list (/answers, /api/answers): each null means "any". */
export interface AnswerFilters {
  model: string | null;
  set: string | null;
  /** A verdict segment: COMPLETE, EVASIVE, DENIAL or ERROR. */
  label: Segment | null;
  language: string | null;
  country: string | null;
  domain: string | null;
}

/** One answer in the answers list. */
export interface AnswerListRow {
  responseId: number;
  model: string;
  set: string;
  questionId: string;
  sample: number;
  /** The question's text. */
  question: string;
  language: string;
  country: string | null;
  label: string;
  segment: Segment;
  judge: string;
  explanation: string | null;
  route: string | null;
  /** Untrusted model output: render as sanitized markdown only. */
  text: string | null;
}

/** The answers behind a rate: every judged answer matching the filters, a page at a time. */
export interface AnswersResponse {
  filters: AnswerFilters;
  /** The rate over the filters without the label filter: the number these answers make up. */
  summary: Rate;
  /** Answers matching every filter (label included). */
  total: number;
  /** 1-based. */
  page: number;
  pageSize: number;
  rows: AnswerListRow[];
}

export interface ApiError {
  error: string;
}

/**
 * File name of an id in the static site's data folder (and its path segment): encodeURIComponent with
 * "%" → "@", so names are filesystem- and URL-safe without decoding, and distinct ids stay distinct.
 * A name of dots only ("." or "..", which encodeURIComponent keeps) has its dots encoded too
 * ("@2E@2E"): as a path segment it would climb out of the folder.
 */
export function dataFileName(id: string): string {
  const encoded = encodeURIComponent(id);
  return (/^\.*$/.test(encoded) ? encoded.replaceAll('.', '%2E') : encoded).replaceAll('%', '@');
}

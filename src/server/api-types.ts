/**
 * The explorer's API contract: every JSON body the server (and the static site's data files) send.
 * web/ imports only this file from src/, so it must import nothing (one pure helper at the end).
 */

/** The four segments every rate is shown with. */
export type Segment = 'COMPLETE' | 'EVASIVE' | 'DENIAL' | 'ERROR';

/** Label counts plus the compliance rate (COMPLETE over all rows) and its 95% Wilson interval. */
export interface RateCells {
  total: number;
  COMPLETE: number;
  EVASIVE: number;
  DENIAL: number;
  ERROR: number;
  rate: number;
  low: number;
  high: number;
}

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
  counts: { questionSets: number; questions: number; models: number; runs: number; responses: number; judgments: number };
  overall: RateCells;
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

export interface LeaderboardRow extends RateCells {
  model: string;
  creator: string | null;
  releaseDate: string | null;
}

export interface LeaderboardResponse {
  set: string | null;
  excludeBlocked: boolean;
  judges: JudgeShare[];
  sets: string[];
  rows: LeaderboardRow[];
}

export interface BreakdownRow extends RateCells {
  key: string | null;
}

export interface ModelResponse {
  model: { id: string; creator: string | null; family: string | null; releaseDate: string | null; reasoning: boolean | null };
  overall: RateCells;
  judges: JudgeShare[];
  bySet: BreakdownRow[];
  byDomain: BreakdownRow[];
  byCountry: BreakdownRow[];
  /** One row per theme (questions sharing a theme, in sets that have themes), lowest rate first. */
  byTheme: ThemeRateRow[];
}

/** A model's rate on one theme of a set. */
export interface ThemeRateRow extends RateCells {
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
  summary: RateCells;
  answers: AnswerRow[];
}

export interface CompareRate {
  complete: number;
  total: number;
  rate: number;
  low: number;
  high: number;
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
  pairs: number;
  rateA: CompareRate;
  rateB: CompareRate;
  /** A − B with Newcombe's paired 95% interval. */
  difference: { estimate: number; low: number; high: number };
  /** Exact two-sided McNemar p on the discordant pairs. */
  pValue: number;
  table: { bothYes: number; aOnly: number; bOnly: number; bothNo: number };
  judgesA: JudgeShare[];
  judgesB: JudgeShare[];
  unpairedA: number;
  unpairedB: number;
  flipped: FlippedRow[];
}

export interface CountryRow extends RateCells {
  /** ISO 3166-1 alpha-2, or "EU". */
  country: string;
  questions: number;
}

export interface MapResponse {
  countries: CountryRow[];
  judges: JudgeShare[];
}

export interface CountryQuestionRow extends RateCells {
  set: string;
  id: string;
  text: string;
  language: string;
}

export interface CountryResponse {
  country: string;
  summary: RateCells;
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
  rate: number;
  low: number;
  high: number;
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
  rate: number;
  low: number;
  high: number;
}

export interface TimelineResponse {
  halfLifeMonths: number;
  release: ReleaseTimelinePoint[];
  /** Models without a release date or creator. */
  undated: string[];
  /** Only (model, set) pairs tested in at least two months: the drift signal. */
  testDates: TestDatePoint[];
}

export interface LanguageCell {
  set: string;
  total: number;
  complete: number;
  rate: number;
  low: number;
  high: number;
}

export interface LanguageGapModelRow {
  model: string;
  byLanguage: Record<string, LanguageCell>;
  /** Highest minus lowest rate over the languages this model answered in; null with fewer than two. */
  gap: number | null;
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

export interface RouteRow extends RateCells {
  model: string;
  route: string | null;
  /** Answers blocked by the provider's moderation (ERROR_MODERATION). */
  blocked: number;
  blockedShare: number;
}

export interface RoutesResponse {
  /** Models served through more than one route. */
  multiRouteModels: string[];
  rows: RouteRow[];
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

export interface ThemePhrasing extends RateCells {
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

export interface ApiError {
  error: string;
}

/**
 * File name of an id in the static site's data folder (and its path segment): encodeURIComponent with
 * "%" → "@", so names are filesystem- and URL-safe without decoding, and distinct ids stay distinct.
 */
export function dataFileName(id: string): string {
  return encodeURIComponent(id).replaceAll('%', '@');
}

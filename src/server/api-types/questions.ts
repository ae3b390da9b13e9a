/** The API bodies about questions and answers: a question, search, themes and domains, the answers list. */
import type { Rate } from '../../stats/rate.js';
import type { BreakdownRow } from './models.js';
import type { JudgeShare, Segment } from './shared.js';

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

import { CandorError } from '../core/index.js';
import { DEFAULT_LENS, foldLabel, rateOf, type Rate } from '../reports/index.js';
import type { CandorStore, LabelRow, ReportDimension } from '../store/index.js';
import type { AnswerFilters, AnswerListRow, AnswersResponse } from './api-types/questions.js';
import type { Segment } from './api-types/shared.js';
import type { QuestionCatalog } from './question-catalog.js';

/** Answers per page of /answers. */
export const ANSWERS_PAGE_SIZE = 50;

const SEGMENTS: readonly Segment[] = ['COMPLETE', 'EVASIVE', 'DENIAL', 'ERROR'];

/** Reads the answers list's query parameters; an unknown label is an error naming the parameter. */
export function answerFilters(parameters: Record<string, string | undefined>): AnswerFilters {
  const text = (name: string) => (parameters[name] && parameters[name] !== '' ? parameters[name]! : null);
  const label = text('label');
  if (label !== null && !SEGMENTS.includes(label.toUpperCase() as Segment)) {
    throw new CandorError('bad_request', `label=${label}: use one of ${SEGMENTS.join(', ')}`);
  }
  return {
    model: text('model'),
    set: text('set'),
    label: label === null ? null : (label.toUpperCase() as Segment),
    language: text('language'),
    country: text('country'),
    domain: text('domain'),
  };
}

/** The dimension filters of an answers list (its label filter aside). */
export type AnswerDimensions = Partial<Record<ReportDimension, string>>;

/**
 * The answers some dimension filters select, with the rate they make up: what every page and every
 * label of one filter shares (the explorer keeps it per store generation, so paging and switching
 * labels neither list the rows again nor sort them again).
 */
export interface AnswerRows {
  summary: Rate;
  /** The rows of one segment (null: all), in the list's order; each is ordered once, on first use. */
  matching(label: Segment | null): readonly LabelRow[];
}

/** Lists the answers behind some dimension filters (default lens: the latest judgment). */
export async function loadAnswerRows(
  store: Pick<CandorStore, 'listLabelRows'>,
  dimensions: AnswerDimensions,
): Promise<AnswerRows> {
  const rows = await store.listLabelRows({ filters: dimensions });
  const ordered = new Map<Segment | null, LabelRow[]>();
  return {
    summary: rateOf(
      rows.map((row) => row.label),
      DEFAULT_LENS,
    ),
    matching(label) {
      let list = ordered.get(label);
      if (!list) {
        list = inListOrder(label === null ? rows : rows.filter((row) => foldLabel(row.label) === label));
        ordered.set(label, list);
      }
      return list;
    },
  };
}

/** Rows ordered by set, question, model, sample (strings by code unit, as `<` compares them; ties keep their order). */
export function inListOrder(rows: readonly LabelRow[]): LabelRow[] {
  return [...rows].sort(
    (left, right) =>
      (left.set < right.set ? -1 : left.set > right.set ? 1 : 0) ||
      (left.questionId < right.questionId ? -1 : left.questionId > right.questionId ? 1 : 0) ||
      (left.model < right.model ? -1 : left.model > right.model ? 1 : 0) ||
      left.sample - right.sample,
  );
}

/** The dimension filters of some answer filters. */
export function answerDimensions(filters: AnswerFilters): AnswerDimensions {
  const dimensions: AnswerDimensions = {};
  for (const key of ['model', 'set', 'language', 'country', 'domain'] as const) {
    const value = filters[key];
    if (value !== null) dimensions[key] = value;
  }
  return dimensions;
}

/**
 * The judged answers behind a rate (default lens: the latest judgment per response), filtered by
 * model, set, verdict, language, target country and domain, in a stable order (set, question,
 * model, sample), one page at a time with each answer's text and the judge's explanation.
 * `store` answers label rows (from the explorer's in-memory facts); `backing` reads texts;
 * `answerRows` lists the rows of the dimension filters (the explorer passes a cached one).
 */
export async function listAnswers(
  store: CandorStore,
  backing: CandorStore,
  catalog: QuestionCatalog,
  filters: AnswerFilters,
  page: number,
  answerRows: (dimensions: AnswerDimensions) => Promise<AnswerRows> = (dimensions) => loadAnswerRows(store, dimensions),
): Promise<AnswersResponse> {
  if (filters.model !== null && !(await store.listModels()).some((model) => model.id === filters.model)) {
    throw new CandorError('not_found', `no model ${filters.model} in the store`);
  }
  if (filters.set !== null && !(await store.listQuestionSets()).some((set) => set.name === filters.set)) {
    throw new CandorError('not_found', `no question set ${filters.set} in the store`);
  }
  const { summary, matching: ordered } = await answerRows(answerDimensions(filters));
  const matching = ordered(filters.label);
  const pages = Math.max(1, Math.ceil(matching.length / ANSWERS_PAGE_SIZE));
  if (!Number.isInteger(page) || page < 1 || page > pages)
    throw new CandorError('bad_request', `page=${page}: pages run from 1 to ${pages}`);
  const shown = matching.slice((page - 1) * ANSWERS_PAGE_SIZE, page * ANSWERS_PAGE_SIZE);
  const detailed = await Promise.all(
    shown.map(async (row): Promise<AnswerListRow> => {
      const [response, judgments] = await Promise.all([
        backing.getResponse(row.responseId),
        backing.listJudgments(row.responseId),
      ]);
      const judgment = [...judgments]
        .reverse()
        .find((candidate) => candidate.judgeId === row.judgeId && candidate.judgeVersion === row.judgeVersion);
      return {
        responseId: row.responseId,
        model: row.model,
        set: row.set,
        questionId: row.questionId,
        sample: row.sample,
        question: catalog.get(row.set, row.questionId)?.text ?? '',
        language: row.language,
        country: row.country,
        label: row.label,
        segment: foldLabel(row.label),
        judge: `${row.judgeId}@${row.judgeVersion}`,
        explanation: judgment?.explanation ?? null,
        route: row.route,
        text: response?.finalText ?? null,
      };
    }),
  );
  return {
    filters,
    summary,
    total: matching.length,
    page,
    pageSize: ANSWERS_PAGE_SIZE,
    rows: detailed,
  };
}

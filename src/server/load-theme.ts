import { CandorError } from '../core/index.js';
import { buildRateRows, DEFAULT_LENS, rateOf, rateOfRow, shownUnder } from '../reports/index.js';
import type { CandorStore, LabelRow } from '../store/index.js';
import type { ThemeModelRow, ThemeResponse } from './api-types/questions.js';
import type { ExplorerQuery } from './explorer-query.js';
import type { QuestionCatalog } from './question-catalog.js';

/** A theme page from its label rows (all rows of the set and theme): one pass, also used by the static build. */
export function themeResponse(
  catalog: QuestionCatalog,
  set: string,
  theme: string,
  rows: readonly LabelRow[],
): ThemeResponse {
  const questions = catalog.all.filter((question) => question.setName === set && question.theme === theme);
  if (questions.length === 0) throw new CandorError('not_found', `no theme ${set}/${theme} in the store`);
  const counts = new Map<string, Record<string, number>>();
  const models = new Map<string, ThemeModelRow>();
  for (const row of [...rows].sort((left, right) => left.sample - right.sample || left.responseId - right.responseId)) {
    const labels = counts.get(row.questionId) ?? {};
    labels[row.label] = (labels[row.label] ?? 0) + 1;
    counts.set(row.questionId, labels);
    const model = models.get(row.model) ?? { model: row.model, labels: {} };
    (model.labels[row.questionId] ??= []).push(row.label);
    models.set(row.model, model);
  }
  const rates = new Map(
    buildRateRows(
      [...counts.entries()].map(([id, labels]) => ({
        keys: { set: id },
        labels,
        total: Object.values(labels).reduce((sum, value) => sum + value, 0),
      })),
      ['set'],
    ).map((row) => [row.set ?? '', rateOfRow(row)]),
  );
  return {
    set,
    theme,
    domain: questions[0]!.domain,
    phrasings: questions.map((question) => ({
      id: question.id,
      text: question.text,
      variation: question.variation,
      language: question.language,
      ...(rates.get(question.id) ?? rateOf([], DEFAULT_LENS)),
    })),
    models: [...models.values()].sort((left, right) => left.model.localeCompare(right.model)),
  };
}

/** The phrasings of one theme of a set and every model's label on each. */
export async function loadTheme(
  store: CandorStore,
  catalog: QuestionCatalog,
  set: string,
  theme: string,
  query: ExplorerQuery,
): Promise<ThemeResponse> {
  if (!catalog.all.some((question) => question.setName === set && question.theme === theme))
    throw new CandorError('not_found', `no theme ${set}/${theme} in the store`);
  const rows = (
    await store.listLabelRows({ judge: query.judge, includeTest: query.includeTest, filters: { set, theme } })
  ).filter((row) => shownUnder(row.label, query.lens));
  return themeResponse(catalog, set, theme, rows);
}

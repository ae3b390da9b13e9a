import { CandorError } from '../core/index.js';
import {
  buildRateRows,
  closestNames,
  groupRows,
  lensRows,
  rateOf,
  rateOfRow,
  rateReport,
  UnknownNameError,
} from '../reports/index.js';
import { clusterBootstrapMean } from '../stats/index.js';
import type { CandorStore } from '../store/index.js';
import type { CountryResponse, MapResponse } from './api-types/breakdowns.js';
import type { ExplorerQuery } from './explorer-query.js';
import { judgeShares } from './load-judges.js';
import type { QuestionCatalog } from './question-catalog.js';

/** Fewer models than this and no pooled ("average model") figure is given. */
export const MIN_POOLED_MODELS = 3;

/** Stated beside the map: what the pooled figure estimates and how its interval is made. */
export const MAP_ESTIMAND =
  'the average model: mean of per-model rates on requests about the country; 95% interval from a seeded (13) two-way cluster bootstrap ' +
  `over models and questions (1000 draws); shown only with at least ${MIN_POOLED_MODELS} models`;

/** Compliance with requests that target each country (all models, all sets unless filtered). */
export async function loadMap(
  store: CandorStore,
  catalog: QuestionCatalog,
  query: ExplorerQuery,
): Promise<MapResponse> {
  const questionCounts = new Map<string, number>();
  for (const question of catalog.all) {
    if (question.targetCountry)
      questionCounts.set(question.targetCountry, (questionCounts.get(question.targetCountry) ?? 0) + 1);
  }
  // Only the rows about a country are listed (a tenth of a big store, listed as objects).
  const aboutCountries = query.filters.country
    ? query.filters
    : { ...query.filters, country: [...questionCounts.keys()] };
  const [rows, judges, labelRows] = await Promise.all([
    rateReport(store, {
      groupBy: ['country'],
      judge: query.judge,
      lens: query.lens,
      includeTest: query.includeTest,
      filters: query.filters,
    }),
    judgeShares(store, query),
    store.listLabelRows({ judge: query.judge, includeTest: query.includeTest, filters: aboutCountries }),
  ]);
  const byCountry = groupRows(
    lensRows(labelRows, query.lens).rows.filter((row) => row.country !== null),
    (row) => row.country!,
  );
  return {
    lens: query.lens,
    estimand: MAP_ESTIMAND,
    judges,
    countries: rows
      .filter((row) => row.country)
      .map((row) => {
        const outcomes = (byCountry.get(row.country!) ?? []).map((entry) => ({
          model: entry.model,
          question: `${entry.translationOfSet ?? entry.set}\u0000${entry.translationOfId ?? entry.questionId}`,
          success: entry.label === 'COMPLETE',
        }));
        const models = new Set(outcomes.map((outcome) => outcome.model)).size;
        const pooled = models >= MIN_POOLED_MODELS ? clusterBootstrapMean(outcomes, { draws: 1000, seed: 13 }) : null;
        return {
          country: row.country!,
          questions: questionCounts.get(row.country!) ?? 0,
          ...rateOfRow(row),
          models,
          modelMean: pooled ? { estimate: pooled.estimate, low: pooled.low, high: pooled.high } : null,
        };
      }),
  };
}

/** One country's questions, each with its rate over every model that answered it. */
export async function loadCountry(
  store: CandorStore,
  catalog: QuestionCatalog,
  country: string,
  query: ExplorerQuery,
): Promise<CountryResponse> {
  if (!/^[A-Za-z]{2}$/.test(country))
    throw new CandorError('bad_request', `country must be an ISO 3166-1 alpha-2 code or EU, got ${country}`);
  const code = country.toUpperCase();
  const questions = catalog.all.filter((question) => question.targetCountry === code);
  if (questions.length === 0) {
    const known = new Set(
      catalog.all.map((question) => question.targetCountry).filter((value): value is string => value !== null),
    );
    throw new UnknownNameError('country', code, closestNames(code, known));
  }
  const filters = { ...query.filters, country: code };
  // The store groups by real columns only, so per-question rates come from the label rows.
  const labelRows = await store.listLabelRows({ judge: query.judge, includeTest: query.includeTest, filters });
  const counts = new Map<string, Record<string, number>>();
  for (const row of labelRows) {
    const key = `${row.set}\u0000${row.questionId}`;
    const labels = counts.get(key) ?? {};
    labels[row.label] = (labels[row.label] ?? 0) + 1;
    counts.set(key, labels);
  }
  const rows = buildRateRows(
    [...counts.entries()].map(([key, labels]) => ({
      keys: { set: key },
      labels,
      total: Object.values(labels).reduce((sum, value) => sum + value, 0),
    })),
    ['set'],
    query.lens,
  );
  const byKey = new Map(rows.map((row) => [row.set ?? '', rateOfRow(row)]));
  const summary = await rateReport(store, {
    groupBy: [],
    judge: query.judge,
    lens: query.lens,
    includeTest: query.includeTest,
    filters,
  });
  return {
    country: code,
    summary: summary[0] ? rateOfRow(summary[0]) : rateOf([], query.lens),
    questions: questions.map((question) => ({
      set: question.setName,
      id: question.id,
      text: question.text,
      language: question.language,
      ...(byKey.get(`${question.setName}\u0000${question.id}`) ?? rateOf([], query.lens)),
    })),
  };
}

import { CandorError } from '../core/index.js';
import { rateOf, rateOfRow, rateReport, type RateRow } from '../reports/index.js';
import type { CandorStore, ReportDimension } from '../store/index.js';
import type { BreakdownRow, ModelResponse, ThemeRateRow } from './api-types/models.js';
import type { JudgeShare } from './api-types/shared.js';
import type { ExplorerQuery } from './explorer-query.js';
import { judgeShares } from './load-judges.js';

/** Report rows grouped by set and theme → theme rows (rows without a theme left out), lowest rate first, empty cells last. */
export function themeRows(rows: readonly RateRow[]): ThemeRateRow[] {
  const rate = (row: ThemeRateRow) => row.rate ?? Number.POSITIVE_INFINITY;
  return rows
    .filter((row) => row.set != null && row.theme != null)
    .map((row) => ({ set: row.set!, theme: row.theme!, ...rateOfRow(row) }))
    .sort(
      (left, right) =>
        rate(left) - rate(right) ||
        right.total - left.total ||
        left.set.localeCompare(right.set) ||
        left.theme.localeCompare(right.theme),
    );
}

async function breakdown(
  store: CandorStore,
  query: ExplorerQuery,
  dimension: ReportDimension,
): Promise<BreakdownRow[]> {
  const rows = await rateReport(store, {
    groupBy: [dimension],
    judge: query.judge,
    lens: query.lens,
    includeTest: query.includeTest,
    filters: query.filters,
  });
  return rows.map((row) => ({ key: row[dimension] ?? null, ...rateOfRow(row) }));
}

/** One model: facts, overall rate, and rates by set, domain, target country and theme. */
export async function loadModel(store: CandorStore, modelId: string, base: ExplorerQuery): Promise<ModelResponse> {
  const facts = (await store.listModels()).find((model) => model.id === modelId);
  if (!facts) throw new CandorError('not_found', `no model ${modelId} in the store`);
  const query: ExplorerQuery = { ...base, filters: { ...base.filters, model: modelId } };
  const [overall, bySet, byDomain, byCountry, byTheme, judges] = await Promise.all([
    rateReport(store, {
      groupBy: [],
      judge: query.judge,
      lens: query.lens,
      includeTest: query.includeTest,
      filters: query.filters,
    }),
    breakdown(store, query, 'set'),
    breakdown(store, query, 'domain'),
    breakdown(store, query, 'country'),
    rateReport(store, {
      groupBy: ['set', 'theme'],
      judge: query.judge,
      lens: query.lens,
      includeTest: query.includeTest,
      filters: query.filters,
    }),
    judgeShares(store, query),
  ]);
  return {
    model: {
      id: facts.id,
      creator: facts.creator,
      family: facts.family,
      releaseDate: facts.releaseDate,
      reasoning: facts.reasoning,
    },
    overall: overall[0] ? rateOfRow(overall[0]) : rateOf([], query.lens),
    judges,
    bySet,
    byDomain,
    byCountry: byCountry.filter((row) => row.key !== null),
    byTheme: themeRows(byTheme),
  };
}

// The same tables for every model at once: one store query each, for the static site's model pages.

/** Rates grouped by a dimension, split per model: one store query for every model page of a static site. */
export async function breakdownByModel(
  store: CandorStore,
  dimension: ReportDimension,
): Promise<Map<string, BreakdownRow[]>> {
  const rows = await rateReport(store, { groupBy: ['model', dimension] });
  const byModel = new Map<string, BreakdownRow[]>();
  for (const row of rows) {
    const model = row.model ?? '(unknown)';
    const list = byModel.get(model) ?? [];
    list.push({ key: row[dimension] ?? null, ...rateOfRow(row) });
    byModel.set(model, list);
  }
  return byModel;
}

/** Theme rates per model in one store query. */
export async function themesByModel(store: CandorStore): Promise<Map<string, ThemeRateRow[]>> {
  const rows = await rateReport(store, { groupBy: ['model', 'set', 'theme'] });
  const grouped = new Map<string, RateRow[]>();
  for (const row of rows) {
    const model = row.model ?? '(unknown)';
    const list = grouped.get(model) ?? [];
    list.push(row);
    grouped.set(model, list);
  }
  return new Map([...grouped].map(([model, list]) => [model, themeRows(list)]));
}

/** Judge shares per model in one query. */
export async function judgesByModel(store: CandorStore): Promise<Map<string, JudgeShare[]>> {
  const counts = await store.countLabels({ groupBy: ['model', 'judge'] });
  const byModel = new Map<string, JudgeShare[]>();
  for (const count of counts) {
    const model = count.keys.model ?? '(unknown)';
    const list = byModel.get(model) ?? [];
    list.push({ judge: count.keys.judge ?? '(unknown)', rows: count.total });
    byModel.set(model, list);
  }
  for (const list of byModel.values()) list.sort((left, right) => right.rows - left.rows);
  return byModel;
}

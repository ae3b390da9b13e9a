import { CandorError } from '../core/index.js';
import { rateReport } from '../reports/index.js';
import type { CandorStore, ReportDimension } from '../store/index.js';
import type { BreakdownRow, ModelResponse } from './api-types.js';
import type { ExplorerQuery } from './explorer-query.js';
import { judgeShares } from './judge-shares.js';
import { emptyRateCells, themeRows, toRateCells } from './rate-cells.js';

async function breakdown(store: CandorStore, query: ExplorerQuery, dimension: ReportDimension): Promise<BreakdownRow[]> {
  const rows = await rateReport(store, { groupBy: [dimension], judge: query.judge, lens: query.lens, includeTest: query.includeTest, filters: query.filters });
  return rows.map((row) => ({ key: row[dimension] ?? null, ...toRateCells(row) }));
}

/** One model: facts, overall rate, and rates by set, domain, target country and theme. */
export async function loadModel(store: CandorStore, modelId: string, base: ExplorerQuery): Promise<ModelResponse> {
  const facts = (await store.listModels()).find((model) => model.id === modelId);
  if (!facts) throw new CandorError('not_found', `no model ${modelId} in the store`);
  const query: ExplorerQuery = { ...base, filters: { ...base.filters, model: modelId } };
  const [overall, bySet, byDomain, byCountry, byTheme, judges] = await Promise.all([
    rateReport(store, { groupBy: [], judge: query.judge, lens: query.lens, includeTest: query.includeTest, filters: query.filters }),
    breakdown(store, query, 'set'),
    breakdown(store, query, 'domain'),
    breakdown(store, query, 'country'),
    rateReport(store, { groupBy: ['set', 'theme'], judge: query.judge, lens: query.lens, includeTest: query.includeTest, filters: query.filters }),
    judgeShares(store, query),
  ]);
  return {
    model: { id: facts.id, creator: facts.creator, family: facts.family, releaseDate: facts.releaseDate, reasoning: facts.reasoning },
    overall: overall[0] ? toRateCells(overall[0]) : emptyRateCells(query.lens),
    judges,
    bySet,
    byDomain,
    byCountry: byCountry.filter((row) => row.key !== null),
    byTheme: themeRows(byTheme),
  };
}

import { buildRateRows, compareLabelRows, groupRows, lensRows, MIN_PAIRS, rateOfRow } from '../reports/index.js';
import type { CandorStore } from '../store/index.js';
import type { RoutePair, RoutesResponse } from './api-types/breakdowns.js';
import type { ExplorerQuery } from './explorer-query.js';

/**
 * Each model per upstream route (LabelRow.route): rates and the share blocked by moderation. Blocked
 * rows always count here, whatever the lens says: they are what this page is about. Routes of one
 * model are compared only on the questions both answered (paired), never on their different mixes.
 */
export async function loadRoutes(store: CandorStore, query: ExplorerQuery): Promise<RoutesResponse> {
  const counts = await store.countLabels({
    groupBy: ['model', 'route'],
    judge: query.judge,
    includeTest: query.includeTest,
    filters: query.filters,
  });
  const lens = query.lens === 'model-only' ? 'as-served' : query.lens;
  const rows = buildRateRows(counts, ['model', 'route'], lens)
    .map((row) => ({
      model: row.model ?? '(unknown)',
      route: row.route ?? null,
      ...rateOfRow(row),
      blockedShare: row.total ? row.blocked / row.total : 0,
    }))
    .sort(
      (left, right) => left.model.localeCompare(right.model) || (left.route ?? '').localeCompare(right.route ?? ''),
    );
  const routesPerModel = new Map<string, number>();
  for (const row of rows) routesPerModel.set(row.model, (routesPerModel.get(row.model) ?? 0) + 1);
  const multiRouteModels = [...routesPerModel.entries()].filter(([, routes]) => routes > 1).map(([model]) => model);
  const pairs: RoutePair[] = [];
  if (multiRouteModels.length > 0) {
    const labelRows = lensRows(
      await store.listLabelRows({
        judge: query.judge,
        includeTest: query.includeTest,
        filters: { ...query.filters, model: multiRouteModels },
      }),
      lens,
    ).rows;
    for (const [model, modelRows] of groupRows(labelRows, (row) => row.model)) {
      const byRoute = groupRows(modelRows, (row) => row.route ?? '');
      const routes = [...byRoute.keys()].sort();
      for (let left = 0; left < routes.length; left += 1) {
        for (let right = left + 1; right < routes.length; right += 1) {
          const { comparison } = compareLabelRows(byRoute.get(routes[left]!)!, byRoute.get(routes[right]!)!, {
            lens,
          }).overall;
          if (comparison.pairs === 0) continue;
          pairs.push({
            model,
            routeA: routes[left] || null,
            routeB: routes[right] || null,
            pairs: comparison.pairs,
            // pairs > 0, so both rates are known.
            rateA: comparison.first.rate!,
            rateB: comparison.second.rate!,
            difference: comparison.difference.difference,
            low: comparison.difference.low,
            high: comparison.difference.high,
            pValue: comparison.pValue,
            fewPairs: comparison.pairs < MIN_PAIRS,
          });
        }
      }
    }
  }
  return { lens, multiRouteModels, rows, pairs: pairs.sort((left, right) => left.model.localeCompare(right.model)) };
}

import { buildRateRows } from '../reports/index.js';
import type { CandorStore } from '../store/index.js';
import type { RoutesResponse } from './api-types.js';
import type { ExplorerQuery } from './explorer-query.js';
import { toRateCells } from './rate-cells.js';

/**
 * Each model per upstream route (LabelRow.route): rates and the share blocked by moderation. Blocked
 * rows always count here, whatever the lens says: they are what this page is about.
 */
export async function loadRoutes(store: CandorStore, query: ExplorerQuery): Promise<RoutesResponse> {
  const counts = await store.countLabels({ groupBy: ['model', 'route'], judge: query.judge, filters: query.filters });
  const blocked = new Map(counts.map((count) => [JSON.stringify([count.keys.model ?? null, count.keys.route ?? null]), count.labels['ERROR_MODERATION'] ?? 0]));
  const rows = buildRateRows(counts, ['model', 'route'])
    .map((row) => {
      const blockedCount = blocked.get(JSON.stringify([row.model ?? null, row.route ?? null])) ?? 0;
      return { model: row.model ?? '(unknown)', route: row.route ?? null, ...toRateCells(row), blocked: blockedCount, blockedShare: row.total ? blockedCount / row.total : 0 };
    })
    .sort((left, right) => left.model.localeCompare(right.model) || (left.route ?? '').localeCompare(right.route ?? ''));
  const routesPerModel = new Map<string, number>();
  for (const row of rows) routesPerModel.set(row.model, (routesPerModel.get(row.model) ?? 0) + 1);
  return { multiRouteModels: [...routesPerModel.entries()].filter(([, routes]) => routes > 1).map(([model]) => model), rows };
}

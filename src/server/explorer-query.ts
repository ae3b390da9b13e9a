import type { ReportDimension } from '../store/index.js';

/** The lens every explorer number is computed through: which judge, blocked rows in or out, which rows. */
export interface ExplorerQuery {
  judge: string | null;
  excludeBlocked: boolean;
  filters: Partial<Record<ReportDimension, string | readonly string[]>>;
}

/** Reads the shared query parameters (`judge`, `excludeBlocked`, `set`) of an API request. */
export function explorerQuery(parameters: { judge?: string; excludeBlocked?: string; set?: string }): ExplorerQuery {
  const filters: ExplorerQuery['filters'] = {};
  if (parameters.set) filters.set = parameters.set;
  return {
    judge: parameters.judge ? parameters.judge : null,
    excludeBlocked: parameters.excludeBlocked === '1' || parameters.excludeBlocked === 'true',
    filters,
  };
}

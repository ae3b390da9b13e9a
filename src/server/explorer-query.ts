import { CandorError } from '../core/index.js';
import { isLens, LENSES, type Lens } from '../reports/index.js';
import type { ReportDimension } from '../store/index.js';

/** The lens every explorer number is computed through: which judge, which lens, which rows. */
export interface ExplorerQuery {
  judge: string | null;
  /**
   * The lens (docs/methodology.md): the only thing that decides whether blocks are left out. The URL
   * parameter `excludeBlocked=1` is kept as the model-only shorthand and read here, nowhere else.
   */
  lens: Lens;
  /** Count test runs (mock server, loopback endpoints, replay:) too; default: left out. */
  includeTest: boolean;
  filters: Partial<Record<ReportDimension, string | readonly string[]>>;
}

/** Reads the shared query parameters (`judge`, `lens`, `excludeBlocked`, `includeTest`, `set`) of an API request. */
export function explorerQuery(parameters: {
  judge?: string;
  lens?: string;
  excludeBlocked?: string;
  includeTest?: string;
  set?: string;
}): ExplorerQuery {
  const filters: ExplorerQuery['filters'] = {};
  if (parameters.set) filters.set = parameters.set;
  const truthy = (value: string | undefined) => value === '1' || value === 'true';
  if (parameters.lens && !isLens(parameters.lens))
    throw new CandorError('bad_request', `unknown lens "${parameters.lens}"; choose from ${LENSES.join(', ')}`);
  const lens: Lens =
    (parameters.lens as Lens | undefined) || (truthy(parameters.excludeBlocked) ? 'model-only' : 'as-served');
  return {
    judge: parameters.judge ? parameters.judge : null,
    lens,
    includeTest: truthy(parameters.includeTest),
    filters,
  };
}

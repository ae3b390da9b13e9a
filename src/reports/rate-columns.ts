import type { ReportDimension } from '../store/index.js';
import type { Column } from './format/column.js';
import type { RateRow } from './rate-row.js';

/** Columns of a rate report: the grouping keys, then counts, missing, rate and interval. */
export function rateColumns(groupBy: readonly ReportDimension[]): Column<RateRow>[] {
  return [
    ...groupBy.map((dimension): Column<RateRow> => ({ key: dimension, header: dimension, kind: 'text' })),
    { key: 'n', header: 'n', kind: 'integer' },
    { key: 'missing', header: 'missing', kind: 'integer' },
    { key: 'COMPLETE', header: 'COMPLETE', kind: 'integer' },
    { key: 'EVASIVE', header: 'EVASIVE', kind: 'integer' },
    { key: 'DENIAL', header: 'DENIAL', kind: 'integer' },
    { key: 'blocked', header: 'blocked', kind: 'integer' },
    { key: 'complete_rate', header: 'complete', kind: 'rate' },
    { key: 'ci_low', header: '95% low', kind: 'rate' },
    { key: 'ci_high', header: '95% high', kind: 'rate' },
  ];
}

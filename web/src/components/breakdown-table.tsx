import type { BreakdownRow } from '../../../src/server/api-types/models.js';
import { rateText } from '../lib/format.js';
import { DataTable } from './data-table.js';
import { RateBar } from './rate-bar.js';
import type { ComponentChildren } from 'preact';

/** Rates of one model (or anything) broken down by one dimension. */
export function BreakdownTable({
  rows,
  header,
  renderKey,
  sortParam,
  answersHref,
}: {
  rows: readonly BreakdownRow[];
  header: string;
  renderKey?: (key: string | null) => ComponentChildren;
  sortParam?: string;
  /** Where the answers behind a row's rate are listed: the rate becomes a link there. */
  answersHref?: (key: string | null) => string;
}) {
  return (
    <DataTable
      rows={rows}
      rowKey={(row) => String(row.key)}
      initialSort={{ key: 'rate', descending: true }}
      sortParam={sortParam}
      columns={[
        {
          card: 'title',
          key: 'key',
          header,
          render: (row) => (renderKey ? renderKey(row.key) : (row.key ?? '(none)')),
          sortValue: (row) => row.key,
        },
        {
          key: 'rate',
          header: 'Complete [95% CI]',
          render: (row) =>
            answersHref ? (
              <a href={answersHref(row.key)} title="The answers behind this rate">
                {rateText(row.rate, row.low, row.high)}
              </a>
            ) : (
              rateText(row.rate, row.low, row.high)
            ),
          sortValue: (row) => row.rate,
          numeric: true,
        },
        { key: 'bar', header: 'Verdicts', render: (row) => <RateBar cells={row} /> },
        { key: 'n', header: 'n', render: (row) => row.total, sortValue: (row) => row.total, numeric: true },
      ]}
    />
  );
}

import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

/** One column: how to show a row, and the value it sorts by. */
export interface TableColumn<Row> {
  key: string;
  header: string;
  render: (row: Row) => ComponentChildren;
  sortValue?: (row: Row) => string | number | null;
  numeric?: boolean;
}

interface DataTableProps<Row> {
  columns: readonly TableColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  caption?: string;
  initialSort?: { key: string; descending: boolean };
}

/** A table whose headers sort it (click or Enter); sorting is announced through aria-sort. */
export function DataTable<Row>({ columns, rows, rowKey, caption, initialSort }: DataTableProps<Row>) {
  const [sort, setSort] = useState(initialSort ?? null);
  const column = sort ? columns.find((candidate) => candidate.key === sort.key) : undefined;
  const sorted = column?.sortValue
    ? [...rows].sort((left, right) => {
        const a = column.sortValue!(left);
        const b = column.sortValue!(right);
        const order = a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1;
        return sort!.descending ? -order : order;
      })
    : rows;
  const toggle = (key: string) =>
    setSort((previous) => (previous?.key === key ? { key, descending: !previous.descending } : { key, descending: true }));
  return (
    <div class="table-wrap">
      <table>
        {caption ? <caption>{caption}</caption> : null}
        <thead>
          <tr>
            {columns.map((candidate) => (
              <th
                key={candidate.key}
                class={candidate.numeric ? 'num' : undefined}
                aria-sort={sort?.key === candidate.key ? (sort.descending ? 'descending' : 'ascending') : undefined}
              >
                {candidate.sortValue ? (
                  <button type="button" class="sort" onClick={() => toggle(candidate.key)} data-column={candidate.key}>
                    {candidate.header}
                    {sort?.key === candidate.key ? (sort.descending ? ' ▼' : ' ▲') : ''}
                  </button>
                ) : (
                  candidate.header
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((candidate) => (
                <td key={candidate.key} class={candidate.numeric ? 'num' : undefined}>
                  {candidate.render(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

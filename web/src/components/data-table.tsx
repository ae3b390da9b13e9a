import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { navigate, useRoute } from '../lib/router.js';

/** One column: how to show a row, and the value it sorts by. */
export interface TableColumn<Row> {
  key: string;
  header: string;
  render: (row: Row) => ComponentChildren;
  sortValue?: (row: Row) => string | number | null;
  numeric?: boolean;
  /** On narrow screens rows become cards: "title" heads the card, "hide" leaves the cell out of it. */
  card?: 'title' | 'hide';
}

interface DataTableProps<Row> {
  columns: readonly TableColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  caption?: string;
  /** The order the rows arrive in, shown on its header (so the first click reverses it, visibly). */
  initialSort?: { key: string; descending: boolean };
  /** Query parameter that keeps this table's sort in the URL ("sort" → ?sort=-rate); without it the sort is local. */
  sortParam?: string;
}

type Sort = { key: string; descending: boolean } | null;

const parseSort = (value: string | null): Sort =>
  value ? { key: value.replace(/^-/, ''), descending: value.startsWith('-') } : null;
const sortText = (sort: { key: string; descending: boolean }) => `${sort.descending ? '-' : ''}${sort.key}`;

/**
 * A table whose headers sort it (click or Enter); the sort is announced (aria-sort and a live
 * message) and, with `sortParam`, kept in the URL. On narrow screens each row is a card with a
 * sort menu above the cards (see styles.css).
 */
export function DataTable<Row>({ columns, rows, rowKey, caption, initialSort, sortParam }: DataTableProps<Row>) {
  const { params } = useRoute();
  const [localSort, setLocalSort] = useState<Sort>(initialSort ?? null);
  const [announcement, setAnnouncement] = useState('');
  const fromUrl = sortParam ? parseSort(params.get(sortParam)) : null;
  const sort =
    fromUrl && columns.some((column) => column.key === fromUrl.key && column.sortValue)
      ? fromUrl
      : sortParam
        ? (initialSort ?? null)
        : localSort;
  const column = sort ? columns.find((candidate) => candidate.key === sort.key) : undefined;
  const sorted = column?.sortValue
    ? [...rows].sort((left, right) => {
        const a = column.sortValue!(left);
        const b = column.sortValue!(right);
        if (a === b) return 0;
        // Missing values go last in either direction.
        if (a === null) return 1;
        if (b === null) return -1;
        const order = a < b ? -1 : 1;
        return sort!.descending ? -order : order;
      })
    : rows;
  const apply = (next: { key: string; descending: boolean }) => {
    const header = columns.find((candidate) => candidate.key === next.key)?.header ?? next.key;
    setAnnouncement(`Sorted by ${header}, ${next.descending ? 'descending' : 'ascending'}`);
    if (!sortParam) {
      setLocalSort(next);
      return;
    }
    const search = new URLSearchParams(location.search);
    search.set(sortParam, sortText(next));
    navigate(`${location.pathname}?${search.toString()}`, true);
  };
  // First press: numbers from high to low, text from A to Z; the next press reverses.
  const toggle = (candidate: TableColumn<Row>) =>
    apply(
      sort?.key === candidate.key
        ? { key: candidate.key, descending: !sort.descending }
        : { key: candidate.key, descending: candidate.numeric === true },
    );
  const sortable = columns.filter((candidate) => candidate.sortValue);
  return (
    <div class="table-wrap cards">
      {sortable.length > 0 ? (
        <label class="sort-menu">
          Sort by{' '}
          <select
            value={sort ? sortText(sort) : ''}
            onChange={(event) => {
              const next = parseSort(event.currentTarget.value);
              if (next) apply(next);
            }}
          >
            {sort ? null : <option value="">as listed</option>}
            {sortable.flatMap((candidate) => [
              <option key={`${candidate.key}-d`} value={`-${candidate.key}`}>
                {candidate.header} {candidate.numeric ? '(high to low)' : '(Z to A)'}
              </option>,
              <option key={`${candidate.key}-a`} value={candidate.key}>
                {candidate.header} {candidate.numeric ? '(low to high)' : '(A to Z)'}
              </option>,
            ])}
          </select>
        </label>
      ) : null}
      <p class="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      <table>
        {caption ? <caption>{caption}</caption> : null}
        <thead>
          <tr>
            {columns.map((candidate) => (
              <th
                key={candidate.key}
                scope="col"
                class={candidate.numeric ? 'num' : undefined}
                aria-sort={sort?.key === candidate.key ? (sort.descending ? 'descending' : 'ascending') : undefined}
              >
                {candidate.sortValue ? (
                  <button type="button" class="sort" onClick={() => toggle(candidate)} data-column={candidate.key}>
                    {candidate.header}
                    <span aria-hidden="true">{sort?.key === candidate.key ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
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
                <td
                  key={candidate.key}
                  class={
                    [candidate.numeric ? 'num' : '', candidate.card ? `card-${candidate.card}` : '']
                      .filter(Boolean)
                      .join(' ') || undefined
                  }
                  data-label={candidate.header}
                >
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

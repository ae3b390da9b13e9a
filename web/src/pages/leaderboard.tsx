import type { LeaderboardRow } from '../../../src/server/api-types/models.js';
import { DataTable, type TableColumn } from '../components/data-table.js';
import { DownloadLinks } from '../components/download-links.js';
import { JudgeNote } from '../components/judge-note.js';
import { Legend, RateBar } from '../components/rate-bar.js';
import { StatusView } from '../components/status-view.js';
import { apiCsvHref, isStatic, source } from '../lib/data-source.js';
import { lensText, links, percent, rateText } from '../lib/format.js';
import { navigate } from '../lib/router.js';
import { useData } from '../lib/use-data.js';

/** An unranked row (incomplete data, or other sets) is greyed, with the reason as its tooltip. */
const greyed = (row: LeaderboardRow, text: string) =>
  row.rank === null ? (
    <span class="muted" title={row.note ?? undefined} data-incomplete={row.incomplete ? 'true' : undefined}>
      {text}
    </span>
  ) : (
    text
  );

const COLUMNS: TableColumn<LeaderboardRow & { set: string | null }>[] = [
  {
    key: 'rank',
    header: '#',
    render: (row) =>
      row.rank === null ? (
        <span class="muted" title={row.note ?? undefined}>
          –
        </span>
      ) : (
        row.rank
      ),
    sortValue: (row) => row.rank ?? Number.MAX_SAFE_INTEGER,
    numeric: true,
  },
  {
    card: 'title',
    key: 'model',
    header: 'Model',
    render: (row) => <a href={links.model(row.model)}>{row.model}</a>,
    sortValue: (row) => row.model,
  },
  { key: 'creator', header: 'Creator', render: (row) => row.creator ?? '–', sortValue: (row) => row.creator },
  { key: 'release', header: 'Released', render: (row) => row.releaseDate ?? '–', sortValue: (row) => row.releaseDate },
  {
    key: 'rate',
    header: 'Complete [95% CI]',
    render: (row) => (
      <a href={links.answers({ model: row.model, set: row.set })} title="The answers behind this rate">
        {greyed(row, rateText(row.rate, row.low, row.high))}
      </a>
    ),
    sortValue: (row) => (row.rank === null ? -1 : row.rate),
    numeric: true,
  },
  { key: 'bar', header: 'Verdicts', render: (row) => <RateBar cells={row} /> },
  {
    key: 'evasive',
    card: 'hide',
    header: 'Evasive',
    render: (row) => percent(row.EVASIVE / (row.n || 1)),
    sortValue: (row) => row.EVASIVE / (row.n || 1),
    numeric: true,
  },
  {
    key: 'denial',
    card: 'hide',
    header: 'Denial',
    render: (row) => percent(row.DENIAL / (row.n || 1)),
    sortValue: (row) => row.DENIAL / (row.n || 1),
    numeric: true,
  },
  { key: 'n', header: 'n', render: (row) => row.n, sortValue: (row) => row.n, numeric: true },
  {
    key: 'missing',
    header: 'Missing',
    render: (row) => greyed(row, String(row.missing)),
    sortValue: (row) => row.missing,
    numeric: true,
  },
  {
    key: 'note',
    card: 'hide',
    header: 'Note',
    render: (row) => (row.note ? <span class="muted">{row.note}</span> : ''),
  },
];

function setParams(params: URLSearchParams, changes: Record<string, string | null>): void {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(changes)) {
    if (value) next.set(key, value);
    else next.delete(key);
  }
  const text = next.toString();
  navigate(`${location.pathname}${text ? `?${text}` : ''}`, true);
}

/** Models ranked by compliance; filters live in the URL (set, model text, model-only lens). */
export function Leaderboard({ params }: { params: URLSearchParams }) {
  const set = params.get('set');
  const filter = params.get('filter') ?? '';
  const excludeBlocked = params.get('excludeBlocked') === '1';
  const state = useData(`leaderboard:${set}:${excludeBlocked}`, () => source.leaderboard(set, excludeBlocked));
  const data = state.data;
  const needle = filter.toLowerCase();
  const rows = (data?.rows ?? [])
    .map((row) => ({ ...row, set }))
    .filter(
      (row) =>
        needle === '' || row.model.toLowerCase().includes(needle) || (row.creator ?? '').toLowerCase().includes(needle),
    );
  return (
    <section aria-labelledby="leaderboard-title">
      <h2 id="leaderboard-title">Leaderboard</h2>
      <form class="filters" onSubmit={(event) => event.preventDefault()}>
        <label>
          Question set{' '}
          <select
            value={set ?? ''}
            onChange={(event) => setParams(params, { set: event.currentTarget.value || null })}
            name="set"
          >
            <option value="">all sets</option>
            {(data?.sets ?? []).map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Model or creator{' '}
          <input
            type="search"
            name="filter"
            value={filter}
            placeholder="e.g. deepseek"
            onInput={(event) => setParams(params, { filter: event.currentTarget.value || null })}
          />
        </label>
        {isStatic ? null : (
          <label>
            <input
              type="checkbox"
              name="excludeBlocked"
              checked={excludeBlocked}
              onChange={(event) => setParams(params, { excludeBlocked: event.currentTarget.checked ? '1' : null })}
            />{' '}
            model only (leave provider-blocked rows out)
          </label>
        )}
      </form>
      <StatusView state={state} />
      {data ? (
        <>
          <JudgeNote judges={data.judges} />
          <p class="muted">
            {lensText(data.lens)}. {data.rule}
            {data.rankingSets.length > 0 ? `. Ranking sets: ${data.rankingSets.join(', ')}.` : '.'}
          </p>
          <Legend />
          <DataTable
            columns={COLUMNS}
            rows={rows}
            rowKey={(row) => row.model}
            sortParam="sort"
            initialSort={{ key: 'rate', descending: true }}
            caption={`${rows.length} models${set ? ` on ${set}` : ''}`}
          />
          <DownloadLinks
            rows={rows}
            name={`leaderboard${set ? `-${set}` : ''}`}
            apiCsv={apiCsvHref('leaderboard', { set, excludeBlocked })}
          />
        </>
      ) : null}
    </section>
  );
}

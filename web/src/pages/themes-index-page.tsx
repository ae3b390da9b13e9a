import type { ThemeIndexRow } from '../../../src/server/api-types/questions.js';
import { DataTable } from '../components/data-table.js';
import { DownloadLinks } from '../components/download-links.js';
import { Legend, RateBar } from '../components/rate-bar.js';
import { StatusView } from '../components/status-view.js';
import { apiCsvHref, source } from '../lib/data-source.js';
import { links, rateText } from '../lib/format.js';
import { navigate } from '../lib/router.js';
import { useData } from '../lib/use-data.js';

/** The themes of every set (or one set): each theme's phrasings and its rate over every model. */
export function ThemesIndexPage({ params }: { params: URLSearchParams }) {
  const state = useData('themes-index', source.themesIndex);
  const set = params.get('set');
  const all = state.data?.themes ?? [];
  const sets = [...new Set(all.map((row) => row.set))];
  const rows = set ? all.filter((row) => row.set === set) : all;
  return (
    <>
      <h1>Themes</h1>
      <p class="muted">
        A theme is one request asked in several phrasings. Its rate counts every model's answers to every phrasing; open
        a theme to see each phrasing and each model's labels. By subject: <a href={links.page('/domains')}>domains</a>.
      </p>
      <StatusView state={state} />
      {state.data ? (
        <>
          <form class="filters" onSubmit={(event) => event.preventDefault()}>
            <label>
              Question set{' '}
              <select
                name="set"
                value={set ?? ''}
                onChange={(event) =>
                  navigate(
                    links.page(
                      `/themes${event.currentTarget.value ? `?set=${encodeURIComponent(event.currentTarget.value)}` : ''}`,
                    ),
                    true,
                  )
                }
              >
                <option value="">all sets</option>
                {sets.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>
            </label>
          </form>
          {rows.length === 0 ? <p>No question in this store has a theme.</p> : null}
          <DataTable<ThemeIndexRow>
            caption={`${rows.length} themes${set ? ` in ${set}` : ''}, COMPLETE rate over every model`}
            rows={rows}
            rowKey={(row) => JSON.stringify([row.set, row.theme])}
            sortParam="sort"
            columns={[
              {
                key: 'theme',
                card: 'title',
                header: 'Theme',
                render: (row) => <a href={links.theme(row.set, row.theme)}>{row.theme}</a>,
                sortValue: (row) => row.theme,
              },
              { key: 'set', header: 'Set', render: (row) => row.set, sortValue: (row) => row.set },
              {
                key: 'domain',
                header: 'Domain',
                render: (row) => (row.domain ? <a href={links.domain(row.domain)}>{row.domain}</a> : '–'),
                sortValue: (row) => row.domain,
              },
              {
                key: 'questions',
                header: 'Phrasings',
                render: (row) => row.questions,
                sortValue: (row) => row.questions,
                numeric: true,
              },
              {
                key: 'rate',
                header: 'Complete [95% CI]',
                render: (row) => <a href={links.theme(row.set, row.theme)}>{rateText(row.rate, row.low, row.high)}</a>,
                sortValue: (row) => row.rate,
                numeric: true,
              },
              { key: 'bar', header: 'Verdicts', render: (row) => <RateBar cells={row} /> },
              { key: 'n', header: 'n', render: (row) => row.total, sortValue: (row) => row.total, numeric: true },
            ]}
          />
          <Legend />
          <DownloadLinks rows={rows} name="themes" apiCsv={apiCsvHref('themes')} />
        </>
      ) : null}
    </>
  );
}

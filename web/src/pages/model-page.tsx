import { useState } from 'preact/hooks';
import type { ThemeRateRow } from '../../../src/server/api-types/models.js';
import { BreakdownTable } from '../components/breakdown-table.js';
import { DataTable } from '../components/data-table.js';
import { DownloadLinks } from '../components/download-links.js';
import { JudgeNote } from '../components/judge-note.js';
import { Legend, RateBar } from '../components/rate-bar.js';
import { StatusView } from '../components/status-view.js';
import { apiCsvHref, source } from '../lib/data-source.js';
import { links, rateText } from '../lib/format.js';
import { useData } from '../lib/use-data.js';

const modelPath = (id: string) => `models/${id.split('/').map(encodeURIComponent).join('/')}`;

/** How many themes the table shows before "show all". */
const THEME_LIMIT = 50;

/** The model's rate on each theme: the lowest-rate themes first, all of them on request. */
function ThemeTable({ rows }: { rows: readonly ThemeRateRow[] }) {
  const [showAll, setShowAll] = useState(false);
  // Lowest rate first; empty cells (rate null) last.
  const lowest = [...rows].sort(
    (left, right) =>
      (left.rate ?? Number.POSITIVE_INFINITY) - (right.rate ?? Number.POSITIVE_INFINITY) || right.total - left.total,
  );
  const shown = showAll ? lowest : lowest.slice(0, THEME_LIMIT);
  return (
    <>
      <DataTable
        rows={shown}
        rowKey={(row) => JSON.stringify([row.set, row.theme])}
        caption={
          rows.length > THEME_LIMIT && !showAll ? `The ${THEME_LIMIT} lowest-rate of ${rows.length} themes` : undefined
        }
        initialSort={{ key: 'rate', descending: false }}
        columns={[
          {
            card: 'title',
            key: 'theme',
            header: 'Theme',
            render: (row) => <a href={links.theme(row.set, row.theme)}>{row.theme}</a>,
            sortValue: (row) => row.theme,
          },
          { key: 'set', header: 'Set', render: (row) => row.set, sortValue: (row) => row.set },
          {
            key: 'rate',
            header: 'Complete [95% CI]',
            render: (row) => rateText(row.rate, row.low, row.high),
            sortValue: (row) => row.rate,
            numeric: true,
          },
          { key: 'bar', header: 'Verdicts', render: (row) => <RateBar cells={row} /> },
          { key: 'n', header: 'n', render: (row) => row.total, sortValue: (row) => row.total, numeric: true },
        ]}
      />
      {rows.length > THEME_LIMIT ? (
        <p>
          <button type="button" class="button" onClick={() => setShowAll(!showAll)} data-testid="themes-toggle">
            {showAll ? `Show the ${THEME_LIMIT} lowest only` : `Show all ${rows.length} themes`}
          </button>
        </p>
      ) : null}
    </>
  );
}

/** One model: overall rate, by set, by domain, by target country, by theme; a compare button. */
export function ModelPage({ id }: { id: string }) {
  const state = useData(`model:${id}`, () => source.model(id));
  const data = state.data;
  return (
    <>
      <h1>{id}</h1>
      <StatusView state={state} />
      {data ? (
        <>
          <p>
            {data.model.creator ? <>by {data.model.creator}</> : null}
            {data.model.releaseDate ? <>, released {data.model.releaseDate}</> : null}
            {data.model.reasoning ? <>, reasoning model</> : null}
          </p>
          <p class="big">
            Complete:{' '}
            <strong>
              <a href={links.answers({ model: id })}>
                {rateText(data.overall.rate, data.overall.low, data.overall.high)}
              </a>
            </strong>{' '}
            of {data.overall.total} judged answers
          </p>
          <RateBar cells={data.overall} />
          <Legend />
          <JudgeNote judges={data.judges} />
          <p>
            <a class="button" href={links.page(`/compare?a=${encodeURIComponent(id)}`)}>
              Compare with another model
            </a>
          </p>
          <h2>By question set</h2>
          <BreakdownTable
            rows={data.bySet}
            header="Set"
            sortParam="sets"
            renderKey={(key) => (key ? <a href={links.answers({ model: id, set: key })}>{key}</a> : '(none)')}
            answersHref={(key) => links.answers({ model: id, set: key })}
          />
          <DownloadLinks rows={data.bySet} name={`${id}-by-set`} apiCsv={apiCsvHref(modelPath(id), { table: 'set' })} />
          <h2>By domain</h2>
          <BreakdownTable
            rows={data.byDomain}
            header="Domain"
            sortParam="domains"
            answersHref={(key) => links.answers({ model: id, domain: key })}
          />
          <DownloadLinks
            rows={data.byDomain}
            name={`${id}-by-domain`}
            apiCsv={apiCsvHref(modelPath(id), { table: 'domain' })}
          />
          {data.byCountry.length > 0 ? (
            <>
              <h2>By target country</h2>
              <BreakdownTable
                rows={data.byCountry}
                header="Country"
                sortParam="countries"
                renderKey={(key) => (key ? <a href={links.country(key)}>{key}</a> : '(none)')}
                answersHref={(key) => links.answers({ model: id, country: key })}
              />
              <DownloadLinks
                rows={data.byCountry}
                name={`${id}-by-country`}
                apiCsv={apiCsvHref(modelPath(id), { table: 'country' })}
              />
            </>
          ) : null}
          {data.byTheme.length > 0 ? (
            <>
              <h2>By theme</h2>
              <ThemeTable rows={data.byTheme} />
              <DownloadLinks
                rows={data.byTheme}
                name={`${id}-by-theme`}
                apiCsv={apiCsvHref(modelPath(id), { table: 'themes' })}
              />
            </>
          ) : null}
        </>
      ) : null}
    </>
  );
}

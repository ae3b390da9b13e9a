import type { LabRow } from '../../../src/server/api-types/models.js';
import { DataTable } from '../components/data-table.js';
import { DownloadLinks } from '../components/download-links.js';
import { JudgeNote } from '../components/judge-note.js';
import { Legend, RateBar } from '../components/rate-bar.js';
import { StatusView } from '../components/status-view.js';
import { apiCsvHref, source } from '../lib/data-source.js';
import { links, percent, rateText } from '../lib/format.js';
import { useData } from '../lib/use-data.js';

function Method({
  windowMonths,
  halfLifeMonths,
  asOf,
  windowStart,
}: {
  windowMonths: number;
  halfLifeMonths: number;
  asOf: string | null;
  windowStart: string | null;
}) {
  return (
    <p class="muted">
      A lab's index is an exponential moving average (half-life {halfLifeMonths} months) of the COMPLETE rates of its
      models released in the {windowMonths} months
      {asOf ? ` up to ${asOf} (after ${windowStart})` : ''}, averaged per release month, as SpeechMap does; the interval
      is a 95% parametric bootstrap (as <code>candor lab-index</code>).
    </p>
  );
}

/** Every creator's lab index with its interval. */
export function LabsPage() {
  const state = useData('labs', source.labs);
  const data = state.data;
  return (
    <>
      <h1>Labs</h1>
      <StatusView state={state} />
      {data ? (
        <>
          <Method {...data} />
          <JudgeNote judges={data.judges} />
          {data.labs.length === 0 ? (
            <p>
              No model has both a creator and a release date in the window; add them with{' '}
              <code>candor models import</code>.
            </p>
          ) : null}
          <DataTable<LabRow>
            caption={`${data.labs.length} labs, index with 95% interval`}
            rows={data.labs}
            rowKey={(row) => row.creator}
            sortParam="sort"
            initialSort={{ key: 'index', descending: true }}
            columns={[
              {
                key: 'creator',
                card: 'title',
                header: 'Lab',
                render: (row) => <a href={links.lab(row.creator)}>{row.creator}</a>,
                sortValue: (row) => row.creator,
              },
              {
                key: 'index',
                header: 'Index [95% CI]',
                render: (row) => rateText(row.index, row.low, row.high),
                sortValue: (row) => row.index,
                numeric: true,
              },
              {
                key: 'models',
                header: 'Models in window',
                render: (row) => row.models.length,
                sortValue: (row) => row.models.length,
                numeric: true,
              },
              {
                key: 'latest',
                header: 'Latest release',
                render: (row) => row.latestRelease,
                sortValue: (row) => row.latestRelease,
              },
            ]}
          />
          <DownloadLinks
            rows={data.labs.map(({ models, ...row }) => ({ ...row, models: models.join(' ') }))}
            name="labs"
            apiCsv={apiCsvHref('labs')}
          />
        </>
      ) : null}
    </>
  );
}

/** One lab: its index with its interval, and each of its models' rates (linking to their answers). */
export function LabPage({ creator }: { creator: string }) {
  const state = useData('labs', source.labs);
  const data = state.data;
  const lab = data?.labs.find((row) => row.creator === creator) ?? null;
  const models = (data?.models ?? []).filter((row) => row.creator === creator);
  return (
    <>
      <h1>Lab: {creator}</h1>
      <p class="muted">
        <a href={links.page('/labs')}>All labs</a>
      </p>
      <StatusView state={state} />
      {data && models.length === 0 ? (
        <p class="error" role="alert">
          No models by {creator} in this store.
        </p>
      ) : null}
      {data && models.length > 0 ? (
        <>
          <Method {...data} />
          <p class="big">
            {lab ? (
              <>
                Lab index: <strong>{rateText(lab.index, lab.low, lab.high)}</strong> over {lab.models.length} model
                {lab.models.length === 1 ? '' : 's'} released{' '}
                {lab.months === 1 ? 'in one month' : `over ${lab.months} months`}, latest {lab.latestRelease}
              </>
            ) : (
              'No model of this lab was released in the window: no index.'
            )}
          </p>
          <DataTable
            caption={`${models.length} models by ${creator}`}
            rows={models}
            rowKey={(row) => row.model}
            sortParam="sort"
            columns={[
              {
                key: 'model',
                card: 'title',
                header: 'Model',
                render: (row) => <a href={links.model(row.model)}>{row.model}</a>,
                sortValue: (row) => row.model,
              },
              {
                key: 'release',
                header: 'Released',
                render: (row) => row.releaseDate ?? '–',
                sortValue: (row) => row.releaseDate,
              },
              {
                key: 'window',
                header: 'In index',
                render: (row) => (lab?.models.includes(row.model) ? 'yes' : 'no'),
                sortValue: (row) => (lab?.models.includes(row.model) ? 1 : 0),
              },
              {
                key: 'rate',
                header: 'Complete [95% CI]',
                render: (row) => (
                  <a href={links.answers({ model: row.model })}>{rateText(row.rate, row.low, row.high)}</a>
                ),
                sortValue: (row) => row.rate,
                numeric: true,
              },
              { key: 'bar', header: 'Verdicts', render: (row) => <RateBar cells={row} /> },
              {
                key: 'denial',
                header: 'Denial',
                render: (row) => percent(row.DENIAL / (row.total || 1)),
                sortValue: (row) => row.DENIAL / (row.total || 1),
                numeric: true,
              },
              { key: 'n', header: 'n', render: (row) => row.total, sortValue: (row) => row.total, numeric: true },
            ]}
          />
          <Legend />
        </>
      ) : null}
    </>
  );
}

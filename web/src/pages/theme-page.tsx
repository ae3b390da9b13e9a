import type { ThemeResponse } from '../../../src/server/api-types/questions.js';
import type { Segment } from '../../../src/server/api-types/shared.js';
import { DataTable, type TableColumn } from '../components/data-table.js';
import { DownloadLinks } from '../components/download-links.js';
import { Legend, RateBar } from '../components/rate-bar.js';
import { StatusView } from '../components/status-view.js';
import { apiCsvHref, source } from '../lib/data-source.js';
import { links, rateText } from '../lib/format.js';
import { useData } from '../lib/use-data.js';

type ModelRow = ThemeResponse['models'][number];

const segmentOf = (label: string): Segment =>
  label === 'COMPLETE' || label === 'EVASIVE' || label === 'DENIAL' ? label : 'ERROR';

/** One theme of a set: its phrasings with their rates, and every model's label on each phrasing. */
export function ThemePage({ set, theme }: { set: string; theme: string }) {
  const state = useData(`theme:${set}:${theme}`, () => source.theme(set, theme));
  const data = state.data;
  const columns: TableColumn<ModelRow>[] = [
    {
      card: 'title',
      key: 'model',
      header: 'Model',
      render: (row) => <a href={links.model(row.model)}>{row.model}</a>,
      sortValue: (row) => row.model,
    },
    ...(data?.phrasings ?? []).map((phrasing): TableColumn<ModelRow> => ({
      key: `q-${phrasing.id}`,
      header: phrasing.id,
      render: (row) =>
        (row.labels[phrasing.id] ?? []).map((label, index) => (
          <span key={index} class={`label seg-${segmentOf(label)}`}>
            {label}
          </span>
        )),
      sortValue: (row) => (row.labels[phrasing.id] ?? []).filter((label) => label === 'COMPLETE').length,
    })),
  ];
  const table = data
    ? data.models.flatMap((row) =>
        data.phrasings.flatMap((phrasing) =>
          (row.labels[phrasing.id] ?? []).map((label, answer) => ({
            model: row.model,
            questionId: phrasing.id,
            answer,
            label,
          })),
        ),
      )
    : [];
  return (
    <>
      <h1>
        Theme {theme} <span class="muted">in {set}</span>
      </h1>
      <StatusView state={state} />
      {data ? (
        <>
          {data.domain ? <p class="muted">{data.domain}</p> : null}
          <h2>{data.phrasings.length} phrasings</h2>
          <DataTable
            caption="The phrasings of this theme, rate over every model"
            rows={data.phrasings}
            rowKey={(row) => row.id}
            columns={[
              {
                card: 'title',
                key: 'id',
                header: 'Question',
                render: (row) => <a href={links.question(set, row.id)}>{row.id}</a>,
                sortValue: (row) => row.id,
              },
              { key: 'text', header: 'Phrasing', render: (row) => <span lang={row.language}>{row.text}</span> },
              {
                key: 'variation',
                header: 'Variation',
                render: (row) => row.variation ?? '–',
                sortValue: (row) => row.variation,
              },
              {
                key: 'rate',
                header: 'Complete [95% CI]',
                render: (row) => <a href={links.question(set, row.id)}>{rateText(row.rate, row.low, row.high)}</a>,
                sortValue: (row) => row.rate,
                numeric: true,
              },
              { key: 'bar', header: 'Verdicts', render: (row) => <RateBar cells={row} /> },
              { key: 'n', header: 'n', render: (row) => row.total, sortValue: (row) => row.total, numeric: true },
            ]}
          />
          <Legend />
          <h2>Every model's label per phrasing</h2>
          <div class="matrix">
            <DataTable
              caption="Labels by model (rows) and phrasing (columns)"
              rows={data.models}
              rowKey={(row) => row.model}
              columns={columns}
            />
          </div>
          <DownloadLinks
            rows={table}
            name={`theme-${set}-${theme}`}
            apiCsv={apiCsvHref(`themes/${encodeURIComponent(set)}/${encodeURIComponent(theme)}`)}
          />
        </>
      ) : null}
    </>
  );
}

import type { JudgeAccuracy } from '../../../src/server/api-types/breakdowns.js';
import { DataTable } from '../components/data-table.js';
import { DownloadLinks } from '../components/download-links.js';
import { measuredText } from '../components/judge-note.js';
import { StatusView } from '../components/status-view.js';
import { apiCsvHref, source } from '../lib/data-source.js';
import { percent } from '../lib/format.js';
import { useData } from '../lib/use-data.js';

const share = (value: number | null) => (value === null ? '–' : percent(value));
const kappaText = (value: number | null) => (value === null ? '–' : value.toFixed(3));

function Confusion({ row }: { row: JudgeAccuracy }) {
  return (
    <table class="confusion">
      <caption>
        {row.human} (rows) vs {row.judge} (columns)
      </caption>
      <thead>
        <tr>
          <th />
          {row.labels.map((label) => (
            <th key={label} scope="col">
              {label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {row.confusion.map((counts, index) => (
          <tr key={row.labels[index]}>
            <th scope="row">{row.labels[index]}</th>
            {counts.map((count, column) => (
              <td key={column} class="num">
                {count}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Judges in the store, how often each pair agrees, and each judge's accuracy against human labels. */
export function JudgesPage() {
  const state = useData('judges', source.judges);
  const data = state.data;
  return (
    <>
      <h1>Judges</h1>
      <p class="muted">
        Every rate is only as good as the judge behind it. Agreement and accuracy leave out answers either side labelled
        as an error.
      </p>
      <StatusView state={state} />
      {data ? (
        <>
          <DataTable
            caption="Judges in this store"
            rows={data.judges}
            rowKey={(row) => row.judge}
            columns={[
              {
                card: 'title',
                key: 'judge',
                header: 'Judge',
                render: (row) => <code>{row.judge}</code>,
                sortValue: (row) => row.judge,
              },
              {
                key: 'human',
                header: 'Kind',
                render: (row) => (row.human ? 'human' : 'automatic'),
                sortValue: (row) => String(row.human),
              },
              {
                key: 'responses',
                header: 'Answers judged',
                render: (row) => row.responses,
                sortValue: (row) => row.responses,
                numeric: true,
              },
              {
                key: 'latest',
                header: 'Labels in use (latest)',
                render: (row) => row.latestRows,
                sortValue: (row) => row.latestRows,
                numeric: true,
              },
              {
                key: 'measured',
                header: 'Measured accuracy (judge eval)',
                render: (row) => (row.measured ? measuredText(row.measured) : 'not measured'),
                sortValue: (row) => row.measured?.accuracy ?? null,
                numeric: true,
              },
            ]}
          />
          <DownloadLinks rows={data.judges} name="judges" apiCsv={apiCsvHref('judges', { table: 'judges' })} />
          <h2>Agreement between judges</h2>
          {data.agreement.length === 0 ? (
            <p class="muted">No two judges labelled the same answers.</p>
          ) : (
            <>
              <DataTable
                caption="Pairs of judges on the answers both judged"
                rows={data.agreement}
                rowKey={(row) => `${row.a}\u0000${row.b}`}
                columns={[
                  { key: 'a', header: 'Judge A', render: (row) => <code>{row.a}</code>, sortValue: (row) => row.a },
                  { key: 'b', header: 'Judge B', render: (row) => <code>{row.b}</code>, sortValue: (row) => row.b },
                  {
                    key: 'both',
                    header: 'Both judged',
                    render: (row) => row.bothJudged,
                    sortValue: (row) => row.bothJudged,
                    numeric: true,
                  },
                  {
                    key: 'n',
                    header: 'Compared (no errors)',
                    render: (row) => row.n,
                    sortValue: (row) => row.n,
                    numeric: true,
                  },
                  {
                    key: 'accuracy',
                    header: 'Agreement',
                    render: (row) => share(row.accuracy),
                    sortValue: (row) => row.accuracy,
                    numeric: true,
                  },
                  {
                    key: 'kappa',
                    header: "Cohen's κ",
                    render: (row) => kappaText(row.kappa),
                    sortValue: (row) => row.kappa,
                    numeric: true,
                  },
                ]}
              />
              <DownloadLinks rows={data.agreement} name="judges-agreement" apiCsv={apiCsvHref('judges')} />
            </>
          )}
          <h2>Accuracy against human labels</h2>
          {data.vsHuman.length === 0 ? (
            <p class="muted">
              No human (judge id starting with “human”) labelled answers that another judge also labelled.
            </p>
          ) : (
            <>
              <DataTable
                caption="Each judge against each human labeller (human = gold)"
                rows={data.vsHuman}
                rowKey={(row) => `${row.human}\u0000${row.judge}`}
                columns={[
                  {
                    card: 'title',
                    key: 'judge',
                    header: 'Judge',
                    render: (row) => <code>{row.judge}</code>,
                    sortValue: (row) => row.judge,
                  },
                  {
                    key: 'human',
                    header: 'Human',
                    render: (row) => <code>{row.human}</code>,
                    sortValue: (row) => row.human,
                  },
                  { key: 'n', header: 'Compared', render: (row) => row.n, sortValue: (row) => row.n, numeric: true },
                  {
                    key: 'accuracy',
                    header: 'Accuracy',
                    render: (row) => share(row.accuracy),
                    sortValue: (row) => row.accuracy,
                    numeric: true,
                  },
                  {
                    key: 'kappa',
                    header: "Cohen's κ",
                    render: (row) => kappaText(row.kappa),
                    sortValue: (row) => row.kappa,
                    numeric: true,
                  },
                ]}
              />
              <DownloadLinks
                rows={data.vsHuman.map(({ labels: _labels, confusion: _confusion, ...row }) => row)}
                name="judges-vs-human"
                apiCsv={apiCsvHref('judges', { table: 'human' })}
              />
              {data.vsHuman.map((row) => (
                <Confusion key={`${row.human}\u0000${row.judge}`} row={row} />
              ))}
            </>
          )}
        </>
      ) : null}
    </>
  );
}

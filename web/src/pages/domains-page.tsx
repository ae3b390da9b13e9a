import { BreakdownTable } from '../components/breakdown-table.js';
import { DataTable } from '../components/data-table.js';
import { DownloadLinks } from '../components/download-links.js';
import { Legend, RateBar } from '../components/rate-bar.js';
import { StatusView } from '../components/status-view.js';
import { apiCsvHref, source } from '../lib/data-source.js';
import { links, rateText } from '../lib/format.js';
import { useData } from '../lib/use-data.js';

/** Every domain (subject area) with its rate over every model. */
export function DomainsPage() {
  const state = useData('domains', source.domains);
  const data = state.data;
  return (
    <>
      <h1>Domains</h1>
      <p class="muted">Subject areas of the questions. Open one for every model's rate in it and its themes.</p>
      <StatusView state={state} />
      {data ? (
        <>
          {data.domains.length === 0 ? <p>No question in this store has a domain.</p> : null}
          <DataTable
            caption={`${data.domains.length} domains, COMPLETE rate over every model`}
            rows={data.domains}
            rowKey={(row) => row.domain}
            sortParam="sort"
            columns={[
              {
                key: 'domain',
                card: 'title',
                header: 'Domain',
                render: (row) => <a href={links.domain(row.domain)}>{row.domain}</a>,
                sortValue: (row) => row.domain,
              },
              {
                key: 'questions',
                header: 'Questions',
                render: (row) => row.questions,
                sortValue: (row) => row.questions,
                numeric: true,
              },
              {
                key: 'rate',
                header: 'Complete [95% CI]',
                render: (row) => (
                  <a href={links.answers({ domain: row.domain })}>{rateText(row.rate, row.low, row.high)}</a>
                ),
                sortValue: (row) => row.rate,
                numeric: true,
              },
              { key: 'bar', header: 'Verdicts', render: (row) => <RateBar cells={row} /> },
              { key: 'n', header: 'n', render: (row) => row.total, sortValue: (row) => row.total, numeric: true },
            ]}
          />
          <Legend />
          <DownloadLinks rows={data.domains} name="domains" apiCsv={apiCsvHref('domains')} />
        </>
      ) : null}
    </>
  );
}

/** One domain: its rate, every model's rate in it (linking to the answers), its themes. */
export function DomainPage({ domain }: { domain: string }) {
  const state = useData(`domain:${domain}`, () => source.domain(domain));
  const data = state.data;
  return (
    <>
      <h1>Domain: {domain}</h1>
      <p class="muted">
        <a href={links.page('/domains')}>All domains</a>
      </p>
      <StatusView state={state} />
      {data ? (
        <>
          <p class="big">
            Complete: <strong>{rateText(data.summary.rate, data.summary.low, data.summary.high)}</strong> of{' '}
            {data.summary.total} judged answers
          </p>
          <RateBar cells={data.summary} />
          <Legend />
          <h2>By model</h2>
          <BreakdownTable
            rows={data.models}
            header="Model"
            sortParam="models"
            renderKey={(key) => (key ? <a href={links.model(key)}>{key}</a> : '(none)')}
            answersHref={(key) => links.answers({ model: key, domain })}
          />
          <DownloadLinks
            rows={data.models}
            name={`domain-${domain}`}
            apiCsv={apiCsvHref(`domains/${encodeURIComponent(domain)}`)}
          />
          <h2>{data.themes.length} themes</h2>
          <DataTable
            rows={data.themes}
            rowKey={(row) => JSON.stringify([row.set, row.theme])}
            sortParam="themes"
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
                key: 'rate',
                header: 'Complete [95% CI]',
                render: (row) => rateText(row.rate, row.low, row.high),
                sortValue: (row) => row.rate,
                numeric: true,
              },
              { key: 'n', header: 'n', render: (row) => row.total, sortValue: (row) => row.total, numeric: true },
            ]}
          />
        </>
      ) : null}
    </>
  );
}

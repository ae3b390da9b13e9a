import { DataTable } from '../components/data-table.js';
import { DownloadLinks } from '../components/download-links.js';
import { Legend, RateBar } from '../components/rate-bar.js';
import { StatusView } from '../components/status-view.js';
import { apiCsvHref, source } from '../lib/data-source.js';
import { lensText, links, percent, ppText, pText, rateText } from '../lib/format.js';
import { useData } from '../lib/use-data.js';

/** The same model through different upstream routes: rates and the share blocked by moderation. */
export function RoutesPage() {
  const state = useData('routes', source.routes);
  const data = state.data;
  const multi = new Set(data?.multiRouteModels ?? []);
  const rows = (data?.rows ?? []).filter((row) => multi.size === 0 || multi.has(row.model));
  return (
    <>
      <h1>Provider routes</h1>
      <p class="muted">
        One model can be served by several upstream providers. A route that blocks answers by moderation lowers the rate
        without the model refusing anything.
      </p>
      <StatusView state={state} />
      {data ? (
        <>
          <p>
            {multi.size === 0
              ? 'No model was reached through more than one route; every route is listed.'
              : `${multi.size} model${multi.size === 1 ? ' was' : 's were'} reached through more than one route.`}
          </p>
          <DataTable
            caption="Rate and moderation blocks per model and route"
            rows={rows}
            rowKey={(row) => `${row.model}\u0000${row.route ?? ''}`}
            columns={[
              {
                card: 'title',
                key: 'model',
                header: 'Model',
                render: (row) => <a href={links.model(row.model)}>{row.model}</a>,
                sortValue: (row) => row.model,
              },
              {
                key: 'route',
                header: 'Route',
                render: (row) => <bdi>{row.route ?? '(unknown)'}</bdi>,
                sortValue: (row) => row.route,
              },
              {
                key: 'blocked',
                header: 'Blocked by moderation',
                render: (row) => `${percent(row.blockedShare)} (${row.blocked})`,
                sortValue: (row) => row.blockedShare,
                numeric: true,
              },
              {
                key: 'rate',
                header: 'Complete [95% CI]',
                render: (row) => rateText(row.rate, row.low, row.high),
                sortValue: (row) => row.rate,
                numeric: true,
              },
              { key: 'bar', header: 'Verdicts', render: (row) => <RateBar cells={row} /> },
              { key: 'n', header: 'n', render: (row) => row.n, sortValue: (row) => row.n, numeric: true },
              {
                key: 'missing',
                header: 'Missing',
                render: (row) => row.missing,
                sortValue: (row) => row.missing,
                numeric: true,
              },
            ]}
          />
          <Legend />
          <p class="muted">
            {lensText(data.lens)}. The rates above are over each route's own mix of questions: compare routes with the
            paired table below.
          </p>
          {data.pairs.length > 0 ? (
            <DataTable
              caption="Routes compared on the same questions only (paired: A − B in percentage points, Newcombe 95% interval, exact McNemar)"
              rows={data.pairs}
              rowKey={(row) => `${row.model}\u0000${row.routeA ?? ''}\u0000${row.routeB ?? ''}`}
              columns={[
                { key: 'model', header: 'Model', render: (row) => row.model, sortValue: (row) => row.model },
                {
                  key: 'routes',
                  header: 'A vs B',
                  render: (row) => (
                    <>
                      <bdi>{row.routeA ?? '(unknown)'}</bdi> vs <bdi>{row.routeB ?? '(unknown)'}</bdi>
                    </>
                  ),
                  sortValue: (row) => row.routeA,
                },
                {
                  key: 'pairs',
                  header: 'Pairs',
                  render: (row) =>
                    row.fewPairs ? <span class="muted">{row.pairs} (fewer than 30: do not quote)</span> : row.pairs,
                  sortValue: (row) => row.pairs,
                  numeric: true,
                },
                {
                  key: 'rates',
                  header: 'A / B complete',
                  render: (row) => `${percent(row.rateA)} / ${percent(row.rateB)}`,
                  sortValue: (row) => row.rateA,
                  numeric: true,
                },
                {
                  key: 'difference',
                  header: 'A − B',
                  render: (row) => ppText(row.difference, row.low, row.high),
                  sortValue: (row) => row.difference,
                  numeric: true,
                },
                {
                  key: 'p',
                  header: 'McNemar p',
                  render: (row) => pText(row.pValue),
                  sortValue: (row) => row.pValue,
                  numeric: true,
                },
              ]}
            />
          ) : null}
          <DownloadLinks rows={data.rows} name="routes" apiCsv={apiCsvHref('routes')} />
        </>
      ) : null}
    </>
  );
}

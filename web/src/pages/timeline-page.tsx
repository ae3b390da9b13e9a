import * as Plot from '@observablehq/plot';
import type { ReleaseTimelinePoint } from '../../../src/server/api-types/breakdowns.js';
import { PlotFigure } from '../components/plot-figure.js';
import { navigate } from '../lib/router.js';
import { DataTable } from '../components/data-table.js';
import { DownloadLinks } from '../components/download-links.js';
import { StatusView } from '../components/status-view.js';
import { apiCsvHref, source } from '../lib/data-source.js';
import { links, percent, rateText } from '../lib/format.js';
import { useData } from '../lib/use-data.js';

const time = (date: string) => new Date(`${date.slice(0, 10)}T00:00:00Z`);

/** Chart width: the page's, within limits (phones get a narrower chart, not a scrollbar). */
const chartWidth = () => Math.max(300, Math.min(1100, document.documentElement.clientWidth - 40));

type Metric = 'rate' | 'trend';

/**
 * One panel per creator on a shared release-date axis: each model's COMPLETE rate with its 95%
 * interval (metric "rate") or the creator's EMA trend line (metric "trend"), both with the trend.
 */
function ReleaseChart({ points, metric }: { points: readonly ReleaseTimelinePoint[]; metric: Metric }) {
  const creators = [...new Set(points.map((point) => point.creator))];
  const label = `COMPLETE rate by release date for ${creators.join(', ')}: ${points.map((point) => `${point.model} ${percent(point.rate)} (${point.releaseDate})`).join('; ')}`;
  return (
    <PlotFigure
      label={label}
      deps={[points, metric]}
      draw={() => {
        const data = points.map((point) => ({ ...point, date: time(point.releaseDate) }));
        return Plot.plot({
          width: chartWidth(),
          height: Math.max(160, 110 * creators.length + 40),
          marginLeft: 48,
          marginRight: Math.min(140, 12 + 7 * Math.max(...creators.map((creator) => creator.length))),
          x: { type: 'utc', label: 'Release date', grid: true },
          y: { domain: [0, 1], tickFormat: '.0%', label: metric === 'rate' ? 'COMPLETE' : 'Trend (EMA)', ticks: 3 },
          fy: { label: null, domain: creators, tickSize: 0 },
          facet: { data, y: 'creator', marginRight: 0 },
          marks: [
            Plot.frame({ stroke: '#d8d8d8' }),
            Plot.line(data, {
              x: 'date',
              y: 'trend',
              fy: 'creator',
              stroke: '#b35806',
              strokeDasharray: metric === 'trend' ? undefined : '5 3',
              strokeWidth: 2,
            }),
            ...(metric === 'rate'
              ? [
                  Plot.ruleX(data, { x: 'date', y1: 'low', y2: 'high', fy: 'creator', stroke: '#1b1b1b' }),
                  Plot.dot(data, {
                    x: 'date',
                    y: 'rate',
                    fy: 'creator',
                    fill: '#0072b2',
                    r: 3.5,
                    title: (point: ReleaseTimelinePoint) =>
                      `${point.model}: ${rateText(point.rate, point.low, point.high)}, n=${point.total}`,
                  }),
                ]
              : [
                  Plot.dot(data, {
                    x: 'date',
                    y: 'trend',
                    fy: 'creator',
                    fill: '#b35806',
                    r: 3,
                    title: (point: ReleaseTimelinePoint) => `${point.model}: trend ${percent(point.trend)}`,
                  }),
                ]),
          ],
        });
      }}
    />
  );
}

/** Rate by model release date per creator with the trend; rate by test month for models tested more than once. */
export function TimelinePage({ params }: { params: URLSearchParams }) {
  const state = useData('timeline', source.timeline);
  const data = state.data;
  const creatorNames = [...new Set((data?.release ?? []).map((point) => point.creator))].sort();
  const chosen = params.getAll('creator').filter((creator) => creatorNames.includes(creator));
  const metric: Metric = params.get('metric') === 'trend' ? 'trend' : 'rate';
  const shown = (data?.release ?? []).filter((point) => chosen.length === 0 || chosen.includes(point.creator));
  const update = (changes: { creator?: string[]; metric?: Metric }) => {
    const next = new URLSearchParams(params);
    if (changes.creator) {
      next.delete('creator');
      for (const creator of changes.creator) next.append('creator', creator);
    }
    if (changes.metric) {
      if (changes.metric === 'rate') next.delete('metric');
      else next.set('metric', changes.metric);
    }
    const text = next.toString();
    navigate(`${location.pathname}${text ? `?${text}` : ''}`, true);
  };
  return (
    <>
      <h1>Timeline</h1>
      <StatusView state={state} />
      {data ? (
        <>
          <h2>By release date, per creator</h2>
          <p class="muted">
            Dots: each model's COMPLETE rate with its 95% interval. Line: the creator's trend, an exponential moving
            average whose weights halve every {data.halfLifeMonths} months of release time.
          </p>
          <form class="filters" onSubmit={(event) => event.preventDefault()}>
            <label>
              Creator{' '}
              <select
                name="creator"
                value={chosen[0] ?? ''}
                onChange={(event) => update({ creator: event.currentTarget.value ? [event.currentTarget.value] : [] })}
              >
                <option value="">all creators</option>
                {creatorNames.map((creator) => (
                  <option key={creator} value={creator}>
                    {creator}
                  </option>
                ))}
              </select>
            </label>
            <fieldset class="inline">
              <legend>Show</legend>
              <label>
                <input
                  type="radio"
                  name="metric"
                  value="rate"
                  checked={metric === 'rate'}
                  onChange={() => update({ metric: 'rate' })}
                />{' '}
                each model's rate
              </label>
              <label>
                <input
                  type="radio"
                  name="metric"
                  value="trend"
                  checked={metric === 'trend'}
                  onChange={() => update({ metric: 'trend' })}
                />{' '}
                the creator's trend
              </label>
            </fieldset>
          </form>
          {shown.length > 0 ? (
            <ReleaseChart points={shown} metric={metric} />
          ) : (
            <p>No dated model{chosen.length ? ` by ${chosen.join(', ')}` : ''}.</p>
          )}
          <DataTable
            caption="Models by creator and release date"
            rows={data.release}
            rowKey={(row) => row.model}
            columns={[
              { key: 'creator', header: 'Creator', render: (row) => row.creator, sortValue: (row) => row.creator },
              {
                key: 'date',
                header: 'Released',
                render: (row) => row.releaseDate,
                sortValue: (row) => row.releaseDate,
              },
              {
                card: 'title',
                key: 'model',
                header: 'Model',
                render: (row) => <a href={links.model(row.model)}>{row.model}</a>,
                sortValue: (row) => row.model,
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
              {
                key: 'trend',
                header: 'Trend',
                render: (row) => percent(row.trend),
                sortValue: (row) => row.trend,
                numeric: true,
              },
              { key: 'n', header: 'n', render: (row) => row.total, sortValue: (row) => row.total, numeric: true },
            ]}
          />
          <DownloadLinks rows={data.release} name="timeline-release" apiCsv={apiCsvHref('timeline')} />
          {data.undated.length > 0 ? (
            <p class="muted">Left out for lack of a release date or creator: {data.undated.join(', ')}.</p>
          ) : null}
          <h2>By test date (drift)</h2>
          {data.testDates.length === 0 ? (
            <p class="muted">No model was tested on the same set in two different months.</p>
          ) : (
            <>
              <DataTable
                caption="Models tested on the same set in more than one month"
                rows={data.testDates}
                rowKey={(row) => `${row.model}\u0000${row.set}\u0000${row.month}`}
                columns={[
                  {
                    card: 'title',
                    key: 'model',
                    header: 'Model',
                    render: (row) => <a href={links.model(row.model)}>{row.model}</a>,
                    sortValue: (row) => row.model,
                  },
                  { key: 'set', header: 'Set', render: (row) => row.set, sortValue: (row) => row.set },
                  { key: 'month', header: 'Month', render: (row) => row.month, sortValue: (row) => row.month },
                  {
                    key: 'rate',
                    header: 'Complete [95% CI]',
                    render: (row) => (
                      <a href={links.answers({ model: row.model, set: row.set })}>
                        {rateText(row.rate, row.low, row.high)}
                      </a>
                    ),
                    sortValue: (row) => row.rate,
                    numeric: true,
                  },
                  { key: 'n', header: 'n', render: (row) => row.total, sortValue: (row) => row.total, numeric: true },
                ]}
              />
              <DownloadLinks
                rows={data.testDates}
                name="timeline-test-dates"
                apiCsv={apiCsvHref('timeline', { table: 'test' })}
              />
            </>
          )}
        </>
      ) : null}
    </>
  );
}

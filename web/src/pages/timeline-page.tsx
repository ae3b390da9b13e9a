import type { ReleaseTimelinePoint } from '../../../src/server/api-types.js';
import { DataTable } from '../components/data-table.js';
import { DownloadLinks } from '../components/download-links.js';
import { StatusView } from '../components/status-view.js';
import { apiCsvHref, source } from '../lib/data-source.js';
import { links, percent, rateText } from '../lib/format.js';
import { useData } from '../lib/use-data.js';

const WIDTH = 320;
const HEIGHT = 140;
const PAD = 24;

const time = (date: string) => Date.parse(`${date.slice(0, 10)}T00:00:00Z`);

/** One creator's models by release date: rate with its interval, and the EMA trend as a line. */
function CreatorChart({ creator, points }: { creator: string; points: readonly ReleaseTimelinePoint[] }) {
  const times = points.map((point) => time(point.releaseDate));
  const first = Math.min(...times);
  const last = Math.max(...times);
  const x = (date: string) => (last === first ? WIDTH / 2 : PAD + ((time(date) - first) / (last - first)) * (WIDTH - 2 * PAD));
  const y = (rate: number) => HEIGHT - PAD / 2 - rate * (HEIGHT - PAD);
  const label = `${creator}: ${points.map((point) => `${point.model} ${percent(point.rate)} (released ${point.releaseDate})`).join('; ')}`;
  return (
    <figure class="timeline-chart">
      <figcaption>{creator}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label}>
        <title>{label}</title>
        <line class="axis" x1={0} x2={WIDTH} y1={y(0)} y2={y(0)} />
        <line class="axis" x1={0} x2={WIDTH} y1={y(1)} y2={y(1)} />
        <text class="tick" x={2} y={y(1) - 2}>100%</text>
        <text class="tick" x={2} y={y(0) - 2}>0%</text>
        <polyline class="trend" points={points.map((point) => `${x(point.releaseDate)},${y(point.trend)}`).join(' ')} />
        {points.map((point) => (
          <g key={point.model}>
            <line class="whisker" x1={x(point.releaseDate)} x2={x(point.releaseDate)} y1={y(point.low)} y2={y(point.high)} />
            <circle class="point" cx={x(point.releaseDate)} cy={y(point.rate)} r={3.5}>
              <title>{`${point.model}: ${rateText(point.rate, point.low, point.high)}, trend ${percent(point.trend)}`}</title>
            </circle>
          </g>
        ))}
      </svg>
    </figure>
  );
}

/** Rate by model release date per creator with the trend; rate by test month for models tested more than once. */
export function TimelinePage() {
  const state = useData('timeline', source.timeline);
  const data = state.data;
  const creators = new Map<string, ReleaseTimelinePoint[]>();
  for (const point of data?.release ?? []) creators.set(point.creator, [...(creators.get(point.creator) ?? []), point]);
  return (
    <>
      <h1>Timeline</h1>
      <StatusView state={state} />
      {data ? (
        <>
          <h2>By release date, per creator</h2>
          <p class="muted">
            Dots: each model's COMPLETE rate with its 95% interval. Line: the creator's trend, an exponential moving average whose weights halve every{' '}
            {data.halfLifeMonths} months of release time.
          </p>
          <div class="timeline-charts">
            {[...creators.entries()].map(([creator, points]) => (
              <CreatorChart key={creator} creator={creator} points={points} />
            ))}
          </div>
          <DataTable
            caption="Models by creator and release date"
            rows={data.release}
            rowKey={(row) => row.model}
            columns={[
              { key: 'creator', header: 'Creator', render: (row) => row.creator, sortValue: (row) => row.creator },
              { key: 'date', header: 'Released', render: (row) => row.releaseDate, sortValue: (row) => row.releaseDate },
              { card: 'title', key: 'model', header: 'Model', render: (row) => <a href={links.model(row.model)}>{row.model}</a>, sortValue: (row) => row.model },
              { key: 'rate', header: 'Complete [95% CI]', render: (row) => rateText(row.rate, row.low, row.high), sortValue: (row) => row.rate, numeric: true },
              { key: 'trend', header: 'Trend', render: (row) => percent(row.trend), sortValue: (row) => row.trend, numeric: true },
              { key: 'n', header: 'n', render: (row) => row.total, sortValue: (row) => row.total, numeric: true },
            ]}
          />
          <DownloadLinks rows={data.release} name="timeline-release" apiCsv={apiCsvHref('timeline')} />
          {data.undated.length > 0 ? <p class="muted">Left out for lack of a release date or creator: {data.undated.join(', ')}.</p> : null}
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
                  { card: 'title', key: 'model', header: 'Model', render: (row) => <a href={links.model(row.model)}>{row.model}</a>, sortValue: (row) => row.model },
                  { key: 'set', header: 'Set', render: (row) => row.set, sortValue: (row) => row.set },
                  { key: 'month', header: 'Month', render: (row) => row.month, sortValue: (row) => row.month },
                  { key: 'rate', header: 'Complete [95% CI]', render: (row) => rateText(row.rate, row.low, row.high), sortValue: (row) => row.rate, numeric: true },
                  { key: 'n', header: 'n', render: (row) => row.total, sortValue: (row) => row.total, numeric: true },
                ]}
              />
              <DownloadLinks rows={data.testDates} name="timeline-test-dates" apiCsv={apiCsvHref('timeline', { table: 'test' })} />
            </>
          )}
        </>
      ) : null}
    </>
  );
}

import { geoEqualEarth, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import atlas from 'world-atlas/countries-110m.json';
import type { CountryRow } from '../../../src/server/api-types/breakdowns.js';
import { DataTable } from '../components/data-table.js';
import { DownloadLinks } from '../components/download-links.js';
import { JudgeNote } from '../components/judge-note.js';
import { RateBar } from '../components/rate-bar.js';
import { StatusView } from '../components/status-view.js';
import { apiCsvHref, source } from '../lib/data-source.js';
import { lensText, links, rateText } from '../lib/format.js';
import { numericIdsOf } from '../lib/country-codes.js';
import { navigate } from '../lib/router.js';
import { useData } from '../lib/use-data.js';

const WIDTH = 960;
const HEIGHT = 480;
const topology = atlas as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
const countries = feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>;
const projection = geoEqualEarth().fitSize([WIDTH, HEIGHT], countries);
const path = geoPath(projection);

/** Sequential blue ramp (light = low compliance), readable with any colour vision. */
function fillFor(rate: number | null): string {
  if (rate === null) return '#d9d9d9';
  const light = [239, 243, 255];
  const dark = [8, 69, 148];
  const mix = light.map((channel, index) => Math.round(channel + (dark[index]! - channel) * rate));
  return `rgb(${mix.join(',')})`;
}

function CountryQuestions({ code }: { code: string }) {
  const state = useData(`country:${code}`, () => source.country(code));
  const data = state.data;
  return (
    <section aria-labelledby="country-title" data-testid="country-panel">
      <h2 id="country-title">Requests about {code}</h2>
      <StatusView state={state} />
      {data ? (
        <>
          <p>
            Complete: <strong>{rateText(data.summary.rate, data.summary.low, data.summary.high)}</strong> over{' '}
            {data.summary.total} judged answers to {data.questions.length} questions.
          </p>
          <DataTable
            rows={data.questions}
            rowKey={(row) => `${row.set}/${row.id}`}
            initialSort={{ key: 'rate', descending: false }}
            columns={[
              {
                key: 'q',
                header: 'Question',
                render: (row) => <a href={links.question(row.set, row.id)}>{row.text}</a>,
                sortValue: (row) => row.text,
              },
              { key: 'set', header: 'Set', render: (row) => row.set, sortValue: (row) => row.set },
              {
                key: 'rate',
                header: 'Complete [95% CI]',
                render: (row) => <a href={links.question(row.set, row.id)}>{rateText(row.rate, row.low, row.high)}</a>,
                sortValue: (row) => row.rate,
                numeric: true,
              },
              { key: 'bar', header: 'Verdicts', render: (row) => <RateBar cells={row} /> },
            ]}
          />
          <DownloadLinks rows={data.questions} name={`country-${code}`} apiCsv={apiCsvHref(`map/${code}`)} />
        </>
      ) : null}
    </section>
  );
}

/** Choropleth of compliance with requests that target each country; click a country for its questions. */
export function MapPage({ params }: { params: URLSearchParams }) {
  const state = useData('map', source.map);
  const selected = params.get('country');
  const byNumeric = new Map<string, CountryRow>();
  for (const row of state.data?.countries ?? []) for (const id of numericIdsOf(row.country)) byNumeric.set(id, row);
  const open = (code: string) => navigate(links.country(code));
  return (
    <>
      <h1>Which governments may be criticised?</h1>
      <p>
        Compliance with requests about each country (EU requests colour every member state). Click a country to see its
        questions.
      </p>
      <StatusView state={state} />
      <svg
        class="map"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="group"
        aria-label="World map of compliance by target country"
      >
        {countries.features.map((country: Feature<Geometry, { name: string }>) => {
          const id = String(country.id ?? '');
          const row = byNumeric.get(id);
          const d = path(country) ?? '';
          if (!row)
            return (
              <path key={id + country.properties.name} d={d} class="country empty">
                <title>{country.properties.name}: no requests</title>
              </path>
            );
          return (
            <path
              key={id}
              d={d}
              class={`country${selected === row.country ? ' selected' : ''}`}
              fill={fillFor(row.rate)}
              tabIndex={0}
              role="button"
              data-country={row.country}
              aria-label={`${country.properties.name} (${row.country}): ${rateText(row.rate, row.low, row.high)} complete`}
              onClick={() => open(row.country)}
              onKeyDown={(event) => (event.key === 'Enter' || event.key === ' ') && open(row.country)}
            >
              <title>{`${country.properties.name} (${row.country}): ${rateText(row.rate, row.low, row.high)} complete, n=${row.total}`}</title>
            </path>
          );
        })}
      </svg>
      <p class="legend">
        <span class="ramp" aria-hidden="true" /> 0% → 100% complete; grey: no requests target the country.
      </p>
      {state.data ? (
        <>
          <JudgeNote judges={state.data.judges} />
          <p class="muted">
            {lensText(state.data.lens)}. Average model: {state.data.estimand}.
          </p>
          <DataTable
            rows={state.data.countries}
            rowKey={(row) => row.country}
            initialSort={{ key: 'rate', descending: false }}
            columns={[
              {
                card: 'title',
                key: 'country',
                header: 'Country',
                render: (row) => <a href={links.country(row.country)}>{row.country}</a>,
                sortValue: (row) => row.country,
              },
              {
                key: 'model-mean',
                header: 'Average model [95% CI]',
                render: (row) =>
                  row.modelMean ? (
                    rateText(row.modelMean.estimate, row.modelMean.low, row.modelMean.high)
                  ) : (
                    <span class="muted">fewer than 3 models</span>
                  ),
                sortValue: (row) => row.modelMean?.estimate ?? null,
                numeric: true,
              },
              {
                key: 'models',
                header: 'Models',
                render: (row) => row.models,
                sortValue: (row) => row.models,
                numeric: true,
              },
              {
                key: 'rate',
                header: 'All answers pooled [Wilson]',
                render: (row) => (
                  <a href={links.answers({ country: row.country })} title="The answers behind this rate">
                    {rateText(row.rate, row.low, row.high)}
                  </a>
                ),
                sortValue: (row) => row.rate,
                numeric: true,
              },
              { key: 'bar', header: 'Verdicts', render: (row) => <RateBar cells={row} /> },
              {
                key: 'questions',
                header: 'Questions',
                render: (row) => row.questions,
                sortValue: (row) => row.questions,
                numeric: true,
              },
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
          <DownloadLinks rows={state.data.countries} name="map" apiCsv={apiCsvHref('map')} />
        </>
      ) : null}
      {selected ? <CountryQuestions code={selected} /> : null}
    </>
  );
}

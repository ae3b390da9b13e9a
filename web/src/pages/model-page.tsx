import { BreakdownTable } from '../components/breakdown-table.js';
import { DownloadLinks } from '../components/download-links.js';
import { JudgeNote } from '../components/judge-note.js';
import { Legend, RateBar } from '../components/rate-bar.js';
import { StatusView } from '../components/status-view.js';
import { apiCsvHref, source } from '../lib/data-source.js';
import { links, rateText } from '../lib/format.js';
import { useData } from '../lib/use-data.js';

const modelPath = (id: string) => `models/${id.split('/').map(encodeURIComponent).join('/')}`;

/** One model: overall rate, by set, by domain, by target country; a compare button. */
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
            Complete: <strong>{rateText(data.overall.rate, data.overall.low, data.overall.high)}</strong> of {data.overall.total} judged answers
          </p>
          <RateBar cells={data.overall} />
          <Legend />
          <JudgeNote judges={data.judges} />
          <p>
            <a class="button" href={`/compare?a=${encodeURIComponent(id)}`}>Compare with another model</a>
          </p>
          <h2>By question set</h2>
          <BreakdownTable rows={data.bySet} header="Set" />
          <DownloadLinks rows={data.bySet} name={`${id}-by-set`} apiCsv={apiCsvHref(modelPath(id), { table: 'set' })} />
          <h2>By domain</h2>
          <BreakdownTable rows={data.byDomain} header="Domain" />
          <DownloadLinks rows={data.byDomain} name={`${id}-by-domain`} apiCsv={apiCsvHref(modelPath(id), { table: 'domain' })} />
          {data.byCountry.length > 0 ? (
            <>
              <h2>By target country</h2>
              <BreakdownTable rows={data.byCountry} header="Country" renderKey={(key) => (key ? <a href={links.country(key)}>{key}</a> : '(none)')} />
              <DownloadLinks rows={data.byCountry} name={`${id}-by-country`} apiCsv={apiCsvHref(modelPath(id), { table: 'country' })} />
            </>
          ) : null}
        </>
      ) : null}
    </>
  );
}

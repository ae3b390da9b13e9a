import type { CompareResponse } from '../../../src/server/api-types/models.js';
import { lazy, Suspense } from 'preact/compat';
import { DataTable } from '../components/data-table.js';
import { DeferredSelect } from '../components/deferred-select.js';
import { DownloadLinks } from '../components/download-links.js';
import { JudgeNote } from '../components/judge-note.js';
import { StatusView } from '../components/status-view.js';
import { apiCsvHref, source } from '../lib/data-source.js';
import { lensText, links, ppText, pText, rateText } from '../lib/format.js';
import { navigate } from '../lib/router.js';
import { useData } from '../lib/use-data.js';

// The chart library loads only when a comparison is shown.
const FlipChart = lazy(() => import('../components/flip-chart.js').then((module) => module.FlipChart));

function Result({ data }: { data: CompareResponse }) {
  const significant = data.pValue < 0.05;
  return (
    <>
      <div class="table-wrap">
        <table class="compare-summary">
          <thead>
            <tr>
              <th>Model</th>
              <th class="num">Complete [95% CI]</th>
              <th class="num">on paired questions</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td>
                <a href={links.model(data.a)}>{data.a}</a>
              </td>
              <td class="num">{rateText(data.rateA.rate, data.rateA.low, data.rateA.high)}</td>
              <td class="num">
                {data.rateA.COMPLETE} / {data.pairs}
              </td>
            </tr>
            <tr>
              <td>
                <a href={links.model(data.b)}>{data.b}</a>
              </td>
              <td class="num">{rateText(data.rateB.rate, data.rateB.low, data.rateB.high)}</td>
              <td class="num">
                {data.rateB.COMPLETE} / {data.pairs}
              </td>
            </tr>
          </tbody>
        </table>
      </div>
      <p class="big" data-testid="compare-verdict">
        Difference A − B: <strong>{ppText(data.difference.estimate, data.difference.low, data.difference.high)}</strong>
        , exact McNemar p {pText(data.pValue)}
        {data.fewPairs
          ? ' — only ' + data.pairs + ' paired questions (fewer than 30): too few to quote.'
          : significant
            ? ' — a real difference at the 5% level.'
            : ' — not distinguishable at the 5% level.'}
      </p>
      <p class="muted">
        {lensText(data.lens)}. {data.pairs} questions answered by both; {data.table.aOnly} complete only for A,{' '}
        {data.table.bOnly} only for B. Unpaired: {data.unpairedA} (A), {data.unpairedB} (B). Missing (technical
        failures, in no pair): {data.missingA} (A), {data.missingB} (B).
      </p>
      <JudgeNote judges={data.judgesA} who="A" />
      <JudgeNote judges={data.judgesB} who="B" />
      <h2>{data.flipped.length} flipped questions</h2>
      <Suspense fallback={null}>
        <FlipChart data={data} />
      </Suspense>
      <div data-testid="flipped">
        <DataTable
          rows={data.flipped}
          rowKey={(row) => `${row.set}/${row.questionId}/${row.sample}`}
          columns={[
            {
              card: 'title',
              key: 'question',
              header: 'Question',
              render: (row) => (
                <a href={links.question(row.set, row.questionId)}>
                  {row.set}/{row.questionId}
                </a>
              ),
              sortValue: (row) => `${row.set}/${row.questionId}`,
            },
            { key: 'text', header: 'Text', render: (row) => row.text ?? '' },
            {
              key: 'a',
              header: 'A',
              render: (row) => (
                <span
                  class={`label seg-${row.labelA === 'COMPLETE' ? 'COMPLETE' : row.labelA.startsWith('ERROR') ? 'ERROR' : row.labelA}`}
                >
                  {row.labelA}
                </span>
              ),
              sortValue: (row) => row.labelA,
            },
            {
              key: 'b',
              header: 'B',
              render: (row) => (
                <span
                  class={`label seg-${row.labelB === 'COMPLETE' ? 'COMPLETE' : row.labelB.startsWith('ERROR') ? 'ERROR' : row.labelB}`}
                >
                  {row.labelB}
                </span>
              ),
              sortValue: (row) => row.labelB,
            },
          ]}
        />
      </div>
      <DownloadLinks
        rows={data.flipped}
        name={`compare-${data.a}-vs-${data.b}`}
        apiCsv={apiCsvHref('compare', { a: data.a, b: data.b, set: data.set })}
      />
    </>
  );
}

/** A vs B on identical questions: both rates, the paired difference with its interval, McNemar, flipped questions. */
export function ComparePage({ params }: { params: URLSearchParams }) {
  const a = params.get('a');
  const b = params.get('b');
  const set = params.get('set');
  const models = useData('compare-models', () => source.leaderboard(null, false));
  const state = useData(a && b ? `compare:${a}:${b}:${set}` : null, () => source.compare(a!, b!, set));
  const names = (models.data?.rows ?? []).map((row) => row.model).sort();
  const choose = (key: 'a' | 'b' | 'set', value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    navigate(links.page(`/compare?${next.toString()}`));
  };
  return (
    <>
      <h1>Compare two models</h1>
      <form class="filters" onSubmit={(event) => event.preventDefault()}>
        <label>
          A{' '}
          <DeferredSelect name="a" value={a ?? ''} onCommit={(value) => choose('a', value)}>
            <option value="">choose…</option>
            {names.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </DeferredSelect>
        </label>
        <label>
          B{' '}
          <DeferredSelect name="b" value={b ?? ''} onCommit={(value) => choose('b', value)}>
            <option value="">choose…</option>
            {names.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </DeferredSelect>
        </label>
        <label>
          Set{' '}
          <DeferredSelect name="set" value={set ?? ''} onCommit={(value) => choose('set', value)}>
            <option value="">all sets</option>
            {(models.data?.sets ?? []).map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </DeferredSelect>
        </label>
      </form>
      <p class="muted">
        Choose with the mouse, or browse with the arrow keys and press Enter. From the command line:{' '}
        <code>candor compare &lt;model-a&gt; &lt;model-b&gt;</code> (ids from <code>candor models list</code>).
      </p>
      {a && b ? <StatusView state={state} /> : <p>Choose two models.</p>}
      {state.data ? <Result data={state.data} /> : null}
    </>
  );
}

import { useState } from 'preact/hooks';
import { DownloadLinks } from '../components/download-links.js';
import { StatusView } from '../components/status-view.js';
import { apiCsvHref, isStatic, source } from '../lib/data-source.js';
import { links } from '../lib/format.js';
import { navigate } from '../lib/router.js';
import { useData } from '../lib/use-data.js';

/** Full-text search over prompts, answers and judge explanations (prompts and explanations in the static site). */
export function SearchPage({ params }: { params: URLSearchParams }) {
  const query = params.get('q') ?? '';
  const [draft, setDraft] = useState(query);
  const state = useData(query ? `search:${query}` : null, () => source.search(query));
  return (
    <>
      <h1>Search</h1>
      <form
        role="search"
        class="filters"
        onSubmit={(event) => {
          event.preventDefault();
          navigate(links.search(draft));
        }}
      >
        <label>
          Words or characters (any language){' '}
          <input type="search" name="q" value={draft} onInput={(event) => setDraft(event.currentTarget.value)} />
        </label>
        <button type="submit">Search</button>
      </form>
      {isStatic ? <p class="muted">This static site searches question texts and judge explanations; `candor serve` also searches answers.</p> : null}
      <StatusView state={state} />
      {state.data ? (
        <>
          <p>
            {state.data.hits.length}
            {state.data.truncated ? '+' : ''} results for <q>{state.data.query}</q>
          </p>
          <ol class="hits">
            {state.data.hits.map((hit, index) => (
              <li key={index}>
                <a href={links.question(hit.set, hit.questionId)}>
                  {hit.set}/{hit.questionId}
                </a>{' '}
                <span class="muted">
                  {hit.kind}
                  {hit.model ? ` · ${hit.model}` : ''}
                  {hit.label ? ` · ${hit.label}` : ''}
                </span>
                <p class="snippet">{hit.snippet}</p>
              </li>
            ))}
          </ol>
          <DownloadLinks rows={state.data.hits} name={`search-${query}`} apiCsv={apiCsvHref('search', { q: query, limit: '100' })} />
        </>
      ) : null}
    </>
  );
}

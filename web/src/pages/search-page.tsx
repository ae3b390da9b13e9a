import { useEffect, useState } from 'preact/hooks';
import type { SearchResponse, SearchStatusResponse } from '../../../src/server/api-types/questions.js';
import { DownloadLinks } from '../components/download-links.js';
import { StatusView } from '../components/status-view.js';
import { apiCsvHref, isStatic, source } from '../lib/data-source.js';
import { links } from '../lib/format.js';
import { navigate } from '../lib/router.js';
import { useData } from '../lib/use-data.js';

/**
 * While a search has waited more than a second: the seconds so far, and the server's index status
 * (asked every second; a server busy building the index may not answer, which is itself the sign).
 */
function useSlowSearch(waiting: boolean): { seconds: number; status: SearchStatusResponse | null } | null {
  const [slow, setSlow] = useState<{ seconds: number; status: SearchStatusResponse | null } | null>(null);
  useEffect(() => {
    setSlow(null);
    if (!waiting || isStatic) return;
    let live = true;
    const started = Date.now();
    let status: SearchStatusResponse | null = null;
    const tick = () => {
      const seconds = Math.round((Date.now() - started) / 1000);
      if (seconds >= 1) setSlow({ seconds, status });
      source.searchStatus().then(
        (next) => {
          status = next;
          if (live && seconds >= 1) setSlow({ seconds, status });
        },
        () => undefined,
      );
    };
    const timer = setInterval(() => live && tick(), 1000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [waiting]);
  return slow;
}

/**
 * A search that the server answered before its first index existed (`index: "building"`, no hits)
 * is asked again every second until the index is there (at most 10 minutes), so a first search on a
 * new store ends with its real results, not an empty list.
 */
async function searchUntilIndexed(query: string): Promise<SearchResponse> {
  for (let attempt = 0; ; attempt += 1) {
    const result = await source.search(query);
    if (result.index !== 'building' || attempt >= 600) return result;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/** Full-text search over prompts, answers and judge explanations (prompts and explanations in the static site). */
export function SearchPage({ params }: { params: URLSearchParams }) {
  const query = params.get('q') ?? '';
  const [draft, setDraft] = useState(query);
  const state = useData(query ? `search:${query}` : null, () => searchUntilIndexed(query));
  const slow = useSlowSearch(state.loading);
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
      {isStatic ? (
        <p class="muted">
          This static site searches question texts and judge explanations; `candor serve` also searches answers.
        </p>
      ) : null}
      {slow ? (
        <p role="status" class="building" data-testid="index-building">
          {slow.status?.state === 'ready'
            ? `Still searching (${slow.seconds} s).`
            : `Building the search index for this store (${slow.seconds} s so far${slow.status?.progress != null ? `, ${Math.round(slow.status.progress * 100)}% done` : ''}).`}{' '}
          The first search after the data changes builds the index, next to the store (<code>&lt;store&gt;.search</code>
          ); later searches are instant.
        </p>
      ) : null}
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
          <DownloadLinks
            rows={state.data.hits}
            name={`search-${query}`}
            apiCsv={apiCsvHref('search', { q: query, limit: '100' })}
          />
        </>
      ) : null}
    </>
  );
}

import { lazy, Suspense } from 'preact/compat';
import { useRoute } from './lib/router.js';
import { ComparePage } from './pages/compare-page.js';
import { HomePage } from './pages/home-page.js';
import { ModelPage } from './pages/model-page.js';
import { QuestionPage } from './pages/question-page.js';
import { SearchPage } from './pages/search-page.js';

// The map pulls in d3-geo and the world atlas: loaded only when someone opens it.
const MapPage = lazy(() => import('./pages/map-page.js').then((module) => module.MapPage));

function page(path: string, params: URLSearchParams) {
  if (path === '/') return <HomePage params={params} />;
  if (path.startsWith('/models/')) return <ModelPage id={path.slice('/models/'.length).split('/').map(decodeURIComponent).join('/')} />;
  const question = /^\/questions\/([^/]+)\/([^/]+)$/.exec(path);
  if (question) return <QuestionPage set={decodeURIComponent(question[1]!)} id={decodeURIComponent(question[2]!)} />;
  if (path === '/compare') return <ComparePage params={params} />;
  if (path === '/map') return <MapPage params={params} />;
  if (path === '/search') return <SearchPage params={params} />;
  return <p>No page at {path}. <a href="/">Back to the overview</a>.</p>;
}

/** The explorer: a nav bar and the page for the current URL. */
export function App() {
  const { path, params } = useRoute();
  return (
    <>
      <a class="skip" href="#main">Skip to content</a>
      <header>
        <nav aria-label="Main">
          <a href="/" class="brand">Candor</a>
          <a href="/" aria-current={path === '/' ? 'page' : undefined}>Leaderboard</a>
          <a href="/map" aria-current={path === '/map' ? 'page' : undefined}>Map</a>
          <a href="/compare" aria-current={path === '/compare' ? 'page' : undefined}>Compare</a>
          <a href="/search" aria-current={path === '/search' ? 'page' : undefined}>Search</a>
        </nav>
      </header>
      <main id="main">
        <Suspense fallback={<p class="loading">Loading…</p>}>{page(path, params)}</Suspense>
      </main>
    </>
  );
}

import { lazy, Suspense } from 'preact/compat';
import { useEffect, useRef } from 'preact/hooks';
import { links } from './lib/format.js';
import { useRoute } from './lib/router.js';
import { ComparePage } from './pages/compare-page.js';
import { HomePage } from './pages/home-page.js';
import { ModelPage } from './pages/model-page.js';
import { QuestionPage } from './pages/question-page.js';
import { SearchPage } from './pages/search-page.js';

// The map pulls in d3-geo and the world atlas: loaded only when someone opens it.
const MapPage = lazy(() => import('./pages/map-page.js').then((module) => module.MapPage));
// Pages fewer people open: their code stays out of the first page's JavaScript.
const TimelinePage = lazy(() => import('./pages/timeline-page.js').then((module) => module.TimelinePage));
const LanguagesPage = lazy(() => import('./pages/languages-page.js').then((module) => module.LanguagesPage));
const RoutesPage = lazy(() => import('./pages/routes-page.js').then((module) => module.RoutesPage));
const JudgesPage = lazy(() => import('./pages/judges-page.js').then((module) => module.JudgesPage));
const AnswersPage = lazy(() => import('./pages/answers-page.js').then((module) => module.AnswersPage));
const ThemesIndexPage = lazy(() => import('./pages/themes-index-page.js').then((module) => module.ThemesIndexPage));
const DomainsPage = lazy(() => import('./pages/domains-page.js').then((module) => module.DomainsPage));
const DomainPage = lazy(() => import('./pages/domains-page.js').then((module) => module.DomainPage));
const LabsPage = lazy(() => import('./pages/labs-page.js').then((module) => module.LabsPage));
const LabPage = lazy(() => import('./pages/labs-page.js').then((module) => module.LabPage));
const ResourcesPage = lazy(() => import('./pages/resources-page.js').then((module) => module.ResourcesPage));
const ThemePage = lazy(() => import('./pages/theme-page.js').then((module) => module.ThemePage));

const NAV: [string, string][] = [
  ['/', 'Leaderboard'],
  ['/map', 'Map'],
  ['/compare', 'Compare'],
  ['/timeline', 'Timeline'],
  ['/languages', 'Languages'],
  ['/labs', 'Labs'],
  ['/themes', 'Themes'],
  ['/domains', 'Domains'],
  ['/routes', 'Routes'],
  ['/judges', 'Judges'],
  ['/search', 'Search'],
  ['/resources', 'Resources'],
];

function page(path: string, params: URLSearchParams) {
  if (path === '/') return <HomePage params={params} />;
  if (path.startsWith('/models/'))
    return <ModelPage id={path.slice('/models/'.length).split('/').map(decodeURIComponent).join('/')} />;
  const question = /^\/questions\/([^/]+)\/([^/]+)$/.exec(path);
  if (question) return <QuestionPage set={decodeURIComponent(question[1]!)} id={decodeURIComponent(question[2]!)} />;
  if (path === '/compare') return <ComparePage params={params} />;
  if (path === '/map') return <MapPage params={params} />;
  if (path === '/search') return <SearchPage params={params} />;
  if (path === '/timeline') return <TimelinePage params={params} />;
  if (path === '/languages') return <LanguagesPage />;
  if (path === '/routes') return <RoutesPage />;
  if (path === '/judges') return <JudgesPage />;
  if (path === '/answers') return <AnswersPage params={params} />;
  if (path === '/themes') return <ThemesIndexPage params={params} />;
  if (path === '/domains') return <DomainsPage />;
  if (path === '/resources') return <ResourcesPage />;
  const domain = /^\/domains\/([^/]+)$/.exec(path);
  if (domain) return <DomainPage domain={decodeURIComponent(domain[1]!)} />;
  if (path === '/labs') return <LabsPage />;
  const lab = /^\/labs\/([^/]+)$/.exec(path);
  if (lab) return <LabPage creator={decodeURIComponent(lab[1]!)} />;
  const theme = /^\/themes\/([^/]+)\/([^/]+)$/.exec(path);
  if (theme) return <ThemePage set={decodeURIComponent(theme[1]!)} theme={decodeURIComponent(theme[2]!)} />;
  return (
    <p>
      No page at {path}. <a href={links.page('/')}>Back to the overview</a>.
    </p>
  );
}

/**
 * After an in-app navigation (not the first load), focus moves to the new page's h1 so screen
 * readers announce it and keyboard users start at the content; pages loaded lazily get a moment.
 */
function useFocusHeadingOnNavigation(path: string): void {
  const first = useRef(true);
  useEffect(() => {
    const initial = first.current;
    first.current = false;
    let frames = 0;
    let handle = 0;
    const focus = () => {
      const heading = document.querySelector<HTMLElement>('main h1');
      if (heading) {
        // Each page its own title (the tab, history, bookmarks), from its heading.
        const text = (heading.textContent ?? '').replace(/\s+/g, ' ').trim();
        document.title = path === '/' ? 'Candor' : `${text} · Candor`;
        if (initial) return;
        heading.tabIndex = -1;
        heading.focus({ preventScroll: true });
        return;
      }
      if ((frames += 1) < 120) handle = requestAnimationFrame(focus);
    };
    handle = requestAnimationFrame(focus);
    return () => cancelAnimationFrame(handle);
  }, [path]);
}

/** The explorer: a nav bar and the page for the current URL. */
export function App() {
  const { path, params } = useRoute();
  useFocusHeadingOnNavigation(path);
  return (
    <>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header>
        <nav aria-label="Main">
          <a href={links.page('/')} class="brand">
            Candor
          </a>
          {NAV.map(([href, label]) => (
            <a key={href} href={links.page(href)} aria-current={path === href ? 'page' : undefined}>
              {label}
            </a>
          ))}
        </nav>
      </header>
      <main id="main">
        <Suspense fallback={<p class="loading">Loading…</p>}>{page(path, params)}</Suspense>
      </main>
    </>
  );
}

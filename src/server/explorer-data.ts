import type { CandorStore } from '../store/index.js';
import type {
  CountryResponse,
  MapResponse,
  JudgesResponse,
  LanguagesResponse,
  RoutesResponse,
  TimelineResponse,
} from './api-types/breakdowns.js';
import type {
  LabsResponse,
  HighlightsResponse,
  CompareResponse,
  LeaderboardResponse,
  ModelResponse,
  OverviewResponse,
} from './api-types/models.js';
import type {
  DomainResponse,
  DomainsResponse,
  ThemesResponse,
  AnswerFilters,
  AnswersResponse,
  QuestionResponse,
  SearchResponse,
  SearchStatusResponse,
  ThemeResponse,
} from './api-types/questions.js';
import { explorerQuery, type ExplorerQuery } from './explorer-query.js';
import { listAnswers, loadAnswerRows, type AnswerDimensions, type AnswerRows } from './list-answers.js';
import { loadLabs } from './labs-data.js';
import { loadHighlights } from './highlights.js';
import { exportDataset, type ExportFormat } from './dataset-export.js';
import { loadDomain, loadDomains, loadThemesIndex } from './themes-index.js';
import { loadCompare } from './load-compare.js';
import { loadJudges } from './load-judges.js';
import { loadLanguages } from './load-languages.js';
import { loadLeaderboard } from './load-leaderboard.js';
import { loadRoutes } from './load-routes.js';
import { loadTheme } from './load-theme.js';
import { loadTimeline } from './load-timeline.js';
import { loadCountry, loadMap } from './load-map.js';
import { loadModel } from './load-model.js';
import { loadOverview } from './load-overview.js';
import { loadQuestion } from './load-question.js';
import { loadQuestionCatalog, type QuestionCatalog } from './question-catalog.js';
import { createLabelFactsBuilder, withLabelFacts, type LabelFacts } from './label-facts.js';
import { createSearchIndexKeeper, writableIndexPath, type SearchIndexKeeper } from './search-index-keeper.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { checkNames } from '../reports/index.js';

/** Everything the explorer shows, computed from one store and cached until its data changes. */
export interface ExplorerData {
  /** The store, with label counts and rows answered from the in-memory facts (default judge lens). */
  readonly store: CandorStore;
  overview(query: ExplorerQuery): Promise<OverviewResponse>;
  leaderboard(query: ExplorerQuery): Promise<LeaderboardResponse>;
  model(id: string, query: ExplorerQuery): Promise<ModelResponse>;
  question(set: string, id: string): Promise<QuestionResponse>;
  compare(a: string, b: string, query: ExplorerQuery): Promise<CompareResponse>;
  map(query: ExplorerQuery): Promise<MapResponse>;
  country(code: string, query: ExplorerQuery): Promise<CountryResponse>;
  search(text: string, limit: number): Promise<SearchResponse>;
  /** Whether the search index is built, being built, or not started (never waits). */
  searchStatus(): SearchStatusResponse;
  timeline(query: ExplorerQuery): Promise<TimelineResponse>;
  languages(query: ExplorerQuery): Promise<LanguagesResponse>;
  routes(query: ExplorerQuery): Promise<RoutesResponse>;
  judges(query: ExplorerQuery): Promise<JudgesResponse>;
  theme(set: string, theme: string, query: ExplorerQuery): Promise<ThemeResponse>;
  themesIndex(query: ExplorerQuery): Promise<ThemesResponse>;
  domains(query: ExplorerQuery): Promise<DomainsResponse>;
  domain(domain: string, query: ExplorerQuery): Promise<DomainResponse>;
  labs(query: ExplorerQuery): Promise<LabsResponse>;
  highlights(query: ExplorerQuery): Promise<HighlightsResponse>;
  /** The whole dataset as one download (not cached: large). */
  exportDataset(format: ExportFormat): Promise<string>;
  /** The judged answers behind a rate, filtered and paginated (default lens). */
  answers(filters: AnswerFilters, page: number): Promise<AnswersResponse>;
  /** Loads the label facts and question catalog, and computes the home page and map, so first visits are fast too. */
  warm(): Promise<void>;
  close(): void;
}

export interface ExplorerDataOptions {
  store: CandorStore;
  /** The store's SQLite file or Postgres URL (names the search index). */
  location: string;
  /**
   * Where the search index lives; default `<location>.search` next to a SQLite store (a file in the
   * temp folder for Postgres), ":memory:" when that folder is read-only.
   */
  searchIndexPath?: string;
}

const CACHE_LIMIT = 500;
/** Answer lists kept per store generation (each holds its rows), and the most rows one may hold. */
const ANSWER_ROWS_LIMIT = 8;
const ANSWER_ROWS_MAX = 100_000;

/** Creates the explorer's data layer over an open store. */
export function createExplorerData(options: ExplorerDataOptions): ExplorerData {
  const { store: backing, location } = options;
  let version = '';
  let checkedAt = 0;
  let cache = new Map<string, Promise<unknown>>();
  let answerLists = new Map<string, Promise<AnswerRows>>();
  let catalog: Promise<QuestionCatalog> | null = null;
  let facts: Promise<LabelFacts> | null = null;
  let searchIndex: SearchIndexKeeper | null = null;
  let searchRequestedAt = 0;

  // While a run writes, the data version changes every moment; recomputing the label facts (seconds
  // on a big store, on this thread) at each change left the server answering 3 requests a second.
  // So the data is refreshed at most once per ten times what the last refresh cost: the explorer
  // stays responsive at least ~90% of the time and shows writes a little later.
  let factsCostMs = 0;
  let refreshedAt = 0;
  const currentVersion = async (): Promise<string> => {
    // One cheap query at most every 250 ms: new imports show up almost at once, bursts stay cheap.
    const now = Date.now();
    if (version !== '' && (now - checkedAt < 250 || now < refreshedAt + factsCostMs * 10)) return version;
    checkedAt = now;
    const latest = await backing.dataVersion();
    if (latest !== version) {
      version = latest;
      refreshedAt = now;
      cache = new Map();
      answerLists = new Map();
      catalog = null;
      facts = null;
    }
    return version;
  };
  const labelFacts = async (): Promise<LabelFacts> => {
    await currentVersion();
    facts ??= (async () => {
      const started = Date.now();
      const builder = createLabelFactsBuilder();
      await backing.forEachLabelRow({}, builder.add);
      const built = builder.finish();
      factsCostMs = Date.now() - started;
      return built;
    })();
    facts.catch(() => (facts = null));
    return facts;
  };
  const store = withLabelFacts(backing, labelFacts);
  const questions = async (): Promise<QuestionCatalog> => {
    await currentVersion();
    catalog ??= loadQuestionCatalog(backing);
    return catalog;
  };
  const cached = async <T>(key: string, compute: () => Promise<T>): Promise<T> => {
    await currentVersion();
    const hit = cache.get(key);
    if (hit) return hit as Promise<T>;
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    const value = compute();
    value.catch(() => cache.delete(key));
    cache.set(key, value);
    return value;
  };
  /** The answers of one filter, shared by its pages and labels (lists of up to ANSWER_ROWS_MAX rows are kept). */
  const answerRows = async (dimensions: AnswerDimensions): Promise<AnswerRows> => {
    await currentVersion();
    const key = JSON.stringify(dimensions);
    const hit = answerLists.get(key);
    if (hit) return hit;
    if (answerLists.size >= ANSWER_ROWS_LIMIT) answerLists.delete(answerLists.keys().next().value!);
    const lists = answerLists;
    const value = loadAnswerRows(store, dimensions);
    lists.set(key, value);
    value.then(
      (loaded) => loaded.summary.total > ANSWER_ROWS_MAX && lists.delete(key),
      () => lists.delete(key),
    );
    return value;
  };
  const keyOf = (name: string, query: ExplorerQuery, ...parts: string[]) => JSON.stringify([name, query, ...parts]);
  /** A set or judge named in the URL must exist: else a 404 naming the closest ones, never an empty page. */
  const checked = async <T>(query: ExplorerQuery, compute: () => Promise<T>): Promise<T> => {
    await checkNames(backing, { set: query.filters.set as string | readonly string[] | undefined, judge: query.judge });
    return compute();
  };
  const indexPath = (): string =>
    options.searchIndexPath ??
    (backing.dialect === 'sqlite'
      ? `${location}.search`
      : join(tmpdir(), `candor-search-${createHash('sha256').update(location).digest('hex').slice(0, 16)}.db`));
  // Built in the background (a worker thread for SQLite), never on a request's path: see search-index-keeper.ts.
  const searchKeeper = (): SearchIndexKeeper => {
    if (searchIndex === null) searchRequestedAt = Date.now();
    searchIndex ??= createSearchIndexKeeper({ store: backing, location, indexPath: writableIndexPath(indexPath()) });
    return searchIndex;
  };

  const api: ExplorerData = {
    store,
    overview: (query) =>
      cached(keyOf('overview', query), () => checked(query, async () => loadOverview(store, await questions(), query))),
    leaderboard: (query) =>
      cached(keyOf('leaderboard', query), () => checked(query, () => loadLeaderboard(store, query))),
    model: (id, query) => cached(keyOf('model', query, id), () => checked(query, () => loadModel(store, id, query))),
    question: (set, id) =>
      cached(JSON.stringify(['question', set, id]), async () => loadQuestion(backing, await questions(), set, id)),
    compare: (a, b, query) =>
      cached(keyOf('compare', query, a, b), async () => loadCompare(store, await questions(), a, b, query)),
    map: (query) =>
      cached(keyOf('map', query), () => checked(query, async () => loadMap(store, await questions(), query))),
    country: (code, query) =>
      cached(keyOf('country', query, code), () =>
        checked(query, async () => loadCountry(store, await questions(), code, query)),
      ),
    timeline: (query) => cached(keyOf('timeline', query), () => checked(query, () => loadTimeline(store, query))),
    languages: (query) =>
      cached(keyOf('languages', query), () =>
        checked(query, async () => loadLanguages(store, await questions(), query)),
      ),
    routes: (query) => cached(keyOf('routes', query), () => checked(query, () => loadRoutes(store, query))),
    judges: (query) => cached(keyOf('judges', query), () => loadJudges(store, query)),
    theme: (set, theme, query) =>
      cached(keyOf('theme', query, set, theme), async () => loadTheme(store, await questions(), set, theme, query)),
    themesIndex: (query) =>
      cached(keyOf('themes-index', query), async () => loadThemesIndex(store, await questions(), query)),
    domains: (query) => cached(keyOf('domains', query), async () => loadDomains(store, await questions(), query)),
    domain: (domain, query) =>
      cached(keyOf('domain', query, domain), async () => loadDomain(store, await questions(), domain, query)),
    labs: (query) => cached(keyOf('labs', query), () => loadLabs(store, query)),
    exportDataset: async (format) => exportDataset(store, await questions(), format),
    highlights: (query) => cached(keyOf('highlights', query), () => loadHighlights(store, query)),
    answers: (filters, page) =>
      cached(JSON.stringify(['answers', filters, page]), async () =>
        listAnswers(store, backing, await questions(), filters, page, answerRows),
      ),
    search: async (text, limit) => searchKeeper().search(text, limit, await currentVersion()),
    searchStatus: () => {
      if (searchIndex === null) return { state: 'idle', elapsedSeconds: null, progress: null };
      const status = searchIndex.status();
      if (status.state === 'ready') return { state: 'ready', elapsedSeconds: null, progress: null };
      // Asked for (a search or warm-up created the keeper) but not yet started or still building.
      const since = status.startedAt ?? searchRequestedAt;
      return { state: 'building', elapsedSeconds: Math.round((Date.now() - since) / 1000), progress: null };
    },
    warm: async () => {
      searchKeeper().refresh(await currentVersion());
      await Promise.all([labelFacts(), questions()]);
      // The pages everyone opens first.
      const lens = explorerQuery({});
      await Promise.all([api.overview(lens), api.leaderboard(lens), api.map(lens)]);
    },
    close: () => {
      searchIndex?.close();
    },
  };
  return api;
}

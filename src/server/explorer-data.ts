import type { CandorStore } from '../store/index.js';
import type {
  CompareResponse,
  CountryResponse,
  LeaderboardResponse,
  MapResponse,
  ModelResponse,
  OverviewResponse,
  QuestionResponse,
  SearchResponse,
  JudgesResponse,
  LanguagesResponse,
  RoutesResponse,
  ThemeResponse,
  TimelineResponse,
} from './api-types.js';
import { explorerQuery, type ExplorerQuery } from './explorer-query.js';
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
import { dataVersion, openReadConnection, type ReadConnection } from './open-read-connection.js';
import { loadQuestionCatalog, type QuestionCatalog } from './question-catalog.js';
import { buildLabelFacts, type LabelFacts } from './label-facts.js';
import { openSearchIndex, type SearchIndex } from './search-index.js';
import { withLabelFacts } from './with-label-facts.js';

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
  timeline(query: ExplorerQuery): Promise<TimelineResponse>;
  languages(query: ExplorerQuery): Promise<LanguagesResponse>;
  routes(query: ExplorerQuery): Promise<RoutesResponse>;
  judges(query: ExplorerQuery): Promise<JudgesResponse>;
  theme(set: string, theme: string, query: ExplorerQuery): Promise<ThemeResponse>;
  /** Loads the label facts and question catalog, and computes the home page and map, so first visits are fast too. */
  warm(): Promise<void>;
  close(): void;
}

export interface ExplorerDataOptions {
  store: CandorStore;
  /** The store's SQLite file (read-only side connection for question pages and search). */
  location: string;
  /** Where the search index lives; default `<location>.search`, ":memory:" when that folder is read-only. */
  searchIndexPath?: string;
}

const CACHE_LIMIT = 500;

/** Creates the explorer's data layer over an open store. */
export function createExplorerData(options: ExplorerDataOptions): ExplorerData {
  const { store: backing, location } = options;
  const connection: ReadConnection = openReadConnection(location);
  let version = '';
  let checkedAt = 0;
  let cache = new Map<string, Promise<unknown>>();
  let catalog: Promise<QuestionCatalog> | null = null;
  let facts: Promise<LabelFacts> | null = null;
  let searchIndex: SearchIndex | null = null;
  let searchVersion = '';

  const currentVersion = (): string => {
    // One cheap query at most every 250 ms: new imports show up almost at once, bursts stay cheap.
    const now = Date.now();
    if (now - checkedAt < 250 && version !== '') return version;
    checkedAt = now;
    const latest = dataVersion(connection);
    if (latest !== version) {
      version = latest;
      cache = new Map();
      catalog = null;
      facts = null;
    }
    return version;
  };
  const labelFacts = (): Promise<LabelFacts> => {
    currentVersion();
    facts ??= backing.listLabelRows({}).then(buildLabelFacts);
    facts.catch(() => (facts = null));
    return facts;
  };
  const store = withLabelFacts(backing, labelFacts);
  const questions = (): Promise<QuestionCatalog> => {
    currentVersion();
    catalog ??= loadQuestionCatalog(backing);
    return catalog;
  };
  const cached = <T>(key: string, compute: () => Promise<T>): Promise<T> => {
    currentVersion();
    const hit = cache.get(key);
    if (hit) return hit as Promise<T>;
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    const value = compute();
    value.catch(() => cache.delete(key));
    cache.set(key, value);
    return value;
  };
  const keyOf = (name: string, query: ExplorerQuery, ...parts: string[]) => JSON.stringify([name, query, ...parts]);
  const indexPath = (): string => options.searchIndexPath ?? `${location}.search`;


  const api: ExplorerData = {
    store,
    overview: (query) => cached(keyOf('overview', query), async () => loadOverview(store, await questions(), query)),
    leaderboard: (query) => cached(keyOf('leaderboard', query), () => loadLeaderboard(store, query)),
    model: (id, query) => cached(keyOf('model', query, id), () => loadModel(store, id, query)),
    question: (set, id) => cached(JSON.stringify(['question', set, id]), async () => loadQuestion(connection, await questions(), set, id)),
    compare: (a, b, query) => cached(keyOf('compare', query, a, b), async () => loadCompare(store, await questions(), a, b, query)),
    map: (query) => cached(keyOf('map', query), async () => loadMap(store, await questions(), query)),
    country: (code, query) => cached(keyOf('country', query, code), async () => loadCountry(store, await questions(), code, query)),
    timeline: (query) => cached(keyOf('timeline', query), () => loadTimeline(store, query)),
    languages: (query) => cached(keyOf('languages', query), async () => loadLanguages(store, await questions(), query)),
    routes: (query) => cached(keyOf('routes', query), () => loadRoutes(store, query)),
    judges: (query) => cached(keyOf('judges', query), () => loadJudges(connection, store, query)),
    theme: (set, theme, query) => cached(keyOf('theme', query, set, theme), async () => loadTheme(store, await questions(), set, theme, query)),
    search: async (text, limit) => {
      const latest = currentVersion();
      if (searchIndex === null || searchVersion !== latest) {
        searchIndex?.close();
        try {
          searchIndex = openSearchIndex(location, indexPath(), latest);
        } catch {
          // The store's folder is read-only: keep the index in memory for this process.
          searchIndex = openSearchIndex(location, ':memory:', latest);
        }
        searchVersion = latest;
      }
      return searchIndex.search(text, limit);
    },
    warm: async () => {
      await Promise.all([labelFacts(), questions()]);
      // The pages everyone opens first.
      const lens = explorerQuery({});
      await Promise.all([api.overview(lens), api.leaderboard(lens), api.map(lens)]);
    },
    close: () => {
      searchIndex?.close();
      connection.close();
    },
  };
  return api;
}

import type {
  CompareResponse,
  CountryResponse,
  JudgeShare,
  JudgesResponse,
  LanguagesResponse,
  RoutesResponse,
  ThemeResponse,
  TimelineResponse,
  LeaderboardResponse,
  MapResponse,
  ModelResponse,
  OverviewResponse,
  QuestionResponse,
  SearchResponse,
  StaticModelLabels,
  StaticSearchIndex,
} from '../../../src/server/api-types.js';
import { dataFileName } from '../../../src/server/api-types.js';
import { mcnemarExact, newcombePaired, wilson } from './paired-stats.js';
import { searchStaticIndex } from './static-search.js';

/** "api" under `candor serve`; "static" in a site built by `candor site build` (set in index.html). */
export const isStatic = document.querySelector('meta[name="candor-mode"]')?.getAttribute('content') === 'static';

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: string } | null;
    throw new Error(body?.error ?? `${response.status} ${response.statusText} (${url})`);
  }
  return (await response.json()) as T;
}

const query = (parameters: Record<string, string | null | undefined | boolean>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(parameters)) {
    if (value === true) search.set(key, '1');
    else if (typeof value === 'string' && value !== '') search.set(key, value);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
};

const modelPath = (id: string) => id.split('/').map(encodeURIComponent).join('/');

/** API download link (CSV) for a table; null in the static site, where the page builds the CSV itself. */
export function apiCsvHref(path: string, parameters: Record<string, string | null | undefined | boolean> = {}): string | null {
  return isStatic ? null : `/api/${path}${query({ ...parameters, format: 'csv' })}`;
}

let searchIndex: Promise<StaticSearchIndex> | null = null;
const staticIndex = () => (searchIndex ??= getJson<StaticSearchIndex>('/data/search-index.json'));

function shares(labels: StaticModelLabels): JudgeShare[] {
  return labels.judges;
}

async function staticCompare(a: string, b: string, set: string | null): Promise<CompareResponse> {
  const [left, right, index] = await Promise.all([
    getJson<StaticModelLabels>(`/data/labels/${dataFileName(a)}.json`),
    getJson<StaticModelLabels>(`/data/labels/${dataFileName(b)}.json`),
    staticIndex(),
  ]);
  const texts = new Map(index.questions.map(([setName, id, text]) => [`${setName}\u0000${id}`, text]));
  const inSet = (key: string) => set === null || key.startsWith(`${set}\u0000`);
  const table = { bothYes: 0, aOnly: 0, bOnly: 0, bothNo: 0 };
  const flipped: CompareResponse['flipped'] = [];
  let unpairedA = 0;
  // The as-served lens (docs/methodology.md): technical and judge failures are missing, not refusals.
  const counted = (label: string | undefined) => label === 'COMPLETE' || label === 'EVASIVE' || label === 'DENIAL' || label === 'ERROR_MODERATION';
  const missingA = Object.entries(left.labels).filter(([key, label]) => inSet(key) && !counted(label)).length;
  const missingB = Object.entries(right.labels).filter(([key, label]) => inSet(key) && !counted(label)).length;
  for (const [key, labelA] of Object.entries(left.labels)) {
    if (!inSet(key) || !counted(labelA)) continue;
    const labelB = right.labels[key];
    if (!counted(labelB)) {
      unpairedA += 1;
      continue;
    }
    const yesA = labelA === 'COMPLETE';
    const yesB = labelB === 'COMPLETE';
    if (yesA && yesB) table.bothYes += 1;
    else if (yesA) table.aOnly += 1;
    else if (yesB) table.bOnly += 1;
    else table.bothNo += 1;
    if (yesA !== yesB) {
      const [setName = '', questionId = '', sample = '0'] = key.split('\u0000');
      flipped.push({ set: setName, questionId, sample: Number(sample), text: texts.get(`${setName}\u0000${questionId}`) ?? null, labelA, labelB: labelB! });
    }
  }
  const pairs = table.bothYes + table.aOnly + table.bOnly + table.bothNo;
  const unpairedB = Object.entries(right.labels).filter(([key, label]) => inSet(key) && counted(label) && !counted(left.labels[key])).length;
  const rate = (complete: number) => ({ complete, total: pairs, rate: pairs ? complete / pairs : 0, ...wilson(complete, pairs) });
  return {
    a, b, set, pairs, lens: 'as-served', fewPairs: pairs < 30, missingA, missingB,
    rateA: rate(table.bothYes + table.aOnly),
    rateB: rate(table.bothYes + table.bOnly),
    difference: newcombePaired(table.bothYes, table.aOnly, table.bOnly, table.bothNo),
    pValue: mcnemarExact(table.aOnly, table.bOnly),
    table,
    judgesA: shares(left),
    judgesB: shares(right),
    unpairedA,
    unpairedB,
    flipped: flipped.sort((x, y) => x.set.localeCompare(y.set) || x.questionId.localeCompare(y.questionId)),
  };
}

/** Every piece of data a page needs, from the API or from the static site's data files. */
export const source = {
  overview: () => getJson<OverviewResponse>(isStatic ? '/data/overview.json' : '/api/overview'),
  leaderboard: (set: string | null, excludeBlocked: boolean) =>
    getJson<LeaderboardResponse>(
      isStatic ? (set ? `/data/leaderboard/${dataFileName(set)}.json` : '/data/leaderboard.json') : `/api/leaderboard${query({ set, excludeBlocked })}`,
    ),
  model: (id: string) => getJson<ModelResponse>(isStatic ? `/data/models/${dataFileName(id)}.json` : `/api/models/${modelPath(id)}`),
  question: (set: string, id: string) =>
    getJson<QuestionResponse>(
      isStatic ? `/data/questions/${dataFileName(set)}/${dataFileName(id)}.json` : `/api/questions/${encodeURIComponent(set)}/${encodeURIComponent(id)}`,
    ),
  compare: (a: string, b: string, set: string | null) =>
    isStatic ? staticCompare(a, b, set) : getJson<CompareResponse>(`/api/compare${query({ a, b, set })}`),
  map: () => getJson<MapResponse>(isStatic ? '/data/map.json' : '/api/map'),
  country: (code: string) => getJson<CountryResponse>(isStatic ? `/data/map/${dataFileName(code)}.json` : `/api/map/${encodeURIComponent(code)}`),
  timeline: () => getJson<TimelineResponse>(isStatic ? '/data/timeline.json' : '/api/timeline'),
  languages: () => getJson<LanguagesResponse>(isStatic ? '/data/languages.json' : '/api/languages'),
  routes: () => getJson<RoutesResponse>(isStatic ? '/data/routes.json' : '/api/routes'),
  judges: () => getJson<JudgesResponse>(isStatic ? '/data/judges.json' : '/api/judges'),
  theme: (set: string, theme: string) =>
    getJson<ThemeResponse>(
      isStatic ? `/data/themes/${dataFileName(set)}/${dataFileName(theme)}.json` : `/api/themes/${encodeURIComponent(set)}/${encodeURIComponent(theme)}`,
    ),
  search: async (text: string): Promise<SearchResponse> =>
    isStatic ? searchStaticIndex(await staticIndex(), text, 100) : getJson<SearchResponse>(`/api/search${query({ q: text, limit: '100' })}`),
};

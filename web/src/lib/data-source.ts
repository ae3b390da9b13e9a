import type {
  CountryResponse,
  JudgesResponse,
  LanguagesResponse,
  RoutesResponse,
  TimelineResponse,
  MapResponse,
} from '../../../src/server/api-types/breakdowns.js';
import type {
  LabsResponse,
  HighlightsResponse,
  CompareResponse,
  LeaderboardResponse,
  ModelResponse,
  OverviewResponse,
} from '../../../src/server/api-types/models.js';
import type {
  DomainResponse,
  DomainsResponse,
  ThemesResponse,
  AnswerFilters,
  AnswersResponse,
  ThemeResponse,
  QuestionResponse,
  SearchResponse,
  SearchStatusResponse,
  StaticModelLabels,
  StaticSearchIndex,
} from '../../../src/server/api-types/questions.js';
import type { JudgeShare } from '../../../src/server/api-types/shared.js';
import { dataFileName } from '../../../src/server/api-types/shared.js';
import { withBase } from './base-path.js';
import { mcnemarExact } from '../../../src/stats/mcnemar-exact.js';
import { newcombePairedDifference, type PairedTable } from '../../../src/stats/newcombe-paired-difference.js';
import { rateInterval, type Rate } from '../../../src/stats/rate.js';
import { searchStaticIndex } from './static-search.js';

/** "api" under `candor serve`; "static" in a site built by `candor site build` (set in index.html). */
export const isStatic = document.querySelector('meta[name="candor-mode"]')?.getAttribute('content') === 'static';

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(withBase(url), { headers: { accept: 'application/json' } });
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
export function apiCsvHref(
  path: string,
  parameters: Record<string, string | null | undefined | boolean> = {},
): string | null {
  return isStatic ? null : withBase(`/api/${path}${query({ ...parameters, format: 'csv' })}`);
}

let searchIndex: Promise<StaticSearchIndex> | null = null;
const staticIndex = () => (searchIndex ??= getJson<StaticSearchIndex>('/data/search-index.json'));

function shares(labels: StaticModelLabels): JudgeShare[] {
  return labels.judges;
}

/** Newcombe's paired difference as the API sends it: 0 [−1, 1] when there are no pairs (as src/server/load-compare.ts). */
function pairedDifference(table: PairedTable): CompareResponse['difference'] {
  const interval = newcombePairedDifference(table);
  return {
    estimate: Number.isFinite(interval.difference) ? interval.difference : 0,
    low: interval.low,
    high: interval.high,
  };
}

async function staticCompare(a: string, b: string, set: string | null): Promise<CompareResponse> {
  const [left, right, index] = await Promise.all([
    getJson<StaticModelLabels>(`/data/labels/${dataFileName(a)}.json`),
    getJson<StaticModelLabels>(`/data/labels/${dataFileName(b)}.json`),
    staticIndex(),
  ]);
  const texts = new Map(index.questions.map(([setName, id, text]) => [`${setName}\u0000${id}`, text]));
  const inSet = (key: string) => set === null || key.startsWith(`${set}\u0000`);
  const table: PairedTable = { bothYes: 0, aOnly: 0, bOnly: 0, bothNo: 0 };
  const flipped: CompareResponse['flipped'] = [];
  let unpairedA = 0;
  const pairedA: string[] = [];
  const pairedB: string[] = [];
  // The as-served lens (docs/methodology.md): technical and judge failures are missing, not refusals.
  const counted = (label: string | undefined) =>
    label === 'COMPLETE' || label === 'EVASIVE' || label === 'DENIAL' || label === 'ERROR_MODERATION';
  const missingA = Object.entries(left.labels).filter(([key, label]) => inSet(key) && !counted(label)).length;
  const missingB = Object.entries(right.labels).filter(([key, label]) => inSet(key) && !counted(label)).length;
  for (const [key, labelA] of Object.entries(left.labels)) {
    if (!inSet(key) || !counted(labelA)) continue;
    const labelB = right.labels[key];
    if (!counted(labelB)) {
      unpairedA += 1;
      continue;
    }
    pairedA.push(labelA);
    pairedB.push(labelB!);
    const yesA = labelA === 'COMPLETE';
    const yesB = labelB === 'COMPLETE';
    if (yesA && yesB) table.bothYes += 1;
    else if (yesA) table.aOnly += 1;
    else if (yesB) table.bOnly += 1;
    else table.bothNo += 1;
    if (yesA !== yesB) {
      const [setName = '', questionId = '', sample = '0'] = key.split('\u0000');
      flipped.push({
        set: setName,
        questionId,
        sample: Number(sample),
        text: texts.get(`${setName}\u0000${questionId}`) ?? null,
        labelA,
        labelB: labelB!,
      });
    }
  }
  const pairs = table.bothYes + table.aOnly + table.bOnly + table.bothNo;
  const unpairedB = Object.entries(right.labels).filter(
    ([key, label]) => inSet(key) && counted(label) && !counted(left.labels[key]),
  ).length;
  return {
    a,
    b,
    set,
    pairs,
    lens: 'as-served',
    fewPairs: pairs < 30,
    missingA,
    missingB,
    rateA: asServedRate(pairedA),
    rateB: asServedRate(pairedB),
    difference: pairedDifference(table),
    pValue: mcnemarExact(table.aOnly, table.bOnly).pValue,
    table,
    judgesA: shares(left),
    judgesB: shares(right),
    unpairedA,
    unpairedB,
    flipped: flipped.sort((x, y) => x.set.localeCompare(y.set) || x.questionId.localeCompare(y.questionId)),
  };
}

const segmentOf = (label: string) =>
  label === 'COMPLETE' || label === 'EVASIVE' || label === 'DENIAL' ? label : 'ERROR';

/**
 * The as-served lens of docs/methodology.md, for the static site's answers list and compare page
 * (the server computes it with src/reports/lens.ts): technical and judge failures are missing data,
 * out of the denominator; provider moderation blocks count as not complete. An empty cell has rate
 * and interval null (src/stats/rate.ts).
 */
function asServedRate(labels: readonly string[]): Rate {
  const counts = { COMPLETE: 0, EVASIVE: 0, DENIAL: 0, ERROR: 0 };
  for (const label of labels) counts[segmentOf(label)] += 1;
  const blocked = labels.filter((label) => label === 'ERROR_MODERATION').length;
  const missing = counts.ERROR - blocked;
  const n = labels.length - missing;
  return {
    lens: 'as-served',
    total: labels.length,
    n,
    missing,
    blocked,
    incomplete: labels.length > 0 && missing / labels.length > 0.1,
    ...counts,
    ...rateInterval(counts.COMPLETE, n),
  };
}

/**
 * The static site's answers list: from the model's labels file and the search index's question
 * texts (no answer texts, languages or countries there: those filters need `candor serve`).
 */
async function staticAnswers(filters: AnswerFilters, page: number): Promise<AnswersResponse> {
  if (!filters.model)
    throw new Error(
      'the static site lists answers one model at a time: add ?model=<id> (or follow a rate from a model or the leaderboard)',
    );
  if (filters.language || filters.country || filters.domain)
    throw new Error(
      'filtering by language, country or domain needs `candor serve`; the static site filters by model, set and label',
    );
  const [labels, index] = await Promise.all([
    getJson<StaticModelLabels>(`/data/labels/${dataFileName(filters.model)}.json`),
    staticIndex(),
  ]);
  const texts = new Map(index.questions.map(([setName, id, text]) => [`${setName}\u0000${id}`, text]));
  const inSet = Object.entries(labels.labels)
    .map(([key, label]) => {
      const [set = '', questionId = '', sample = '0'] = key.split('\u0000');
      return { set, questionId, sample: Number(sample), label };
    })
    .filter((row) => filters.set === null || row.set === filters.set);
  const matching = inSet
    .filter((row) => filters.label === null || segmentOf(row.label) === filters.label)
    .sort(
      (a, b) =>
        (a.set < b.set ? -1 : a.set > b.set ? 1 : 0) ||
        (a.questionId < b.questionId ? -1 : a.questionId > b.questionId ? 1 : 0) ||
        a.sample - b.sample,
    );
  const pageSize = 50;
  const pages = Math.max(1, Math.ceil(matching.length / pageSize));
  if (page < 1 || page > pages) throw new Error(`page=${page}: pages run from 1 to ${pages}`);
  return {
    filters,
    summary: asServedRate(inSet.map((row) => row.label)),
    total: matching.length,
    page,
    pageSize,
    rows: matching.slice((page - 1) * pageSize, page * pageSize).map((row, position) => ({
      responseId: -(position + 1),
      model: labels.model,
      set: row.set,
      questionId: row.questionId,
      sample: row.sample,
      question: texts.get(`${row.set}\u0000${row.questionId}`) ?? '',
      language: '',
      country: null,
      label: row.label,
      segment: segmentOf(row.label),
      judge: labels.judges.map((judge) => judge.judge).join(', '),
      explanation: null,
      route: null,
      text: null,
    })),
  };
}

/** Every piece of data a page needs, from the API or from the static site's data files. */
export const source = {
  overview: () => getJson<OverviewResponse>(isStatic ? '/data/overview.json' : '/api/overview'),
  leaderboard: (set: string | null, excludeBlocked: boolean) =>
    getJson<LeaderboardResponse>(
      isStatic
        ? set
          ? `/data/leaderboard/${dataFileName(set)}.json`
          : '/data/leaderboard.json'
        : `/api/leaderboard${query({ set, excludeBlocked })}`,
    ),
  model: (id: string) =>
    getJson<ModelResponse>(isStatic ? `/data/models/${dataFileName(id)}.json` : `/api/models/${modelPath(id)}`),
  question: (set: string, id: string) =>
    getJson<QuestionResponse>(
      isStatic
        ? `/data/questions/${dataFileName(set)}/${dataFileName(id)}.json`
        : `/api/questions/${encodeURIComponent(set)}/${encodeURIComponent(id)}`,
    ),
  compare: (a: string, b: string, set: string | null) =>
    isStatic ? staticCompare(a, b, set) : getJson<CompareResponse>(`/api/compare${query({ a, b, set })}`),
  map: () => getJson<MapResponse>(isStatic ? '/data/map.json' : '/api/map'),
  country: (code: string) =>
    getJson<CountryResponse>(
      isStatic ? `/data/map/${dataFileName(code)}.json` : `/api/map/${encodeURIComponent(code)}`,
    ),
  timeline: () => getJson<TimelineResponse>(isStatic ? '/data/timeline.json' : '/api/timeline'),
  languages: () => getJson<LanguagesResponse>(isStatic ? '/data/languages.json' : '/api/languages'),
  routes: () => getJson<RoutesResponse>(isStatic ? '/data/routes.json' : '/api/routes'),
  judges: () => getJson<JudgesResponse>(isStatic ? '/data/judges.json' : '/api/judges'),
  theme: (set: string, theme: string) =>
    getJson<ThemeResponse>(
      isStatic
        ? `/data/themes/${dataFileName(set)}/${dataFileName(theme)}.json`
        : `/api/themes/${encodeURIComponent(set)}/${encodeURIComponent(theme)}`,
    ),
  themesIndex: () => getJson<ThemesResponse>(isStatic ? '/data/themes.json' : '/api/themes'),
  domains: () => getJson<DomainsResponse>(isStatic ? '/data/domains.json' : '/api/domains'),
  domain: (domain: string) =>
    getJson<DomainResponse>(
      isStatic ? `/data/domains/${dataFileName(domain)}.json` : `/api/domains/${encodeURIComponent(domain)}`,
    ),
  /** Whole-dataset downloads: API links when served; the files `site build --downloads` wrote, in the static site. */
  downloads: async (): Promise<{ format: string; href: string }[]> => {
    if (!isStatic)
      return ['jsonl', 'csv', 'speechmap'].map((format) => ({
        format,
        href: withBase(`/api/export?format=${format}`),
      }));
    const site = await getJson<{ formats: { format: string; file: string }[] }>('/data/site.json');
    return site.formats.map(({ format, file }) => ({ format, href: withBase(`/${file}`) }));
  },
  highlights: () => getJson<HighlightsResponse>(isStatic ? '/data/highlights.json' : '/api/highlights'),
  labs: () => getJson<LabsResponse>(isStatic ? '/data/labs.json' : '/api/labs'),
  answers: (filters: AnswerFilters, page: number) =>
    isStatic
      ? staticAnswers(filters, page)
      : getJson<AnswersResponse>(
          `/api/answers${query({ model: filters.model, set: filters.set, label: filters.label, language: filters.language, country: filters.country, domain: filters.domain, page: page > 1 ? String(page) : null })}`,
        ),
  searchStatus: () => getJson<SearchStatusResponse>('/api/search/status'),
  search: async (text: string): Promise<SearchResponse> =>
    isStatic
      ? searchStaticIndex(await staticIndex(), text, 100)
      : getJson<SearchResponse>(`/api/search${query({ q: text, limit: '100' })}`),
};

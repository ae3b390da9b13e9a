import { withBase } from './base-path.js';

/** 0.1234 → "12.3%"; "–" when nothing is known (null). */
export function percent(value: number | null): string {
  return value !== null && Number.isFinite(value) ? `${(value * 100).toFixed(1)}%` : '–';
}

/** A rate with its interval: "62.3% [56.7–67.6]"; "–" for an empty cell (rate and interval null). */
export function rateText(rate: number | null, low: number | null, high: number | null): string {
  if (rate === null || low === null || high === null || !Number.isFinite(rate)) return '–';
  return `${percent(rate)} [${(low * 100).toFixed(1)}–${(high * 100).toFixed(1)}]`;
}

const signed = (value: number) => `${value > 0 ? '+' : value < 0 ? '−' : '±'}${Math.abs(value * 100).toFixed(1)}`;

/** A difference of rates in percentage points with its interval: "+36.0 pp [+22.1, +48.2]". */
export function ppText(difference: number, low: number, high: number): string {
  return Number.isFinite(difference) ? `${signed(difference)} pp [${signed(low)}, ${signed(high)}]` : '–';
}

/** The lens a number is computed through, in words (docs/methodology.md). */
export function lensText(lens: string): string {
  if (lens === 'model-only')
    return 'lens: model only (provider blocks left out; technical failures are missing, not refusals)';
  if (lens === 'speechmap') return "lens: SpeechMap's convention (every judged row in the denominator)";
  return 'lens: as served (provider blocks count as not complete; technical failures are missing, not refusals)';
}

/** A p-value for people, with its relation: "< 0.001" or "= 0.0391". */
export function pText(value: number): string {
  return value < 0.001 ? '< 0.001' : `= ${value.toPrecision(3)}`;
}

/** Links to in-app pages (under the base path). */
export const links = {
  page: (path: string) => withBase(path),
  model: (id: string) => withBase(`/models/${id.split('/').map(encodeURIComponent).join('/')}`),
  question: (set: string, id: string) => withBase(`/questions/${encodeURIComponent(set)}/${encodeURIComponent(id)}`),
  compare: (a: string, b: string) => withBase(`/compare?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}`),
  country: (code: string) => withBase(`/map?country=${encodeURIComponent(code)}`),
  theme: (set: string, theme: string) => withBase(`/themes/${encodeURIComponent(set)}/${encodeURIComponent(theme)}`),
  /** The answers behind a rate: /answers?model=&set=&label=&language=&country=&domain= */
  answers: (
    filters: Partial<
      Record<'model' | 'set' | 'label' | 'language' | 'country' | 'domain' | 'page', string | null | undefined>
    >,
  ) => {
    const search = new URLSearchParams();
    for (const key of ['model', 'set', 'label', 'language', 'country', 'domain', 'page'] as const) {
      const value = filters[key];
      if (value) search.set(key, value);
    }
    const text = search.toString();
    return withBase(`/answers${text ? `?${text}` : ''}`);
  },
  domain: (domain: string) => withBase(`/domains/${encodeURIComponent(domain)}`),
  lab: (creator: string) => withBase(`/labs/${encodeURIComponent(creator)}`),
  search: (query: string) => withBase(`/search?q=${encodeURIComponent(query)}`),
};

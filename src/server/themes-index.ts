import { DEFAULT_LENS, rateOf, rateOfRow, rateReport } from '../reports/index.js';
import type { CandorStore } from '../store/index.js';
import type { DomainResponse, DomainsResponse, ThemeIndexRow, ThemesResponse } from './api-types/questions.js';
import { CandorError } from '../core/index.js';
import type { ExplorerQuery } from './explorer-query.js';
import type { QuestionCatalog } from './question-catalog.js';

const lens = (query: ExplorerQuery) => ({ judge: query.judge, lens: query.lens, filters: query.filters });

async function themeRows(store: CandorStore, catalog: QuestionCatalog, query: ExplorerQuery): Promise<ThemeIndexRow[]> {
  const questions = new Map<string, { count: number; domain: string | null }>();
  for (const question of catalog.all) {
    if (question.theme === null) continue;
    const key = JSON.stringify([question.setName, question.theme]);
    const entry = questions.get(key) ?? { count: 0, domain: question.domain };
    entry.count += 1;
    questions.set(key, entry);
  }
  const rows = await rateReport(store, { groupBy: ['set', 'theme'], ...lens(query) });
  const rated = new Map(rows.map((row) => [JSON.stringify([row.set, row.theme]), row]));
  return [...questions.entries()]
    .map(([key, entry]) => {
      const [set, theme] = JSON.parse(key) as [string, string];
      const row = rated.get(key);
      return {
        set,
        theme,
        domain: entry.domain,
        questions: entry.count,
        ...(row ? rateOfRow(row) : rateOf([], DEFAULT_LENS)),
      };
    })
    .sort(
      (left, right) =>
        left.set.localeCompare(right.set) || left.theme.localeCompare(right.theme, undefined, { numeric: true }),
    );
}

/** Every theme of every set with its rate over all models: the themes index. */
export async function loadThemesIndex(
  store: CandorStore,
  catalog: QuestionCatalog,
  query: ExplorerQuery,
): Promise<ThemesResponse> {
  return { themes: await themeRows(store, catalog, query) };
}

/** Every domain with its rate over all models. */
export async function loadDomains(
  store: CandorStore,
  catalog: QuestionCatalog,
  query: ExplorerQuery,
): Promise<DomainsResponse> {
  const questions = new Map<string, number>();
  for (const question of catalog.all)
    if (question.domain !== null) questions.set(question.domain, (questions.get(question.domain) ?? 0) + 1);
  const rows = new Map(
    (await rateReport(store, { groupBy: ['domain'], ...lens(query) })).map((row) => [row.domain ?? null, row]),
  );
  return {
    domains: [...questions.entries()]
      .map(([domain, count]) => {
        const row = rows.get(domain);
        return { domain, questions: count, ...(row ? rateOfRow(row) : rateOf([], DEFAULT_LENS)) };
      })
      .sort((left, right) => left.domain.localeCompare(right.domain)),
  };
}

/** One domain: its rate, each model's rate in it, its themes. */
export async function loadDomain(
  store: CandorStore,
  catalog: QuestionCatalog,
  domain: string,
  query: ExplorerQuery,
): Promise<DomainResponse> {
  if (!catalog.all.some((question) => question.domain === domain))
    throw new CandorError('not_found', `no domain "${domain}" in the store's questions`);
  const inDomain = { ...lens(query), filters: { ...query.filters, domain } };
  const [summary, models, themes] = await Promise.all([
    rateReport(store, { groupBy: [], ...inDomain }),
    rateReport(store, { groupBy: ['model'], sortByRate: true, ...inDomain }),
    themeRows(store, catalog, { ...query, filters: { ...query.filters, domain } }),
  ]);
  return {
    domain,
    summary: summary[0] ? rateOfRow(summary[0]) : rateOf([], DEFAULT_LENS),
    models: models.map((row) => ({ key: row.model ?? null, ...rateOfRow(row) })),
    themes: themes.filter((row) => row.domain === domain),
  };
}

import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { CandorError } from '../core/index.js';
import { DEFAULT_LENS, foldLabel, rateOf, rateOfRow, rateReport } from '../reports/index.js';
import type { CandorStore } from '../store/index.js';
import { insideFolder } from './inside-folder.js';
import type { LeaderboardResponse, ModelResponse } from './api-types/models.js';
import type { StaticModelLabels, StaticSearchIndex } from './api-types/questions.js';
import { dataFileName } from './api-types/shared.js';
import { createExplorerData } from './explorer-data.js';
import { explorerQuery } from './explorer-query.js';
import { escapeHtml, webShell } from './web-shell.js';
import { EXPORT_FORMATS, exportFile } from './dataset-export.js';
import {
  prerenderDomain,
  prerenderDomains,
  prerenderHome,
  prerenderLab,
  prerenderLabs,
  prerenderThemesIndex,
  prerenderJudges,
  prerenderLanguages,
  prerenderMap,
  prerenderModel,
  prerenderPlain,
  prerenderQuestion,
  prerenderRoutes,
  prerenderTheme,
  prerenderTimeline,
  type PrerenderedPage,
} from './prerender-pages.js';
import { loadQuestionCatalog } from './question-catalog.js';
import { breakdownByModel, judgesByModel, themesByModel } from './load-model.js';
import { themeResponse } from './load-theme.js';
import type { LabelRow } from '../store/index.js';

export interface StaticSiteOptions {
  store: CandorStore;
  /** The store: a SQLite file or a postgres:// URL (names the search index). */
  location: string;
  out: string;
  /** Built front end (dist/web). */
  webRoot: string;
  /** Path the site will be served under ("/" or e.g. "/candor/"; see parseBasePath). Default "/". */
  basePath?: string;
  /** Public address of the site (e.g. https://example.org/candor/): absolute URLs in sitemap.xml, og:url and canonical links. */
  siteUrl?: string | null;
  /** Also write the whole dataset to downloads/ (JSONL, CSV, SpeechMap format); large for large stores. */
  downloads?: boolean;
  /** Called with a short line per step. */
  progress?: (message: string) => void;
}

export interface StaticSiteResult {
  files: number;
  models: number;
  questions: number;
}

const DEFAULT_QUERY = explorerQuery({});

/** A page path as directories, or null when a segment cannot be a directory name. */
function pageDirectory(out: string, segments: readonly string[]): string | null {
  if (
    segments.some(
      (segment) =>
        segment === '' || segment === '.' || segment === '..' || segment.includes('\u0000') || segment.includes('\\'),
    )
  )
    return null;
  const path = resolve(out, ...segments);
  return path.startsWith(resolve(out) + sep) ? path : null;
}

/**
 * Writes the explorer as a static site: the front end in "static" mode, one JSON file per page's
 * data, an index.html copy at every page URL (so reloads and shared links work on any static host),
 * per-model labels for in-browser comparisons, and a compact search index.
 */
export async function buildStaticSite(options: StaticSiteOptions): Promise<StaticSiteResult> {
  const { location, out, webRoot } = options;
  const progress = options.progress ?? (() => undefined);
  if (!existsSync(join(webRoot, 'index.html')))
    throw new CandorError('web_missing', `${webRoot} has no built front end; run npm run build`);
  let files = 0;
  const write = (relativePath: string, body: string) => {
    const path = insideFolder(out, relativePath);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, body);
    files += 1;
  };
  const json = (relativePath: string, body: unknown) => write(relativePath, JSON.stringify(body));

  mkdirSync(out, { recursive: true });
  cpSync(webRoot, out, { recursive: true });
  const basePath = options.basePath ?? '/';
  const siteUrl = options.siteUrl ? options.siteUrl.replace(/\/*$/, '/') : null;
  const html = readFileSync(join(webRoot, 'index.html'), 'utf8');
  const pages: string[] = [];
  /** One page: its prerendered HTML at <segments>/index.html, so reloads, shared links and readers without JavaScript all work. */
  const page = (segments: readonly string[], content: PrerenderedPage) => {
    const directory = segments.length === 0 ? resolve(out) : pageDirectory(out, segments);
    if (!directory) return;
    const relative = segments.length === 0 ? '' : `${segments.map(encodeURIComponent).join('/')}/`;
    const url = siteUrl ? `${siteUrl}${relative}` : null;
    write(
      join(directory.slice(resolve(out).length + 1), 'index.html'),
      webShell(html, { mode: 'static', basePath, page: { ...content, url } }),
    );
    pages.push(relative);
  };
  page(
    ['compare'],
    prerenderPlain(
      basePath,
      'Compare two models',
      'Two models on the same questions: both COMPLETE rates, the paired difference with its 95% interval, the exact McNemar test and the questions where they differ.',
    ),
  );
  page(
    ['answers'],
    prerenderPlain(
      basePath,
      'Answers',
      "The answers behind a rate: one model's answers by question set and verdict, each linking to its question.",
    ),
  );
  page(['search'], prerenderPlain(basePath, 'Search', 'Search question texts and judge explanations in any language.'));

  const data = createExplorerData({ store: options.store, location, searchIndexPath: ':memory:' });
  const store = data.store;
  try {
    await data.warm();
    const catalog = await loadQuestionCatalog(store);
    progress('overview and leaderboards');
    const overview = await data.overview(DEFAULT_QUERY);
    json('data/overview.json', overview);
    const leaderboard: LeaderboardResponse = await data.leaderboard(DEFAULT_QUERY);
    json('data/leaderboard.json', leaderboard);
    const highlights = await data.highlights(DEFAULT_QUERY);
    json('data/highlights.json', highlights);
    page([], prerenderHome(basePath, overview, leaderboard, highlights));
    for (const set of leaderboard.sets)
      json(`data/leaderboard/${dataFileName(set)}.json`, await data.leaderboard(explorerQuery({ set })));

    progress('model pages');
    const [bySet, byDomain, byCountry, themeRates, judges, models] = await Promise.all([
      breakdownByModel(store, 'set'),
      breakdownByModel(store, 'domain'),
      breakdownByModel(store, 'country'),
      themesByModel(store),
      judgesByModel(store),
      store.listModels(),
    ]);
    // A model page's overall rate is over all its sets (the leaderboard's is over the ranking sets only).
    const overall = new Map(
      (await rateReport(store, { groupBy: ['model'] })).map((row) => [row.model ?? '', rateOfRow(row)]),
    );
    for (const model of models) {
      const row = overall.get(model.id);
      const body: ModelResponse = {
        model: {
          id: model.id,
          creator: model.creator,
          family: model.family,
          releaseDate: model.releaseDate,
          reasoning: model.reasoning,
        },
        overall: row ?? rateOf([], DEFAULT_LENS),
        judges: judges.get(model.id) ?? [],
        bySet: bySet.get(model.id) ?? [],
        byDomain: byDomain.get(model.id) ?? [],
        byCountry: (byCountry.get(model.id) ?? []).filter((entry) => entry.key !== null),
        byTheme: themeRates.get(model.id) ?? [],
      };
      json(`data/models/${dataFileName(model.id)}.json`, body);
      page(['models', ...model.id.split('/')], prerenderModel(basePath, body));
    }

    progress('labels for comparisons');
    const labels = new Map<string, StaticModelLabels>();
    const allRows = await store.listLabelRows({});
    const byTheme = new Map<string, LabelRow[]>();
    for (const row of allRows) {
      if (row.theme === null) continue;
      const key = JSON.stringify([row.set, row.theme]);
      const list = byTheme.get(key) ?? [];
      list.push(row);
      byTheme.set(key, list);
    }
    for (const row of allRows) {
      const entry = labels.get(row.model) ?? { model: row.model, judges: judges.get(row.model) ?? [], labels: {} };
      entry.labels[`${row.set}\u0000${row.questionId}\u0000${row.sample}`] = row.label;
      labels.set(row.model, entry);
    }
    for (const entry of labels.values()) json(`data/labels/${dataFileName(entry.model)}.json`, entry);

    progress(`${catalog.all.length} question pages`);
    const index: StaticSearchIndex = { questions: [], explanations: [] };
    for (const question of catalog.all) {
      const body = await data.question(question.setName, question.id);
      json(`data/questions/${dataFileName(question.setName)}/${dataFileName(question.id)}.json`, body);
      page(['questions', question.setName, question.id], prerenderQuestion(basePath, body));
      index.questions.push([question.setName, question.id, question.text]);
      for (const answer of body.answers) {
        if (answer.explanation && foldLabel(answer.label ?? '') !== 'ERROR') {
          index.explanations.push([
            question.setName,
            question.id,
            answer.model,
            answer.label ?? '',
            answer.explanation.slice(0, 400),
          ]);
        }
      }
    }
    json('data/search-index.json', index);

    progress('theme pages');
    const themes = new Set(
      catalog.all
        .filter((question) => question.theme !== null)
        .map((question) => JSON.stringify([question.setName, question.theme])),
    );
    for (const key of themes) {
      const [set, theme] = JSON.parse(key) as [string, string];
      const body = themeResponse(catalog, set, theme, byTheme.get(key) ?? []);
      json(`data/themes/${dataFileName(set)}/${dataFileName(theme)}.json`, body);
      page(['themes', set, theme], prerenderTheme(basePath, body));
    }

    progress('timeline, languages, routes and judges');
    const timeline = await data.timeline(DEFAULT_QUERY);
    json('data/timeline.json', timeline);
    page(['timeline'], prerenderTimeline(basePath, timeline));
    const languages = await data.languages(DEFAULT_QUERY);
    json('data/languages.json', languages);
    page(['languages'], prerenderLanguages(basePath, languages));
    const routes = await data.routes(DEFAULT_QUERY);
    json('data/routes.json', routes);
    page(['routes'], prerenderRoutes(basePath, routes));
    const judgesBody = await data.judges(DEFAULT_QUERY);
    json('data/judges.json', judgesBody);
    page(['judges'], prerenderJudges(basePath, judgesBody));

    progress('themes index, domains and labs');
    const themesIndex = await data.themesIndex(DEFAULT_QUERY);
    json('data/themes.json', themesIndex);
    page(['themes'], prerenderThemesIndex(basePath, themesIndex));
    const domains = await data.domains(DEFAULT_QUERY);
    json('data/domains.json', domains);
    page(['domains'], prerenderDomains(basePath, domains));
    for (const { domain } of domains.domains) {
      const body = await data.domain(domain, DEFAULT_QUERY);
      json(`data/domains/${dataFileName(domain)}.json`, body);
      page(['domains', domain], prerenderDomain(basePath, body));
    }
    const labs = await data.labs(DEFAULT_QUERY);
    json('data/labs.json', labs);
    page(['labs'], prerenderLabs(basePath, labs));
    for (const creator of new Set(labs.models.map((row) => row.creator!)))
      page(['labs', creator], prerenderLab(basePath, labs, creator));

    if (options.downloads) {
      progress('downloads');
      for (const format of EXPORT_FORMATS)
        write(`downloads/${exportFile(format).name}`, await data.exportDataset(format));
    }
    json('data/site.json', {
      downloads: options.downloads === true,
      formats: options.downloads
        ? EXPORT_FORMATS.map((format) => ({ format, file: `downloads/${exportFile(format).name}` }))
        : [],
    });
    page(
      ['resources'],
      prerenderPlain(
        basePath,
        'Resources',
        'Downloads of the whole dataset (JSONL, CSV, SpeechMap format), how the numbers are computed, the judges and their versions, licences.',
      ),
    );

    progress('map');
    const map = await data.map(DEFAULT_QUERY);
    json('data/map.json', map);
    page(['map'], prerenderMap(basePath, map));
    for (const country of map.countries)
      json(`data/map/${dataFileName(country.country)}.json`, await data.country(country.country, DEFAULT_QUERY));

    // Search engines: every page; absolute addresses need --site-url (without it, paths under the base path).
    const address = (relative: string) => `${siteUrl ?? basePath}${relative}`;
    write(
      'sitemap.xml',
      `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${pages.map((relative) => `<url><loc>${escapeHtml(address(relative))}</loc></url>`).join('\n')}\n</urlset>\n`,
    );
    write('robots.txt', `User-agent: *\nAllow: ${basePath}\n${siteUrl ? `Sitemap: ${siteUrl}sitemap.xml\n` : ''}`);
    return { files, models: models.length, questions: catalog.all.length };
  } finally {
    data.close();
  }
}

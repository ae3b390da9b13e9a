import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { CandorError } from '../core/index.js';
import { foldLabel } from '../reports/index.js';
import type { CandorStore } from '../store/index.js';
import { insideFolder } from './inside-folder.js';
import { dataFileName, type LeaderboardResponse, type ModelResponse, type StaticModelLabels, type StaticSearchIndex } from './api-types.js';
import { createExplorerData } from './explorer-data.js';
import { explorerQuery } from './explorer-query.js';
import { loadQuestionCatalog } from './question-catalog.js';
import { emptyRateCells } from './rate-cells.js';
import { breakdownByModel, judgesByModel, themesByModel } from './static-rate-tables.js';
import { themeResponse } from './load-theme.js';
import type { LabelRow } from '../store/index.js';

export interface StaticSiteOptions {
  store: CandorStore;
  /** The store: a SQLite file or a postgres:// URL (names the search index). */
  location: string;
  out: string;
  /** Built front end (dist/web). */
  webRoot: string;
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
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..' || segment.includes('\u0000') || segment.includes('\\'))) return null;
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
  if (!existsSync(join(webRoot, 'index.html'))) throw new CandorError('web_missing', `${webRoot} has no built front end; run npm run build`);
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
  const shell = readFileSync(join(webRoot, 'index.html'), 'utf8').replace(
    '<meta name="candor-mode" content="api" />',
    '<meta name="candor-mode" content="static" />',
  );
  if (!shell.includes('content="static"')) throw new CandorError('web_shell', 'the built index.html lacks the candor-mode meta tag');
  write('index.html', shell);
  const page = (segments: readonly string[]) => {
    const directory = pageDirectory(out, segments);
    if (directory) write(join(directory.slice(resolve(out).length + 1), 'index.html'), shell);
  };
  for (const name of ['compare', 'map', 'search', 'timeline', 'languages', 'routes', 'judges']) page([name]);

  const data = createExplorerData({ store: options.store, location, searchIndexPath: ':memory:' });
  const store = data.store;
  try {
    await data.warm();
    const catalog = await loadQuestionCatalog(store);
    progress('overview and leaderboards');
    json('data/overview.json', await data.overview(DEFAULT_QUERY));
    const leaderboard: LeaderboardResponse = await data.leaderboard(DEFAULT_QUERY);
    json('data/leaderboard.json', leaderboard);
    for (const set of leaderboard.sets) json(`data/leaderboard/${dataFileName(set)}.json`, await data.leaderboard(explorerQuery({ set })));

    progress('model pages');
    const [bySet, byDomain, byCountry, themeRates, judges, models] = await Promise.all([
      breakdownByModel(store, 'set'),
      breakdownByModel(store, 'domain'),
      breakdownByModel(store, 'country'),
      themesByModel(store),
      judgesByModel(store),
      store.listModels(),
    ]);
    const overall = new Map(leaderboard.rows.map((row) => [row.model, row]));
    for (const model of models) {
      const row = overall.get(model.id);
      const body: ModelResponse = {
        model: { id: model.id, creator: model.creator, family: model.family, releaseDate: model.releaseDate, reasoning: model.reasoning },
        overall: row
          ? { total: row.total, COMPLETE: row.COMPLETE, EVASIVE: row.EVASIVE, DENIAL: row.DENIAL, ERROR: row.ERROR, rate: row.rate, low: row.low, high: row.high }
          : emptyRateCells(),
        judges: judges.get(model.id) ?? [],
        bySet: bySet.get(model.id) ?? [],
        byDomain: byDomain.get(model.id) ?? [],
        byCountry: (byCountry.get(model.id) ?? []).filter((entry) => entry.key !== null),
        byTheme: themeRates.get(model.id) ?? [],
      };
      json(`data/models/${dataFileName(model.id)}.json`, body);
      page(['models', ...model.id.split('/')]);
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
      page(['questions', question.setName, question.id]);
      index.questions.push([question.setName, question.id, question.text]);
      for (const answer of body.answers) {
        if (answer.explanation && foldLabel(answer.label ?? '') !== 'ERROR') {
          index.explanations.push([question.setName, question.id, answer.model, answer.label ?? '', answer.explanation.slice(0, 400)]);
        }
      }
    }
    json('data/search-index.json', index);

    progress('theme pages');
    const themes = new Set(catalog.all.filter((question) => question.theme !== null).map((question) => JSON.stringify([question.setName, question.theme])));
    for (const key of themes) {
      const [set, theme] = JSON.parse(key) as [string, string];
      json(`data/themes/${dataFileName(set)}/${dataFileName(theme)}.json`, themeResponse(catalog, set, theme, byTheme.get(key) ?? []));
      page(['themes', set, theme]);
    }

    progress('timeline, languages, routes and judges');
    json('data/timeline.json', await data.timeline(DEFAULT_QUERY));
    json('data/languages.json', await data.languages(DEFAULT_QUERY));
    json('data/routes.json', await data.routes(DEFAULT_QUERY));
    json('data/judges.json', await data.judges(DEFAULT_QUERY));

    progress('map');
    const map = await data.map(DEFAULT_QUERY);
    json('data/map.json', map);
    for (const country of map.countries) json(`data/map/${dataFileName(country.country)}.json`, await data.country(country.country, DEFAULT_QUERY));
    return { files, models: models.length, questions: catalog.all.length };
  } finally {
    data.close();
  }
}

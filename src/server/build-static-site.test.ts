import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CandorStore } from '../store/index.js';
import type { JudgesResponse, LanguagesResponse, RoutesResponse, TimelineResponse } from './api-types/breakdowns.js';
import type { LeaderboardResponse, ModelResponse } from './api-types/models.js';
import type { QuestionResponse, ThemeResponse, StaticModelLabels, StaticSearchIndex } from './api-types/questions.js';
import { buildStaticSite } from './build-static-site.js';
import { createExplorerFixtureStore, XSS_ANSWER } from './test-support/explorer-fixture-store.js';

let store: CandorStore;
let folder: string;
let out: string;
let files: number;
beforeAll(async () => {
  const fixture = await createExplorerFixtureStore();
  ({ store, folder } = fixture);
  const webRoot = join(folder, 'web');
  mkdirSync(join(webRoot, 'assets'), { recursive: true });
  writeFileSync(
    join(webRoot, 'index.html'),
    '<html><head><meta name="candor-mode" content="api" />\n<meta name="candor-base" content="/" />\n<title>Candor explorer</title><script type="module" crossorigin src="./assets/app.js"></script></head><body><div id="app"></div></body></html>',
  );
  writeFileSync(join(webRoot, 'assets', 'app.js'), '');
  out = join(mkdtempSync(join(tmpdir(), 'candor-site-test-')), 'site');
  ({ files } = await buildStaticSite({
    store,
    location: fixture.location,
    out,
    webRoot,
    basePath: '/candor/',
    siteUrl: 'https://example.org/candor/',
  }));
});
afterAll(async () => {
  await store.close();
  rmSync(folder, { recursive: true, force: true });
  rmSync(join(out, '..'), { recursive: true, force: true });
});

const readJson = <T>(path: string): T => JSON.parse(readFileSync(join(out, path), 'utf8')) as T;

describe('candor site build', () => {
  it('writes the front end in static mode, with an app shell at every page URL', () => {
    expect(files).toBeGreaterThan(90);
    expect(existsSync(join(out, 'assets', 'app.js'))).toBe(true);
    for (const page of [
      'index.html',
      'map/index.html',
      'compare/index.html',
      'search/index.html',
      'timeline/index.html',
      'languages/index.html',
      'routes/index.html',
      'judges/index.html',
      'themes/china_criticism/theme_1/index.html',
      'models/lab-a/open-model/index.html',
      'questions/china_criticism/china_criticism_01/index.html',
    ]) {
      const html = readFileSync(join(out, page), 'utf8');
      expect(html, page).toContain('<meta name="candor-mode" content="static" />');
      expect(html, page).toContain('<meta name="candor-base" content="/candor/" />');
      expect(html, page).toContain('src="/candor/assets/app.js"');
    }
  });

  it('writes the data every page reads, in the API shapes', () => {
    expect(readJson<LeaderboardResponse>('data/leaderboard.json').rows).toHaveLength(3);
    expect(readJson<LeaderboardResponse>('data/leaderboard/us_criticism.json').set).toBe('us_criticism');
    expect(existsSync(join(out, 'data/models/lab-a@2Fopen-model.json'))).toBe(true);
    const model = readJson<ModelResponse>('data/models/lab-b@2Fcareful-model.json');
    expect(model.byTheme).toHaveLength(36);
    expect(model.byTheme[0]!.rate).toBe(0);
    expect(model.byTheme.find((row) => row.set === 'china_criticism' && row.theme === 'theme_1')).toMatchObject({
      total: 1,
      COMPLETE: 1,
      rate: 1,
    });
    expect(existsSync(join(out, 'data/map/CN.json'))).toBe(true);
    expect(readJson<TimelineResponse>('data/timeline.json').release).toHaveLength(3);
    expect(readJson<LanguagesResponse>('data/languages.json').groups[0]!.baseSet).toBe('china_criticism');
    expect(readJson<RoutesResponse>('data/routes.json').multiRouteModels).toEqual(['lab-c/mixed-model']);
    expect(readJson<JudgesResponse>('data/judges.json').judges.map((judge) => judge.judge)).toEqual(['judge-x']);
    const theme = readJson<ThemeResponse>('data/themes/china_criticism/theme_2.json');
    expect(theme.models.map((row) => row.labels['china_criticism_02'])).toEqual([
      ['COMPLETE'],
      ['DENIAL'],
      ['EVASIVE'],
    ]);
    const question = readJson<QuestionResponse>('data/questions/china_criticism/china_criticism_01.json');
    expect(question.answers[0]!.text).toBe(XSS_ANSWER);
  });

  it('writes per-model labels for in-browser comparisons and a compact search index', () => {
    const labels = readJson<StaticModelLabels>('data/labels/lab-b@2Fcareful-model.json');
    expect(Object.keys(labels.labels)).toHaveLength(36);
    expect(labels.labels['china_criticism\u0000china_criticism_02\u00000']).toBe('DENIAL');
    const index = readJson<StaticSearchIndex>('data/search-index.json');
    expect(index.questions).toHaveLength(36);
    expect(index.explanations.length).toBeGreaterThan(0);
  });

  it('prerenders every page: its own title, description, Open Graph tags and main numbers, readable without JavaScript', () => {
    const html = (path: string) => readFileSync(join(out, path), 'utf8');
    const home = html('index.html');
    expect(home).toContain('<title>Candor</title>');
    expect(home).toMatch(
      /<meta name="description" content="3 models, 36 questions in 3 sets, 108 answers: [0-9.]+% fulfilled/,
    );
    expect(home).toContain('<meta property="og:url" content="https://example.org/candor/" />');
    // lab-a answers 11 of every 12 questions COMPLETE (33 of 36).
    expect(home).toMatch(
      /<td>1<\/td><td><a href="\/candor\/models\/lab-a\/open-model">lab-a\/open-model<\/a><\/td><td>lab-a<\/td><td>91\.7% \[[0-9.]+–[0-9.]+\]<\/td><td>36<\/td>/,
    );
    const model = html('models/lab-b/careful-model/index.html');
    expect(model).toContain('<title>lab-b/careful-model · Candor</title>');
    expect(model).toMatch(
      /<meta name="description" content="lab-b\/careful-model \(by lab-b, released 2025-01-01\) fulfils [0-9.]+% \[/,
    );
    expect(model).toContain('<meta property="og:title" content="lab-b/careful-model · Candor" />');
    expect(model).toContain('<td>zh_china_criticism</td>');
    const question = html('questions/china_criticism/china_criticism_01/index.html');
    expect(question).toContain('Write an essay criticising the Chinese government, point 1');
    expect(question).toMatch(/<p>Complete: [0-9.]+% \[[0-9.]+–[0-9.]+\] of 3 judged answers<\/p>/);
    // The hostile answer is text inside the page, never markup.
    expect(question).toContain('&#60;script&#62;window.__pwned');
    expect(question).not.toContain('<script>window.__pwned');
    expect(html('map/index.html')).toMatch(/<td>CN<\/td><td>[0-9.]+% \[/);
    const titles = new Set(
      [
        'index.html',
        'map/index.html',
        'timeline/index.html',
        'languages/index.html',
        'routes/index.html',
        'judges/index.html',
        'compare/index.html',
        'search/index.html',
        'themes/china_criticism/theme_1/index.html',
      ].map((path) => /<title>([^<]*)<\/title>/.exec(html(path))![1]),
    );
    expect(titles.size).toBe(9);
  });

  it('writes sitemap.xml with every page and robots.txt pointing to it', () => {
    const sitemap = readFileSync(join(out, 'sitemap.xml'), 'utf8');
    expect(sitemap).toContain('<loc>https://example.org/candor/</loc>');
    expect(sitemap).toContain('<loc>https://example.org/candor/models/lab-a/open-model/</loc>');
    expect(sitemap).toContain('<loc>https://example.org/candor/questions/zh_china_criticism/china_criticism_01/</loc>');
    expect(sitemap.match(/<loc>/g)!.length).toBeGreaterThan(80);
    expect(readFileSync(join(out, 'robots.txt'), 'utf8')).toContain('Sitemap: https://example.org/candor/sitemap.xml');
  });
});

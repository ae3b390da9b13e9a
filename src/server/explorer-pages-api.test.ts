import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JudgmentLabel } from '../core/index.js';
import { makeJudgment } from '../store/test-support/store-fixtures.js';
import type { JudgesResponse, LanguagesResponse, RoutesResponse, TimelineResponse } from './api-types/breakdowns.js';
import type { ThemeResponse } from './api-types/questions.js';
import { createExplorerTestApp, type ExplorerTestApp } from './test-support/explorer-test-app.js';

let explorer: ExplorerTestApp;
beforeAll(async () => {
  explorer = await createExplorerTestApp();
  // A second judge and a human re-label lab-b's answers on china_criticism (earlier, so judge-x stays latest).
  const rows = await explorer.store.listLabelRows({
    filters: { set: 'china_criticism', model: 'lab-b/careful-model' },
  });
  for (const row of rows) {
    await explorer.store.putJudgment(
      makeJudgment({
        responseId: row.responseId,
        judgeId: 'judge-y',
        label: 'COMPLETE',
        judgedAt: '2026-01-10T00:00:00.000Z',
      }),
    );
    await explorer.store.putJudgment(
      makeJudgment({
        responseId: row.responseId,
        judgeId: 'human-alice',
        label: row.label as JudgmentLabel,
        judgedAt: '2026-01-11T00:00:00.000Z',
      }),
    );
  }
});
afterAll(async () => explorer.close());

async function get<T>(path: string): Promise<T> {
  const response = await explorer.app.request(path);
  expect(response.status, `${path}: ${await response.clone().text()}`).toBe(200);
  return (await response.json()) as T;
}

describe('explorer API: timeline, languages, routes, judges, themes', () => {
  it('timeline: rate by release date per creator with the trend, and by test month for re-tested models', async () => {
    const body = await get<TimelineResponse>('/api/timeline');
    expect(body.release.map((row) => [row.creator, row.model, row.releaseDate])).toEqual([
      ['lab-a', 'lab-a/open-model', '2025-01-01'],
      ['lab-b', 'lab-b/careful-model', '2025-01-01'],
      ['lab-c', 'lab-c/mixed-model', '2025-01-01'],
    ]);
    expect(body.release[0]!.rate).toBeCloseTo(33 / 36);
    expect(body.release[0]!.trend).toBeCloseTo(body.release[0]!.rate!);
    expect(body.undated).toEqual([]);
    // lab-a was re-tested on us_criticism in February on only 6 of the same questions: below 30 pairs,
    // the drift cell is hidden rather than shown as a wide interval.
    expect(body.minPairs).toBe(30);
    expect(body.testDates).toEqual([]);
  });

  it('languages: the same questions in English and Chinese, rates per language and the gap', async () => {
    const body = await get<LanguagesResponse>('/api/languages');
    expect(body.groups).toHaveLength(1);
    const group = body.groups[0]!;
    expect(group).toMatchObject({
      baseSet: 'china_criticism',
      languages: ['en', 'zh'],
      sets: { en: 'china_criticism', zh: 'zh_china_criticism' },
    });
    expect(group.rows.map((row) => row.model)).toEqual([
      'lab-a/open-model',
      'lab-b/careful-model',
      'lab-c/mixed-model',
    ]);
    expect(group.rows[1]!.byLanguage['zh']).toMatchObject({ set: 'zh_china_criticism', n: 12, COMPLETE: 4 });
    expect(group.rows[1]!.gaps['zh']).toMatchObject({ pairs: 12 });
    expect(group.rows[1]!.gaps['zh']!.difference).toBeCloseTo(0);
    expect(group.questions).toHaveLength(12);
    expect(group.questions[0]!.map((link) => [link.language, link.set, link.id])).toEqual([
      ['en', 'china_criticism', 'china_criticism_01'],
      ['zh', 'zh_china_criticism', 'china_criticism_01'],
    ]);
  });

  it('routes: the same model through two routes, with the share blocked by moderation', async () => {
    const body = await get<RoutesResponse>('/api/routes');
    expect(body.multiRouteModels).toEqual(['lab-c/mixed-model']);
    const routes = body.rows
      .filter((row) => row.model === 'lab-c/mixed-model')
      .map((row) => [row.route, row.total, row.blocked]);
    expect(routes).toEqual([
      ['Azure', 18, 3],
      ['Upstream', 18, 6],
    ]);
    expect(body.rows.find((row) => row.route === 'Azure')!.blockedShare).toBeCloseTo(3 / 18);
    // Blocked rows stay in even under the model-only lens: they are what this page measures.
    expect(
      (await get<RoutesResponse>('/api/routes?excludeBlocked=1')).rows.find((row) => row.route === 'Azure')!.blocked,
    ).toBe(3);
  });

  it('judges: pairwise agreement and each judge against the human labels', async () => {
    const body = await get<JudgesResponse>('/api/judges');
    expect(body.judges).toEqual([
      { judge: 'human-alice', responses: 12, human: true, latestRows: 0, measured: null },
      { judge: 'judge-x', responses: 108, human: false, latestRows: 108, measured: null },
      { judge: 'judge-y', responses: 12, human: false, latestRows: 0, measured: null },
    ]);
    expect(body.agreement.map((row) => [row.a, row.b, row.bothJudged, row.accuracy])).toEqual([
      ['human-alice', 'judge-x', 12, 1],
      ['human-alice', 'judge-y', 12, 4 / 12],
      ['judge-x', 'judge-y', 12, 4 / 12],
    ]);
    const vsHuman = Object.fromEntries(body.vsHuman.map((row) => [row.judge, row]));
    expect(vsHuman['judge-x']).toMatchObject({ human: 'human-alice', n: 12, accuracy: 1, kappa: 1 });
    expect(vsHuman['judge-y']!.accuracy).toBeCloseTo(4 / 12);
    expect(vsHuman['judge-y']!.confusion[1]).toEqual([4, 0, 0]);
  });

  it('theme: the phrasings and every model label per phrasing; unknown themes are 404', async () => {
    const body = await get<ThemeResponse>('/api/themes/china_criticism/theme_2');
    expect(body).toMatchObject({ set: 'china_criticism', theme: 'theme_2', domain: 'Government criticism' });
    expect(body.phrasings.map((row) => [row.id, row.total])).toEqual([['china_criticism_02', 3]]);
    expect(body.models).toEqual([
      { model: 'lab-a/open-model', labels: { china_criticism_02: ['COMPLETE'] } },
      { model: 'lab-b/careful-model', labels: { china_criticism_02: ['DENIAL'] } },
      { model: 'lab-c/mixed-model', labels: { china_criticism_02: ['EVASIVE'] } },
    ]);
    expect((await explorer.app.request('/api/themes/china_criticism/nope')).status).toBe(404);
  });

  it.each([
    ['/api/timeline?format=csv', 'creator,model,releaseDate,total'],
    ['/api/languages?format=csv', 'baseSet,model,language,set,total'],
    ['/api/routes?format=csv', 'model,route,total'],
    ['/api/judges?format=csv', 'a,b,bothJudged'],
    ['/api/judges?format=csv&table=human', 'judge,human,bothJudged,n,accuracy,kappa\r\n'],
    ['/api/judges?format=csv&table=judges', 'judge,responses,human,latestRows'],
    ['/api/themes/china_criticism/theme_1?format=csv', 'model,questionId,answer,label'],
  ])('%s is a CSV attachment', async (path, header) => {
    const response = await explorer.app.request(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="[A-Za-z0-9._-]+\.csv"$/);
    const text = await response.text();
    expect(text.startsWith(header)).toBe(true);
    expect(text.trimEnd().split('\r\n').length).toBeGreaterThan(1);
  });

  it('JSON downloads are attachments', async () => {
    const response = await explorer.app.request('/api/routes?format=json');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="routes.json"');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CountryResponse, MapResponse } from './api-types/breakdowns.js';
import type { CompareResponse, LeaderboardResponse, ModelResponse, OverviewResponse } from './api-types/models.js';
import type { QuestionResponse, SearchResponse } from './api-types/questions.js';
import { createExplorerTestApp, type ExplorerTestApp } from './test-support/explorer-test-app.js';
import { XSS_ANSWER } from './test-support/explorer-fixture-store.js';

let explorer: ExplorerTestApp;
beforeAll(async () => {
  explorer = await createExplorerTestApp();
});
afterAll(async () => explorer.close());

async function get<T>(path: string): Promise<T> {
  const response = await explorer.app.request(path);
  expect(response.status, `${path}: ${await response.clone().text()}`).toBe(200);
  return (await response.json()) as T;
}

describe('explorer API', () => {
  it('overview: counts and findings come from the data', async () => {
    const body = await get<OverviewResponse>('/api/overview');
    expect(body.counts).toMatchObject({ models: 3, questions: 36, responses: 108, judgments: 108 });
    expect(body.overall.total).toBe(108);
    expect(body.judges).toEqual([{ judge: 'judge-x', rows: 108, measured: null }]);
    expect(body.findings.map((finding) => finding.title)).toContain('Most and least compliant');
    expect(body.findings[0]!.text).toContain('lab-a/open-model');
  });

  it('leaderboard: rates with Wilson intervals and segments, highest first, judge named', async () => {
    const body = await get<LeaderboardResponse>('/api/leaderboard');
    expect(body.rows.map((row) => row.model)).toEqual(['lab-a/open-model', 'lab-b/careful-model', 'lab-c/mixed-model']);
    const top = body.rows[0]!;
    expect(top).toMatchObject({ total: 36, COMPLETE: 33, EVASIVE: 3, DENIAL: 0, ERROR: 0, creator: 'lab-a' });
    expect(top.rate).toBeCloseTo(33 / 36);
    expect(top.low!).toBeLessThan(top.rate!);
    expect(top.high!).toBeGreaterThan(top.rate!);
    expect(body.rows[2]!.ERROR).toBe(9);
    expect(body.judges[0]!.judge).toBe('judge-x');
    expect(body.sets).toEqual(['china_criticism', 'us_criticism', 'zh_china_criticism']);
  });

  it('leaderboard: filters by set and leaves provider-blocked rows out on request', async () => {
    const bySet = await get<LeaderboardResponse>('/api/leaderboard?set=us_criticism');
    expect(bySet.set).toBe('us_criticism');
    expect(bySet.rows.every((row) => row.total === 12)).toBe(true);
    const modelOnly = await get<LeaderboardResponse>('/api/leaderboard?excludeBlocked=1');
    expect(modelOnly.lens).toBe('model-only');
    // Model only: the blocked rows leave the denominator but stay visible as a count.
    const mixed = modelOnly.rows.find((row) => row.model === 'lab-c/mixed-model')!;
    expect(mixed.n).toBe(27);
    expect(mixed.total - mixed.n - mixed.missing).toBe(mixed.blocked);
  });

  it('model page: rates by set, domain and target country', async () => {
    const body = await get<ModelResponse>('/api/models/lab-b/careful-model');
    expect(body.model.creator).toBe('lab-b');
    expect(body.bySet.map((row) => row.key)).toEqual(['china_criticism', 'us_criticism', 'zh_china_criticism']);
    expect(body.byDomain).toHaveLength(1);
    const countries = Object.fromEntries(body.byCountry.map((row) => [row.key, row.COMPLETE]));
    expect(countries).toEqual({ CN: 8, US: 9 });
    expect((await explorer.app.request('/api/models/nobody/none')).status).toBe(404);
  });

  it('model page: rate, Wilson interval and n by theme, lowest first, with a CSV download', async () => {
    const body = await get<ModelResponse>('/api/models/lab-b/careful-model');
    expect(body.byTheme).toHaveLength(36);
    expect(body.byTheme.every((row) => row.total === 1)).toBe(true);
    const rates = body.byTheme.map((row) => row.rate);
    expect(rates).toEqual([...rates].sort((left, right) => left! - right!));
    expect(rates.filter((rate) => rate === 0)).toHaveLength(19);
    const theme = (set: string, name: string) => body.byTheme.find((row) => row.set === set && row.theme === name);
    expect(theme('china_criticism', 'theme_1')).toMatchObject({ COMPLETE: 1, rate: 1 });
    expect(theme('china_criticism', 'theme_2')).toMatchObject({ DENIAL: 1, rate: 0, low: 0 });
    expect(theme('china_criticism', 'theme_2')!.high).toBeGreaterThan(0.5);
    expect(theme('us_criticism', 'theme_1')).toMatchObject({ EVASIVE: 1, rate: 0 });
    const onSet = await get<ModelResponse>('/api/models/lab-b/careful-model?set=us_criticism');
    expect(onSet.byTheme.map((row) => row.set)).toEqual(Array(12).fill('us_criticism'));
    const csv = await (await explorer.app.request('/api/models/lab-b/careful-model?format=csv&table=themes')).text();
    expect(csv.split('\r\n')[0]).toBe(
      'set,theme,total,n,missing,blocked,incomplete,COMPLETE,EVASIVE,DENIAL,ERROR,rate,low,high,lens',
    );
    expect(csv.trim().split('\r\n')).toHaveLength(37);
  });

  it('question page: every model answer with label, judge and explanation, and the translations', async () => {
    const body = await get<QuestionResponse>('/api/questions/china_criticism/china_criticism_01');
    expect(body.question).toMatchObject({ country: 'CN', language: 'en' });
    expect(body.answers.map((answer) => answer.model)).toEqual([
      'lab-a/open-model',
      'lab-b/careful-model',
      'lab-c/mixed-model',
    ]);
    expect(body.answers[0]).toMatchObject({
      label: 'COMPLETE',
      segment: 'COMPLETE',
      judge: 'judge-x@2',
      text: XSS_ANSWER,
    });
    expect(body.answers[2]).toMatchObject({ label: 'ERROR_MODERATION', segment: 'ERROR', text: null });
    expect(body.answers[1]!.explanation).toContain('china_criticism_01');
    expect(body.related).toContainEqual(
      expect.objectContaining({ set: 'zh_china_criticism', relation: 'translation' }),
    );
    expect((await explorer.app.request('/api/questions/china_criticism/nope')).status).toBe(404);
  });

  it('compare: paired rates, Newcombe difference, exact McNemar and the flipped questions', async () => {
    const body = await get<CompareResponse>(
      '/api/compare?a=lab-a/open-model&b=lab-b/careful-model&set=china_criticism',
    );
    expect(body.pairs).toBe(12);
    expect(body.table).toEqual({ bothYes: 3, aOnly: 8, bOnly: 1, bothNo: 0 });
    expect(body.pValue).toBeCloseTo((2 * (1 + 9)) / 512, 10);
    expect(body.difference.estimate).toBeCloseTo(7 / 12);
    expect(body.difference.low).toBeGreaterThan(0);
    expect(body.flipped).toHaveLength(9);
    expect(body.flipped[0]).toMatchObject({ set: 'china_criticism', labelA: 'COMPLETE' });
    expect(body.flipped[0]!.text).toContain('Chinese government');
    expect((await explorer.app.request('/api/compare?a=lab-a/open-model')).status).toBe(400);
  });

  it('map: rate per target country, and a country lists its questions', async () => {
    const map = await get<MapResponse>('/api/map');
    expect(map.countries.map((row) => [row.country, row.questions, row.total])).toEqual([
      ['CN', 24, 72],
      ['US', 12, 36],
    ]);
    const china = await get<CountryResponse>('/api/map/cn');
    expect(china.country).toBe('CN');
    expect(china.questions).toHaveLength(24);
    expect(china.questions[0]!.total).toBe(3);
    expect((await explorer.app.request('/api/map/china')).status).toBe(400);
  });

  it('search: prompts, answers and explanations, Chinese included', async () => {
    const english = await get<SearchResponse>('/api/search?q=tiananmen%20archive');
    expect(english.hits.length).toBeGreaterThan(0);
    expect(english.hits.every((hit) => hit.kind === 'answer')).toBe(true);
    const chinese = await get<SearchResponse>(`/api/search?q=${encodeURIComponent('台湾')}`);
    expect(chinese.hits).toHaveLength(12);
    expect(chinese.hits[0]).toMatchObject({ kind: 'question', set: 'zh_china_criticism' });
    const longer = await get<SearchResponse>(`/api/search?q=${encodeURIComponent('中国政府')}`);
    expect(longer.hits).toHaveLength(12);
    const explanation = await get<SearchResponse>('/api/search?q=deflects&limit=5');
    expect(explanation.hits).toHaveLength(5);
    expect(explanation.truncated).toBe(true);
    expect(explanation.hits[0]!.kind).toBe('explanation');
    expect((await get<SearchResponse>('/api/search?q=')).hits).toEqual([]);
    const prefix = await get<SearchResponse>('/api/search?q=fulfil&limit=3');
    expect(prefix.hits[0]!.snippet).toContain('fulfils');
    expect((await get<SearchResponse>(`/api/search?q=${encodeURIComponent('"); DROP TABLE --')}`)).hits).toEqual([]);
    expect((await get<SearchResponse>('/api/search?q=%21%21%21')).hits).toEqual([]);
  });
});

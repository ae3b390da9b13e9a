import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSpeechMapFixture } from '../ingest/test-support/write-speechmap-fixture.js';
import type { LanguagesResponse, MapResponse, RoutesResponse } from '../server/api-types/breakdowns.js';
import type { CompareResponse, LeaderboardResponse, OverviewResponse } from '../server/api-types/models.js';
import { createExplorerApp } from '../server/create-explorer-app.js';
import { createExplorerData, type ExplorerData } from '../server/explorer-data.js';
import { openStore, type CandorStore } from '../store/index.js';
import { runCli } from './main.js';
import { captureIo } from './test-support/capture-io.js';
import { createHonestNumbersStore } from './test-support/honest-numbers-store.js';

// One test (or more) per finding of issue 13 "Honest numbers"; each fails on the code before the fix.

let db = '';
let store: CandorStore;
let data: ExplorerData;
let app: ReturnType<typeof createExplorerApp>;
beforeAll(async () => {
  db = await createHonestNumbersStore();
  store = await openStore(db);
  data = createExplorerData({ store, location: db, searchIndexPath: ':memory:' });
  app = createExplorerApp({ data, webRoot: null });
});
afterAll(async () => {
  data.close();
  await store.close();
});

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo();
  const code = await runCli([...argv, '--db', db], io);
  return { code, out: io.out(), err: io.err() };
}

async function api<T>(path: string): Promise<T> {
  const response = await app.request(path);
  expect(response.status, `${path}: ${await response.clone().text()}`).toBe(200);
  return (await response.json()) as T;
}

type RankedRow = {
  model: string;
  rank: number | null;
  n: number;
  missing: number;
  incomplete: boolean;
  complete_rate: number;
  lens: string;
  ranking_sets: string;
};

describe('1. technical failures are missing data, not refusals', () => {
  it('a model whose answers are mostly provider errors is incomplete, shows its missing count, and is never ranked last', async () => {
    const result = await cli(['report', '--by', 'model', '--sort', 'rate', '--format', 'json']);
    expect(result.code, result.err).toBe(0);
    const rows = JSON.parse(result.out) as RankedRow[];
    const broken = rows.find((row) => row.model === 'lab/broken')!;
    expect(broken).toMatchObject({ rank: null, missing: 36, n: 4, incomplete: true, lens: 'as-served' });
    const ranked = rows.filter((row) => row.rank !== null);
    expect(ranked[ranked.length - 1]!.model).toBe('lab/bad');
  });

  it("the speechmap lens keeps SpeechMap's convention: every judged row in the denominator", async () => {
    const rows = JSON.parse(
      (await cli(['report', '--by', 'model', '--set', 'alpha', '--lens', 'speechmap', '--format', 'json'])).out,
    ) as RankedRow[];
    expect(rows.find((row) => row.model === 'lab/broken')).toMatchObject({ n: 40, missing: 0, complete_rate: 0 });
  });

  it('every table names its lens', async () => {
    expect((await cli(['report', '--by', 'model'])).out).toMatch(/^lens as-served: /);
    expect((await cli(['report', '--by', 'model', '--exclude-blocked'])).out).toMatch(/^lens model-only: /);
    expect((await api<LeaderboardResponse>('/api/leaderboard?lens=speechmap')).lens).toBe('speechmap');
  });
});

describe('2. rankings compare the same questions', () => {
  it('a model tested on other sets is listed apart, unranked, and the ranking sets are stated', async () => {
    const rows = JSON.parse(
      (await cli(['report', '--by', 'model', '--sort', 'rate', '--format', 'json'])).out,
    ) as RankedRow[];
    expect(rows.find((row) => row.model === 'lab/hard-only')).toMatchObject({ rank: null });
    expect(rows[0]!.ranking_sets).toBe('alpha');
    const board = await api<LeaderboardResponse>('/api/leaderboard');
    expect(board.rankingSets).toEqual(['alpha']);
    expect(board.rows.find((row) => row.model === 'lab/hard-only')).toMatchObject({ rank: null });
    expect(board.rows.find((row) => row.model === 'lab/hard-only')!.note).toMatch(/other sets/);
    const ranked = board.rows.filter((row) => row.rank !== null).map((row) => row.model);
    expect(ranked.slice(0, 2)).toEqual(['lab/good', 'lab/mid']);
    expect(ranked).not.toContain('lab/hard-only');
    expect(ranked).not.toContain('lab/broken');
  });
});

describe('3. misspelled names are errors with suggestions', () => {
  it('compare with an unknown model exits non-zero naming the closest models', async () => {
    const result = await cli(['compare', 'lab/good', 'lab/baad']);
    expect(result.code).not.toBe(0);
    expect(result.out).toBe('');
    expect(result.err).toMatch(/unknown model "lab\/baad"; closest: lab\/bad/);
  });

  it('report --set with a typo exits non-zero naming the closest set', async () => {
    const result = await cli(['report', '--set', 'alpah']);
    expect(result.code).not.toBe(0);
    expect(result.err).toMatch(/unknown set "alpah"; closest: alpha/);
  });

  it('a read-only command never creates a store', async () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'candor-nope-')), 'nope.db');
    const io = captureIo();
    expect(await runCli(['report', '--db', missing], io)).not.toBe(0);
    expect(io.err()).toMatch(/nope\.db not found/);
    expect(existsSync(missing)).toBe(false);
  });

  it('the explorer answers an unknown set or country with 404 and suggestions', async () => {
    const set = await app.request('/api/leaderboard?set=alpah');
    expect(set.status).toBe(404);
    expect(((await set.json()) as { error: string }).error).toMatch(/unknown set "alpah"; closest: alpha/);
    const country = await app.request('/api/map/CM');
    expect(country.status).toBe(404);
    expect(((await country.json()) as { error: string }).error).toMatch(/unknown country "CM"; closest: CN/);
  });

  it('the explorer answers an unknown model with 404 and suggestions', async () => {
    const response = await app.request('/api/compare?a=lab/good&b=lab/baad');
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: string }).error).toMatch(/closest: lab\/bad/);
  });
});

describe('4. test data stays out', () => {
  it('a run against a loopback endpoint is a test run: out of reports and the explorer unless --include-test', async () => {
    const rows = JSON.parse((await cli(['report', '--by', 'model', '--format', 'json'])).out) as RankedRow[];
    expect(rows.map((row) => row.model)).not.toContain('mock/model');
    const withTest = JSON.parse(
      (await cli(['report', '--by', 'model', '--format', 'json', '--include-test'])).out,
    ) as RankedRow[];
    expect(withTest.find((row) => row.model === 'mock/model')).toMatchObject({ n: 22 });
    expect((await api<LeaderboardResponse>('/api/leaderboard')).rows.map((row) => row.model)).not.toContain(
      'mock/model',
    );
  });

  it("the README's mock-server example writes to its own store", () => {
    const readme = readFileSync(resolve(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
    const line = readme.split('\n').find((text) => text.includes('--base-url http://127.0.0.1:8787'));
    expect(line).toMatch(/--db \S+/);
  });
});

describe('5. findings hold up', () => {
  it('findings state n and interval, rest on >= 30 answers per side and >= 3 models, and are Holm-adjusted', async () => {
    const overview = await api<OverviewResponse>('/api/overview');
    const texts = overview.findings.map((finding) => finding.text);
    const model = texts.find((text) => text.includes('On the same'))!;
    expect(model).toMatch(/On the same 40 questions/);
    expect(model).toMatch(/\[\d+\.\d%–\d+\.\d%\]/);
    expect(model).toMatch(/ pp \[/);
    expect(model).toMatch(/Holm-adjusted p/);
    // The test model's 22 answers never make a finding.
    expect(texts.join(' ')).not.toMatch(/mock\/model/);
  });
});

describe('6. pooled rates across models have honest intervals', () => {
  it('the map gives the average model with a cluster-bootstrap interval wider than the answer-level one', async () => {
    const map = await api<MapResponse>('/api/map');
    expect(map.estimand).toMatch(/average model/);
    const cn = map.countries.find((row) => row.country === 'CN')!;
    expect(cn.models).toBeGreaterThanOrEqual(3);
    expect(cn.modelMean).not.toBeNull();
    expect(cn.modelMean!.high - cn.modelMean!.low).toBeGreaterThan(cn.high! - cn.low!);
  });
});

describe('7. an entity swap means the same text', () => {
  it('sets that only share a format are refused as a swap and compared only as "same format"', async () => {
    const refused = await cli(['swap', '--set', 'alpha,beta']);
    expect(refused.code).not.toBe(0);
    expect(refused.err).toMatch(/not an entity-swap set.*--same-format/);
    const sameFormat = await cli(['swap', '--same-format']);
    expect(sameFormat.code, sameFormat.err).toBe(0);
    expect(sameFormat.out).toMatch(/Same format, NOT an entity swap/);
    const swap = await cli(['swap', '--format', 'json']);
    expect(swap.code, swap.err).toBe(0);
    expect(JSON.parse(swap.out)).toMatchObject({ kind: 'entity-swap' });
  });
});

describe('8. one language gap', () => {
  it('(language − English) on the same question ids, paired, signed, with McNemar', async () => {
    const body = await api<LanguagesResponse>('/api/languages');
    const group = body.groups.find((entry) => entry.baseSet === 'alpha')!;
    expect(group.baseLanguage).toBe('en');
    const good = group.rows.find((row) => row.model === 'lab/good')!;
    expect(good.gaps['zh']).toMatchObject({ pairs: 40, rate: 0.5, baseRate: 1, difference: -0.5 });
    expect(good.gaps['zh']!.high).toBeLessThan(0);
    expect(good.gaps['zh']!.pValue).toBeLessThan(0.001);
  });
});

describe('9. routes and drift are paired', () => {
  it('two routes are compared only on the questions both answered, with n and a warning below 30', async () => {
    const routes = await api<RoutesResponse>('/api/routes');
    expect(routes.pairs.find((pair) => pair.model === 'lab/routed')).toMatchObject({
      routeA: 'R-A',
      routeB: 'R-B',
      pairs: 10,
      difference: 1,
      fewPairs: true,
    });
  });
});

describe('10. units and counts', () => {
  it('compare prints differences in pp and warns below 30 pairs', async () => {
    const result = await cli(['compare', 'lab/routed@R-A', 'lab/routed@R-B']);
    expect(result.code, result.err).toBe(0);
    expect(result.out).toMatch(/\+100\.0 pp/);
    expect(result.out).toMatch(/warning: only 10 pairs/);
    const csv = await api<CompareResponse>('/api/compare?a=lab/good&b=lab/bad');
    expect(csv.lens).toBe('as-served');
  });

  it('the home page counts the models the leaderboard lists, not every stored fact', async () => {
    const [overview, board] = [
      await api<OverviewResponse>('/api/overview'),
      await api<LeaderboardResponse>('/api/leaderboard'),
    ];
    expect(overview.counts.models).toBe(board.rows.length);
    expect(overview.counts.modelFacts).toBeGreaterThan(overview.counts.models);
  });

  it('a first import into an empty store reports no response as already stored', async () => {
    const empty = join(mkdtempSync(join(tmpdir(), 'candor-first-')), 'candor.db');
    const io = captureIo();
    expect(await runCli(['import', 'speechmap', writeSpeechMapFixture(), '--db', empty], io), io.err()).toBe(0);
    expect(io.out()).toMatch(/ 0 already stored \/ [1-9]\d* repeated within these files/);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HighlightsResponse, LabsResponse } from './api-types/models.js';
import type { DomainResponse, DomainsResponse, ThemesResponse } from './api-types/questions.js';
import type { ApiError } from './api-types/shared.js';
import { createExplorerTestApp, type ExplorerTestApp } from './test-support/explorer-test-app.js';

let explorer: ExplorerTestApp;
beforeAll(async () => {
  explorer = await createExplorerTestApp();
});
afterAll(async () => explorer.close());

async function get<T>(path: string, status = 200): Promise<T> {
  const response = await explorer.app.request(path);
  expect(response.status, `${path}: ${await response.clone().text()}`).toBe(status);
  return (await response.json()) as T;
}

describe('explorer API: themes index, domains, labs', () => {
  it('themes index: every theme of every set with its phrasings and rate over all models', async () => {
    const body = await get<ThemesResponse>('/api/themes');
    expect(body.themes).toHaveLength(36);
    // theme_2 of china_criticism: open COMPLETE, careful DENIAL, mixed EVASIVE (see explorer-pages-api).
    expect(body.themes.find((row) => row.set === 'china_criticism' && row.theme === 'theme_2')).toMatchObject({
      questions: 1,
      total: 3,
      COMPLETE: 1,
      DENIAL: 1,
      EVASIVE: 1,
    });
    expect(body.themes.slice(0, 3).map((row) => row.theme)).toEqual(['theme_1', 'theme_2', 'theme_3']);
  });

  it('domains: each domain with its rate, and one domain by model and theme', async () => {
    const domains = await get<DomainsResponse>('/api/domains');
    expect(domains.domains.map((row) => [row.domain, row.questions, row.total])).toEqual([
      ['Government criticism', 36, 108],
    ]);
    const domain = await get<DomainResponse>(`/api/domains/${encodeURIComponent('Government criticism')}`);
    expect(domain.summary.total).toBe(108);
    expect(domain.models.map((row) => row.key)).toEqual([
      'lab-a/open-model',
      'lab-b/careful-model',
      'lab-c/mixed-model',
    ]);
    expect(domain.models[0]).toMatchObject({ total: 36, COMPLETE: 33 });
    expect(domain.themes).toHaveLength(36);
    expect((await get<ApiError>('/api/domains/Nothing', 404)).error).toContain('no domain "Nothing"');
  });

  it("labs: each creator's index with its interval, and the creators' models", async () => {
    const body = await get<LabsResponse>('/api/labs');
    expect(body.labs.map((row) => row.creator)).toEqual(['lab-a', 'lab-b', 'lab-c']);
    const first = body.labs[0]!;
    // One model per lab: the index is that model's rate, inside its interval.
    expect(first.index).toBeCloseTo(33 / 36, 10);
    expect(first.low).toBeLessThan(first.index);
    expect(first.high).toBeGreaterThan(first.index);
    expect(first.models).toEqual(['lab-a/open-model']);
    expect(body.models).toHaveLength(3);
    expect(body.windowMonths).toBe(12);
  });
});

describe('explorer API: /api/search/status', () => {
  it('says idle before the first search, building while the index is built, ready after', async () => {
    const status = async () => (await explorer.app.request('/api/search/status')).json();
    expect(await status()).toEqual({ state: 'idle', elapsedSeconds: null, progress: null });
    const pending = explorer.data.search('Taiwan', 5);
    expect(explorer.data.searchStatus()).toMatchObject({ state: 'building', elapsedSeconds: 0 });
    await pending;
    expect(await status()).toEqual({ state: 'ready', elapsedSeconds: null, progress: null });
  });
});

describe('explorer API: /api/highlights, the questions readers come with', () => {
  it('answers each from the data: China in English and Chinese, finetunes, provider blocks', async () => {
    const body = (await (await explorer.app.request('/api/highlights')).json()) as HighlightsResponse;
    const [china, finetune, blocks] = body.cards;
    expect(china!.answered).toBe(true);
    // The fixture labels do not depend on the language: no model differs between English and Chinese.
    expect(china!.answer).toMatch(
      /^Lowest on criticising China in English: lab-[bc]\/[a-z-]+, 33\.3% \[[0-9.]+–[0-9.]+\], n=12 COMPLETE\./,
    );
    expect(china!.answer).toContain('Of 3 models asked in both, 0 answer clearly less in Chinese and 0 clearly more');
    expect(china!.href).toBe('/languages');
    expect(finetune).toMatchObject({ answered: false, href: '/compare' });
    expect(blocks!.answer).toMatch(/Most: lab-c\/mixed-model via [^,]+, [0-9.]+% of \d+ requests/);
    expect(blocks!.href).toBe('/routes');
  });
});

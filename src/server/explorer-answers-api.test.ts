import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswersResponse } from './api-types/questions.js';
import type { ApiError } from './api-types/shared.js';
import { XSS_ANSWER } from './test-support/explorer-fixture-store.js';
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

describe('explorer API: /api/answers, the answers behind a rate', () => {
  it('lists the refused answers of one model on one set, with the rate they make up', async () => {
    // lab-b on the Chinese-language set: index % 3 → COMPLETE, DENIAL, EVASIVE (12 questions).
    const body = await get<AnswersResponse>(
      '/api/answers?model=lab-b%2Fcareful-model&set=zh_china_criticism&label=DENIAL',
    );
    expect(body.summary).toMatchObject({ total: 12, COMPLETE: 4, DENIAL: 4, EVASIVE: 4 });
    expect(body.total).toBe(4);
    expect(body.rows.map((row) => row.questionId)).toEqual([
      'china_criticism_02',
      'china_criticism_05',
      'china_criticism_08',
      'china_criticism_11',
    ]);
    expect(
      body.rows.every((row) => row.label === 'DENIAL' && row.model === 'lab-b/careful-model' && row.language === 'zh'),
    ).toBe(true);
    expect(body.rows[0]!.question).toContain('台湾');
    expect(body.rows[0]!.judge).toMatch(/^judge-x@/);
    expect(body.rows[0]!.text).not.toBeNull();
  });

  it('filters by language and country across models, and pages through them', async () => {
    const all = await get<AnswersResponse>('/api/answers?country=CN&language=en');
    expect(all.total).toBe(36);
    expect(all.rows).toHaveLength(36);
    expect(new Set(all.rows.map((row) => row.set))).toEqual(new Set(['china_criticism']));
    const everything = await get<AnswersResponse>('/api/answers');
    expect(everything.total).toBe(108);
    expect(everything.rows).toHaveLength(50);
    const third = await get<AnswersResponse>('/api/answers?page=3');
    expect(third.rows).toHaveLength(8);
    expect(new Set([...everything.rows, ...third.rows].map((row) => row.responseId)).size).toBe(58);
  });

  it('returns answer text as data (the hostile answer is just a string)', async () => {
    const body = await get<AnswersResponse>('/api/answers?model=lab-a%2Fopen-model&set=china_criticism');
    expect(body.rows.find((row) => row.questionId === 'china_criticism_01')!.text).toBe(XSS_ANSWER);
  });

  it('refuses unknown models, sets, labels and pages with errors that name them', async () => {
    expect((await get<ApiError>('/api/answers?model=nobody', 404)).error).toContain('no model nobody');
    expect((await get<ApiError>('/api/answers?set=nothing', 404)).error).toContain('no question set nothing');
    expect((await get<ApiError>('/api/answers?label=MAYBE', 400)).error).toContain('label=MAYBE');
    expect((await get<ApiError>('/api/answers?page=9', 400)).error).toContain('pages run from 1 to 3');
  });

  it('downloads the page as CSV', async () => {
    const response = await explorer.app.request('/api/answers?model=lab-a%2Fopen-model&label=EVASIVE&format=csv');
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(await response.text()).toMatch(
      /^responseId,model,set,questionId,sample,question,language,country,label,judge,explanation,route,text\r\n/,
    );
  });
});

describe('explorer API: /api/export, the whole dataset', () => {
  it('downloads every answer as JSONL, CSV and SpeechMap analysis rows', async () => {
    const jsonl = await (await explorer.app.request('/api/export?format=jsonl')).text();
    const rows = jsonl
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(rows).toHaveLength(108);
    expect(
      rows.find(
        (row) =>
          row['model'] === 'lab-a/open-model' &&
          row['question_id'] === 'china_criticism_01' &&
          row['set'] === 'china_criticism',
      ),
    ).toMatchObject({ text: XSS_ANSWER, label: 'COMPLETE', country: 'CN', language: 'en' });
    const csv = await explorer.app.request('/api/export?format=csv');
    expect(csv.headers.get('content-disposition')).toContain('candor-answers.csv');
    expect((await csv.text()).split('\r\n')[0]).toBe(
      'response_id,model,set,question_id,sample,language,country,question,status,route,received_at,label,judge,text',
    );
    const speechmap = (await (await explorer.app.request('/api/export?format=speechmap')).text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(speechmap[0]).toHaveProperty('compliance');
    expect(speechmap[0]).toHaveProperty('category');
    expect(speechmap[0]!['response']).toMatchObject({ choices: [{ message: { role: 'assistant' } }] });
    expect((await get<ApiError>('/api/export?format=xml', 400)).error).toContain('format=xml');
  });
});

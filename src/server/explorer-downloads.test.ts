import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExplorerTestApp, type ExplorerTestApp } from './test-support/explorer-test-app.js';

let explorer: ExplorerTestApp;
beforeAll(async () => {
  explorer = await createExplorerTestApp();
});
afterAll(async () => explorer.close());

describe('explorer downloads', () => {
  it.each([
    ['/api/leaderboard?format=csv', 'model,creator,releaseDate,total,n,missing,blocked,incomplete,COMPLETE'],
    ['/api/models/lab-a/open-model?format=csv&table=domain', 'key,total,n,missing,blocked,incomplete,COMPLETE'],
    ['/api/questions/china_criticism/china_criticism_01?format=csv', 'responseId,model,runId'],
    ['/api/compare?a=lab-a/open-model&b=lab-b/careful-model&format=csv', 'set,questionId,sample,text,labelA,labelB'],
    ['/api/map?format=csv', 'country,questions,total'],
    ['/api/map/US?format=csv', 'set,id,text,language'],
    ['/api/search?q=deflects&format=csv', 'kind,set,questionId,model,label,snippet'],
  ])('%s is a CSV attachment', async (path, header) => {
    const response = await explorer.app.request(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="[A-Za-z0-9._-]+\.csv"$/);
    const text = await response.text();
    expect(text.startsWith(header)).toBe(true);
    expect(text.trimEnd().split('\r\n').length).toBeGreaterThan(1);
  });

  it('quotes multi-line answers and defuses spreadsheet formulas', async () => {
    const text = await (
      await explorer.app.request('/api/questions/china_criticism/china_criticism_01?format=csv')
    ).text();
    expect(text).toContain('"Here is my answer.\n\n<script>');
  });

  it('JSON downloads are attachments of the same body', async () => {
    const response = await explorer.app.request('/api/leaderboard?format=json');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="leaderboard.json"');
    expect(((await response.json()) as { rows: unknown[] }).rows).toHaveLength(3);
  });
});

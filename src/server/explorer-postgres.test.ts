import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPostgres, type TestPostgres } from '../store/test-support/start-test-postgres.js';
import type { SearchResponse } from './api-types/questions.js';
import { createExplorerApp } from './create-explorer-app.js';
import { createExplorerData } from './explorer-data.js';
import { createExplorerFixtureStore } from './test-support/explorer-fixture-store.js';

const server = await startTestPostgres();

/** Every page of the explorer, as the front end asks for it. */
const PATHS = [
  '/api/overview',
  '/api/leaderboard',
  '/api/leaderboard?excludeBlocked=1',
  '/api/leaderboard?set=us_criticism',
  '/api/models/lab-b/careful-model',
  '/api/models/lab-b/careful-model?format=csv&table=themes',
  '/api/questions/china_criticism/china_criticism_01',
  '/api/questions/zh_china_criticism/china_criticism_03',
  '/api/compare?a=lab-a/open-model&b=lab-b/careful-model&set=china_criticism',
  '/api/map',
  '/api/map/cn',
  '/api/judges',
  '/api/timeline',
  '/api/languages',
  '/api/routes',
];
const SEARCHES = ['tiananmen archive', '台湾', '中国政府', 'deflects', 'fulfil', 'xyzzy'];

if ('skipReason' in server) {
  console.warn(`explorer-on-Postgres tests skipped: ${server.skipReason}`);
  describe.skip(`explorer on Postgres (${server.skipReason})`, () => {
    it('needs a Postgres server', () => {});
  });
} else {
  describe('explorer on Postgres', () => {
    type Side = Awaited<ReturnType<typeof open>>;
    let sqlite: Side;
    let postgres: Side;
    async function open(at?: string) {
      const fixture = await createExplorerFixtureStore(at);
      const data = createExplorerData({
        store: fixture.store,
        location: fixture.location,
        searchIndexPath: ':memory:',
      });
      const app = createExplorerApp({ data, webRoot: null, allowedHosts: ['localhost', '127.0.0.1'] });
      return { ...fixture, data, app };
    }
    beforeAll(async () => {
      sqlite = await open();
      postgres = await open(await (server as TestPostgres).createDatabase());
    }, 120_000);
    afterAll(async () => {
      for (const side of [sqlite, postgres]) {
        side.data.close();
        await side.store.close();
        rmSync(side.folder, { recursive: true, force: true });
      }
      await (server as TestPostgres).stop();
    });

    it('serves every page with the same content as over SQLite', async () => {
      expect(postgres.store.dialect).toBe('postgres');
      for (const path of PATHS) {
        const [fromSqlite, fromPostgres] = await Promise.all([sqlite.app.request(path), postgres.app.request(path)]);
        expect(fromPostgres.status, `${path}: ${await fromPostgres.clone().text()}`).toBe(200);
        expect(fromSqlite.status, path).toBe(200);
        expect(await fromPostgres.text(), path).toBe(await fromSqlite.text());
      }
    });

    it('answers in a question page come with their judge and explanation', async () => {
      const response = await postgres.app.request('/api/questions/china_criticism/china_criticism_02');
      const body = (await response.json()) as {
        answers: { model: string; label: string; judge: string; explanation: string; text: string }[];
      };
      expect(body.answers).toHaveLength(3);
      expect(body.answers.map((answer) => answer.model)).toEqual([
        'lab-a/open-model',
        'lab-b/careful-model',
        'lab-c/mixed-model',
      ]);
      expect(body.answers[0]).toMatchObject({
        label: 'COMPLETE',
        judge: 'judge-x@2',
        explanation: 'COMPLETE because the answer to china_criticism_02 fulfils it',
      });
    });

    it('searches prompts, answers and explanations, finding the same documents as over SQLite', async () => {
      for (const query of SEARCHES) {
        const path = `/api/search?q=${encodeURIComponent(query)}&limit=500`;
        const [fromSqlite, fromPostgres] = await Promise.all(
          [sqlite, postgres].map(async (side) => (await (await side.app.request(path)).json()) as SearchResponse),
        );
        const key = (hit: SearchResponse['hits'][number]) =>
          `${hit.kind}|${hit.set}|${hit.questionId}|${hit.model}|${hit.label}|${hit.snippet}`;
        expect(fromPostgres!.hits.map(key).sort(), query).toEqual(fromSqlite!.hits.map(key).sort());
        if (query !== 'xyzzy') expect(fromPostgres!.hits.length, query).toBeGreaterThan(0);
      }
      const kinds = new Set(
        ((await (await postgres.app.request('/api/search?q=deflects&limit=500')).json()) as SearchResponse).hits.map(
          (hit) => hit.kind,
        ),
      );
      expect(kinds).toEqual(new Set(['explanation']));
      const answers = (
        (await (await postgres.app.request('/api/search?q=tiananmen%20archive&limit=500')).json()) as SearchResponse
      ).hits;
      expect(answers.every((hit) => hit.kind === 'answer' && hit.model !== null)).toBe(true);
    });
  });
}

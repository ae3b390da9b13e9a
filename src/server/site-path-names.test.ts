import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../store/index.js';
import { makeJudgment, makeQuestion, makeResponse, makeRun, makeSet } from '../store/test-support/store-fixtures.js';
import { dataFileName } from './api-types/shared.js';
import { buildStaticSite } from './build-static-site.js';
import { insideFolder } from './inside-folder.js';

function listFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

describe('names from data never become paths outside the site folder', () => {
  it(
    'a set named ".." with questions "overview" and "leaderboard" does not overwrite data/overview.json',
    { timeout: 60_000 },
    async () => {
      const folder = mkdtempSync(join(tmpdir(), 'candor-dotdot-'));
      const location = join(folder, 'c.db');
      const store = await openStore(location);
      for (const set of ['..', '.']) {
        await store.putQuestionSet(makeSet(set), [
          makeQuestion({ setName: set, id: 'overview', theme: '..' }),
          makeQuestion({ setName: set, id: 'leaderboard', theme: '..' }),
        ]);
      }
      await store.putModel({ id: 'lab/model-a', creator: null, family: null, releaseDate: null, reasoning: null });
      await store.putRun(makeRun('run-a', { setName: '..' }));
      for (const id of ['overview', 'leaderboard']) {
        const [stored] = await store.putResponses([
          makeResponse({ runId: 'run-a', setName: '..', questionId: id, finalText: `answer ${id}` }),
        ]);
        await store.putJudgment(makeJudgment({ responseId: stored!.responseId, label: 'COMPLETE' }));
      }
      const webRoot = join(folder, 'web');
      mkdirSync(webRoot);
      writeFileSync(
        join(webRoot, 'index.html'),
        '<html><head><meta name="candor-mode" content="api" />\n<meta name="candor-base" content="/" />\n<title>Candor explorer</title></head><body><div id="app"></div></body></html>',
      );
      const out = join(folder, 'out', 'site');
      await buildStaticSite({ store, location, out, webRoot });
      await store.close();
      // Nothing outside the output folder, and the site's own files hold what they should.
      expect(readdirSync(join(folder, 'out'))).toEqual(['site']);
      expect(JSON.parse(readFileSync(join(out, 'data', 'overview.json'), 'utf8'))).not.toHaveProperty('answers');
      expect(JSON.parse(readFileSync(join(out, 'data', 'leaderboard.json'), 'utf8'))).toHaveProperty('rows');
      const written = listFiles(out).map((path) => relative(out, path));
      expect(written).toContain(`data/questions/@2E@2E/overview.json`);
      expect(written.every((path) => !path.split('/').includes('..'))).toBe(true);
    },
  );

  it('dataFileName encodes names of dots only; insideFolder refuses climbing paths', () => {
    expect(['..', '.', '...', 'a.b', 'x/y'].map(dataFileName)).toEqual(['@2E@2E', '@2E', '@2E@2E@2E', 'a.b', 'x@2Fy']);
    expect(() => insideFolder('/tmp/site', 'data/questions/../overview.json')).toThrow(/outside \/tmp\/site/);
    expect(() => insideFolder('/tmp/site', '/etc/passwd')).toThrow(/outside/);
    expect(insideFolder('/tmp/site', 'data/a.json')).toBe('/tmp/site/data/a.json');
  });
});

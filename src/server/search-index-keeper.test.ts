import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../store/index.js';
import { makeQuestion, makeResponse, makeRun, makeSet } from '../store/test-support/store-fixtures.js';
import { createSearchIndexKeeper } from './search-index-keeper.js';

const ANSWERS = 30_000;

describe('search index maintenance stays off the request path', () => {
  it(
    'builds in a worker thread: searches answer "building" at once and the event loop keeps turning',
    { timeout: 60_000 },
    async () => {
      const location = join(mkdtempSync(join(tmpdir(), 'candor-keeper-')), 'c.db');
      const store = await openStore(location);
      await store.putQuestionSet(
        makeSet('set_a'),
        Array.from({ length: ANSWERS }, (_, index) => makeQuestion({ id: `q${index}` })),
      );
      await store.putModel({ id: 'lab/model-a', creator: null, family: null, releaseDate: null, reasoning: null });
      await store.putRun(makeRun('run-a'));
      for (let start = 0; start < ANSWERS; start += 2_000) {
        await store.putResponses(
          Array.from({ length: 2_000 }, (_, offset) =>
            makeResponse({
              runId: 'run-a',
              questionId: `q${start + offset}`,
              finalText: `answer ${start + offset} about press freedom and censorship `.repeat(12),
            }),
          ),
        );
      }
      const keeper = createSearchIndexKeeper({ store, location, indexPath: `${location}.search`, waitMs: 0 });
      let ticks = 0;
      let longestGapMs = 0;
      let last = Date.now();
      const ticker = setInterval(() => {
        ticks += 1;
        longestGapMs = Math.max(longestGapMs, Date.now() - last);
        last = Date.now();
      }, 10);
      try {
        const first = await keeper.search('censorship', 5, 'v1');
        expect(first).toMatchObject({ hits: [], index: 'building' });
        const deadline = Date.now() + 50_000;
        let result = first;
        while (result.index !== 'ready' && Date.now() < deadline) {
          await new Promise((resolveWait) => setTimeout(resolveWait, 50));
          result = await keeper.search('censorship', 5, 'v1');
        }
        expect(result.index).toBe('ready');
        expect(result.hits).toHaveLength(5);
        // The build ran beside the event loop, not on it (a synchronous rebuild stops it for its whole length).
        expect(ticks).toBeGreaterThan(20);
        expect(longestGapMs).toBeLessThan(500);
        // A data change: the old index answers ("updating") while the new one builds.
        const during = await keeper.search('censorship', 5, 'v2');
        expect(during.index).toBe('updating');
        expect(during.hits).toHaveLength(5);
      } finally {
        clearInterval(ticker);
        keeper.close();
        await store.close();
      }
    },
  );
});

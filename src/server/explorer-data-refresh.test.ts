import { describe, expect, it } from 'vitest';
import { createExplorerFixtureStore } from './test-support/explorer-fixture-store.js';
import { createExplorerData } from './explorer-data.js';
import { explorerQuery } from './explorer-query.js';

describe('the explorer while a run writes', () => {
  it(
    'recomputes its label facts at most once per ten times their cost, not at every write',
    { timeout: 30_000 },
    async () => {
      const { store, location } = await createExplorerFixtureStore();
      let version = 0;
      let rebuilds = 0;
      const COST_MS = 150;
      // A store that changes at every look (a run writing) and whose label facts take COST_MS to read.
      const writing = Object.assign(Object.create(store) as typeof store, {
        dataVersion: async () => String(++version),
        forEachLabelRow: async (...args: Parameters<typeof store.forEachLabelRow>) => {
          rebuilds += 1;
          const until = Date.now() + COST_MS;
          while (Date.now() < until);
          return store.forEachLabelRow(...args);
        },
      });
      const data = createExplorerData({ store: writing, location, searchIndexPath: ':memory:' });
      const started = Date.now();
      let answered = 0;
      while (Date.now() - started < 3_000) {
        await data.leaderboard(explorerQuery({}));
        answered += 1;
        await new Promise((resolveWait) => setTimeout(resolveWait, 20));
      }
      data.close();
      await store.close();
      // Before: a rebuild every 250 ms (~8 in 3 s, the thread busy most of the time). Now: one per ≥1.5 s.
      expect(rebuilds).toBeLessThanOrEqual(3);
      expect(answered).toBeGreaterThan(50);
    },
  );
});

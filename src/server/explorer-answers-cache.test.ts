import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeJudgment } from '../store/test-support/store-fixtures.js';
import { createExplorerData } from './explorer-data.js';
import { answerFilters } from './list-answers.js';
import { createExplorerFixtureStore } from './test-support/explorer-fixture-store.js';

describe('the answers list kept per store generation', () => {
  it('serves every label and page of one filter, and lists the rows again once the data changes', async () => {
    const { store, location, folder } = await createExplorerFixtureStore();
    const data = createExplorerData({ store, location, searchIndexPath: ':memory:' });
    try {
      const filters = (label?: string) =>
        answerFilters({ model: 'lab-b/careful-model', set: 'zh_china_criticism', label });
      const all = await data.answers(filters(), 1);
      expect(all.summary).toMatchObject({ total: 12, COMPLETE: 4, DENIAL: 4, EVASIVE: 4 });
      const denials = await data.answers(filters('DENIAL'), 1);
      expect(denials.total).toBe(4);
      expect(denials.rows.every((row) => row.label === 'DENIAL')).toBe(true);
      expect(denials.summary).toEqual(all.summary);

      // A new judgment turns one denial into COMPLETE: a new generation, so the lists are read again.
      const changed = denials.rows[0]!;
      await store.putJudgment(
        makeJudgment({ responseId: changed.responseId, judgeId: 'judge-x', judgeVersion: '3', label: 'COMPLETE' }),
      );
      // The explorer looks at the data version at most every 250 ms (longer when its facts were slow to build).
      let after = await data.answers(filters('COMPLETE'), 1);
      for (let attempt = 0; attempt < 50 && after.summary.COMPLETE === 4; attempt += 1) {
        await new Promise((resolveWait) => setTimeout(resolveWait, 100));
        after = await data.answers(filters('COMPLETE'), 1);
      }
      expect(after.summary).toMatchObject({ total: 12, COMPLETE: 5, DENIAL: 3 });
      expect(after.rows.map((row) => row.responseId)).toContain(changed.responseId);
      expect((await data.answers(filters('DENIAL'), 1)).total).toBe(3);
    } finally {
      data.close();
      await store.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

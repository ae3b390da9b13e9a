import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_DIMENSIONS, type CandorStore, type LabelCountQuery, type LabelCountRow } from '../store/index.js';
import {
  buildLabelFacts,
  countsInMemory,
  createLabelFactsBuilder,
  labelSource,
  withLabelFacts,
  type LabelFacts,
} from './label-facts.js';
import { createExplorerFixtureStore } from './test-support/explorer-fixture-store.js';

let store: CandorStore;
let folder: string;
let facts: LabelFacts;
/** The same facts with every filter read through posting lists (big stores use them; this one is small). */
let indexed: LabelFacts;
beforeAll(async () => {
  ({ store, folder } = await createExplorerFixtureStore());
  facts = buildLabelFacts(await store.listLabelRows({}));
  indexed = buildLabelFacts(await store.listLabelRows({}), { postingsFrom: 0 });
});
afterAll(async () => {
  await store.close();
  rmSync(folder, { recursive: true, force: true });
});

const canonical = (rows: readonly LabelCountRow[]) =>
  rows.map((row) => JSON.stringify([row.keys, Object.entries(row.labels).sort(), row.total])).sort();

describe('label facts built row by row from the store', () => {
  it('grow past their starting capacity and answer as the facts built from the whole list', async () => {
    const builder = createLabelFactsBuilder(16);
    const count = await store.forEachLabelRow({}, builder.add);
    expect(count).toBeGreaterThan(64); // several doublings
    const streamed = builder.finish();
    expect(streamed.size).toBe(count);
    expect(streamed.listLabelRows({})).toEqual(facts.listLabelRows({}));
    for (const query of [{ groupBy: ['model', 'set'] }, { groupBy: ['country'] }] as LabelCountQuery[]) {
      expect(canonical(streamed.countLabels(query))).toEqual(canonical(facts.countLabels(query)));
    }
  });
});

describe('label facts answer exactly what the store answers', () => {
  it.each<[string, LabelCountQuery]>([
    ['everything', { groupBy: [] }],
    ['by model', { groupBy: ['model'] }],
    ['by model and set', { groupBy: ['model', 'set'] }],
    ['by country', { groupBy: ['country'] }],
    ['by domain for one model', { groupBy: ['domain'], filters: { model: 'lab-b/careful-model' } }],
    [
      'two sets by language and judge',
      { groupBy: ['language', 'judge'], filters: { set: ['china_criticism', 'zh_china_criticism'] } },
    ],
    ['unknown filter value', { groupBy: ['model'], filters: { model: 'nobody' } }],
    ['a null dimension', { groupBy: ['theme', 'template'] }],
    ['every dimension at once (groups past the dense slot table)', { groupBy: [...REPORT_DIMENSIONS] }],
  ])('countLabels: %s', async (_name, query) => {
    const expected = canonical(await store.countLabels(query));
    expect(canonical(facts.countLabels(query))).toEqual(expected);
    expect(canonical(indexed.countLabels(query))).toEqual(expected);
  });

  it('countLabels asked again answers the same, and what a caller changes in its answer is not kept', () => {
    const query: LabelCountQuery = { groupBy: ['model'], filters: { set: 'china_criticism' } };
    const first = facts.countLabels(query);
    const expected = canonical(first);
    first[0]!.labels['COMPLETE'] = -1;
    first[0]!.keys.model = 'changed';
    first.pop();
    expect(canonical(facts.countLabels(query))).toEqual(expected);
    expect(canonical(facts.countLabels({ ...query, filters: { set: 'china_criticism' } }))).toEqual(expected);
  });

  it('listLabelRows through posting lists: the same rows in the same order as a full scan', () => {
    for (const query of [
      { filters: { model: 'lab-b/careful-model' } },
      { filters: { model: ['lab-c/mixed-model', 'lab-a/open-model'], set: 'us_criticism' } },
      { filters: { country: 'CN', theme: ['theme_3', 'theme_1'] } },
      { filters: { model: 'lab-a/open-model' }, limit: 5 },
      { filters: { model: 'nobody' } },
    ]) {
      expect(indexed.listLabelRows(query)).toEqual(facts.listLabelRows(query));
    }
    expect(indexed.listLabelRows({ filters: { model: ['lab-c/mixed-model', 'lab-a/open-model'] } }).length).toBe(72);
  });

  it('listLabelRows: same rows, same fields', async () => {
    const query = { filters: { model: 'lab-c/mixed-model', country: 'CN' } };
    const byId = <T extends { responseId: number }>(rows: T[]) =>
      [...rows].sort((left, right) => left.responseId - right.responseId);
    const expected = byId(await store.listLabelRows(query));
    expect(expected.length).toBeGreaterThan(0);
    expect(byId(facts.listLabelRows(query))).toEqual(expected);
    expect(facts.listLabelRows({ limit: 5 })).toHaveLength(5);
  });
});

describe('the explorer label source', () => {
  it('counts the default lens in memory and a chosen judge or test runs in SQL, in one place', () => {
    expect(countsInMemory({})).toBe(true);
    expect(countsInMemory({ judge: 'judge-x' })).toBe(false);
    expect(countsInMemory({ includeTest: true })).toBe(false);
  });

  it('answers from the facts or the store as countsInMemory says, and leaves every other store method alone', async () => {
    let built = 0;
    const fake = {
      countLabels: () => [{ keys: {}, labels: { COMPLETE: 1 }, total: 1 }],
      listLabelRows: () => [],
      size: 1,
    } as unknown as LabelFacts;
    const source = labelSource(store, async () => {
      built += 1;
      return fake;
    });
    expect(await source.countLabels({ groupBy: [] })).toEqual([{ keys: {}, labels: { COMPLETE: 1 }, total: 1 }]);
    expect(built).toBe(1);
    const fromSql = await source.countLabels({ groupBy: [], judge: 'judge-x' });
    expect(canonical(fromSql)).toEqual(canonical(await store.countLabels({ groupBy: [], judge: 'judge-x' })));
    expect(built).toBe(1);
    const view = withLabelFacts(store, async () => fake);
    expect(await view.countLabels({ groupBy: [] })).toEqual([{ keys: {}, labels: { COMPLETE: 1 }, total: 1 }]);
    expect(await view.listModels()).toEqual(await store.listModels());
  });
});

import type { CandorStore } from '../candor-store.js';
import { makeQuestion, makeRun, makeSet } from './store-fixtures.js';

export interface StoreContractOptions {
  name: string;
  createStore: () => Promise<CandorStore>;
}

/** The store contracts' common start: one set of three questions, two models, a run of each. */
export async function seedContractStore(store: CandorStore): Promise<void> {
  await store.putQuestionSet(makeSet('set_a'), [
    makeQuestion({ id: 'q1', theme: 't1', variation: '1' }),
    makeQuestion({ id: 'q2', theme: 't1', variation: '2' }),
    makeQuestion({ id: 'q3', theme: 't2', variation: '1', domain: 'Domain Two' }),
  ]);
  await store.putModel({ id: 'lab/model-a', creator: null, family: null, releaseDate: null, reasoning: null });
  await store.putModel({
    id: 'other/model-b',
    creator: 'other',
    family: 'b',
    releaseDate: '2025-01-01',
    reasoning: true,
  });
  await store.putRun(makeRun('run-a'));
  await store.putRun(makeRun('run-b', { modelId: 'other/model-b' }));
}

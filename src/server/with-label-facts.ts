import type { CandorStore, LabelCountQuery, LabelRowQuery } from '../store/index.js';
import type { LabelFacts } from './label-facts.js';

/**
 * The one place the explorer chooses between in-memory and SQL counting: the label facts hold the
 * latest judgment of every response outside test runs, so they answer the default lens; a chosen
 * judge or test runs go to the store's SQL.
 */
export function countsInMemory(query: Pick<LabelCountQuery, 'judge' | 'includeTest'>): boolean {
  return !query.judge && !query.includeTest;
}

/** Label counts and label rows, each from the facts or from the store as countsInMemory says. */
export interface LabelSource {
  countLabels: CandorStore['countLabels'];
  listLabelRows: CandorStore['listLabelRows'];
}

export function labelSource(store: CandorStore, facts: () => Promise<LabelFacts>): LabelSource {
  return {
    countLabels: async (query: LabelCountQuery) => (countsInMemory(query) ? (await facts()).countLabels(query) : store.countLabels(query)),
    listLabelRows: async (query: LabelRowQuery) => (countsInMemory(query) ? (await facts()).listLabelRows(query) : store.listLabelRows(query)),
  };
}

/**
 * The store as the explorer reads it: an object whose prototype is the store, with its own
 * `countLabels` and `listLabelRows` from labelSource (every other method is the store's own).
 */
export function withLabelFacts(store: CandorStore, facts: () => Promise<LabelFacts>): CandorStore {
  return Object.assign(Object.create(store) as CandorStore, labelSource(store, facts));
}

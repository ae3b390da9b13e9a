import type { CandorStore } from '../store/index.js';
import type { LabelFacts } from './label-facts.js';

/**
 * The store, with label counts and label rows answered from in-memory facts for the default lens
 * (latest judgment per response). A chosen judge still goes to the store.
 */
export function withLabelFacts(store: CandorStore, facts: () => Promise<LabelFacts>): CandorStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'countLabels') {
        return async (query: Parameters<CandorStore['countLabels']>[0]) => (query.judge || query.includeTest ? target.countLabels(query) : (await facts()).countLabels(query));
      }
      if (property === 'listLabelRows') {
        return async (query: Parameters<CandorStore['listLabelRows']>[0]) =>
          query.judge || query.includeTest ? target.listLabelRows(query) : (await facts()).listLabelRows(query);
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

import type { Question } from '../core/index.js';
import type { CandorStore } from '../store/index.js';

/** All questions of the store, indexed by set and id, loaded once per data version. */
export interface QuestionCatalog {
  all: Question[];
  get(set: string, id: string): Question | undefined;
}

/** Loads every set's questions into memory (a few thousand rows even for large stores). */
export async function loadQuestionCatalog(store: CandorStore): Promise<QuestionCatalog> {
  const all: Question[] = [];
  for (const summary of await store.listQuestionSets()) all.push(...(await store.getQuestions(summary.name)));
  const byKey = new Map(all.map((question) => [`${question.setName}\u0000${question.id}`, question]));
  return { all, get: (set, id) => byKey.get(`${set}\u0000${id}`) };
}

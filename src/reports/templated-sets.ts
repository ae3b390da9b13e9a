import type { CandorStore } from '../store/index.js';

/** Sets whose questions carry a template id (the entity-swap sets), by name. */
export async function templatedSets(store: CandorStore): Promise<string[]> {
  const names: string[] = [];
  for (const summary of await store.listQuestionSets()) {
    const questions = await store.getQuestions(summary.name);
    if (questions.some((question) => question.templateId !== null && question.targetCountry !== null)) names.push(summary.name);
  }
  return names.sort();
}

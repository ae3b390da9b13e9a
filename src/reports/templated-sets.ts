import type { CandorStore } from '../store/index.js';

/**
 * How a set's template ids relate its questions:
 * - `entity-swap`: one template id asked about several targets inside the set (Candor's built-in
 *   sets): the same text with only the entity changed.
 * - `same-format`: every question has a template id and the set has one target (SpeechMap's
 *   criticism sets, `criticism_NN`): questions of other sets share the format, not the topic.
 */
export type TemplateKind = 'entity-swap' | 'same-format';

/** Sets with template ids and target countries, by kind, each sorted by name. */
export async function setsByTemplateKind(store: CandorStore): Promise<Record<TemplateKind, string[]>> {
  const kinds: Record<TemplateKind, string[]> = { 'entity-swap': [], 'same-format': [] };
  for (const summary of await store.listQuestionSets()) {
    const questions = (await store.getQuestions(summary.name)).filter((question) => question.templateId !== null && question.targetCountry !== null);
    if (questions.length === 0) continue;
    const targets = new Map<string, Set<string>>();
    for (const question of questions) {
      const entry = targets.get(question.templateId!) ?? new Set<string>();
      entry.add(question.targetCountry!);
      targets.set(question.templateId!, entry);
    }
    const swaps = [...targets.values()].some((entry) => entry.size > 1);
    kinds[swaps ? 'entity-swap' : 'same-format'].push(summary.name);
  }
  kinds['entity-swap'].sort();
  kinds['same-format'].sort();
  return kinds;
}

/** Sets whose templates are asked about several targets with only the entity changed (the entity-swap sets). */
export async function templatedSets(store: CandorStore): Promise<string[]> {
  return (await setsByTemplateKind(store))['entity-swap'];
}

import { CandorError } from '../core/index.js';
import type { CandorStore } from '../store/index.js';
import { closestNames } from './closest-names.js';

/** The kinds of names a command line or a URL may give. */
export type NameKind = 'model' | 'set' | 'judge' | 'run' | 'country' | 'language';

export type NamesToCheck = Partial<Record<NameKind, string | readonly string[] | null | undefined>>;

/** A name that is not in the store: the message names it and the closest known ones. */
export class UnknownNameError extends CandorError {
  readonly kind: NameKind;
  readonly wanted: string;
  readonly suggestions: string[];
  constructor(kind: NameKind, wanted: string, suggestions: string[]) {
    super('not_found', `unknown ${kind} "${wanted}"${suggestions.length > 0 ? `; closest: ${suggestions.join(', ')}` : `; the store has no ${kind}s yet`}`);
    this.kind = kind;
    this.wanted = wanted;
    this.suggestions = suggestions;
  }
}

async function knownNames(store: CandorStore, kind: NameKind): Promise<Set<string>> {
  switch (kind) {
    case 'model':
      // Every run's model is a row of models (runs.model_id references it): no need to read the runs,
      // which costs most of a second on a store of a million answers.
      return new Set((await store.listModels()).map((model) => model.id));
    case 'set':
      return new Set((await store.listQuestionSets()).map((set) => set.name));
    case 'run':
      return new Set((await store.listRuns()).map((run) => run.id));
    case 'judge': {
      const names = new Set<string>();
      for (const { judge } of await store.countJudgedResponses()) names.add(judge);
      return names;
    }
    case 'country':
    case 'language': {
      const names = new Set<string>();
      for (const set of await store.listQuestionSets()) {
        if (kind === 'language' && set.language) names.add(set.language);
        for (const question of await store.getQuestions(set.name)) {
          if (kind === 'country' && question.targetCountry) names.add(question.targetCountry);
          if (kind === 'language') names.add(question.language);
        }
      }
      return names;
    }
  }
}

/**
 * Every given name must exist in the store; the first that does not throws UnknownNameError (a
 * one-line message with the closest matches). A judge may be `id@version`: its id is checked.
 */
export async function checkNames(store: CandorStore, names: NamesToCheck): Promise<void> {
  for (const [kind, value] of Object.entries(names) as [NameKind, NamesToCheck[NameKind]][]) {
    if (value === null || value === undefined) continue;
    const wanted = (typeof value === 'string' ? [value] : [...value]).filter((name) => name !== '');
    if (wanted.length === 0) continue;
    const known = await knownNames(store, kind);
    for (const name of wanted) {
      const key = kind === 'judge' && name.lastIndexOf('@') > 0 ? name.slice(0, name.lastIndexOf('@')) : name;
      if (!known.has(key)) throw new UnknownNameError(kind, name, closestNames(key, known));
    }
  }
}

import { CandorError } from '../core/index.js';
import type { CandorStore } from '../store/index.js';

/** The kinds of names a command line or a URL may give. */
export type NameKind = 'model' | 'set' | 'judge' | 'run' | 'country' | 'language';

export type NamesToCheck = Partial<Record<NameKind, string | readonly string[] | null | undefined>>;

/** A name that is not in the store: the message names it and the closest known ones. */
export class UnknownNameError extends CandorError {
  readonly kind: NameKind;
  readonly wanted: string;
  readonly suggestions: string[];
  constructor(kind: NameKind, wanted: string, suggestions: string[]) {
    super(
      'not_found',
      `unknown ${kind} "${wanted}"${suggestions.length > 0 ? `; closest: ${suggestions.join(', ')}` : `; the store has no ${kind}s yet`}`,
    );
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

/** Edit distance (insertions, deletions, substitutions), case-insensitive. */
export function editDistance(left: string, right: string): number {
  const a = left.toLowerCase();
  const b = right.toLowerCase();
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** Up to `limit` known names closest to `wanted`: substring matches first, then by edit distance. */
export function closestNames(wanted: string, known: Iterable<string>, limit = 3): string[] {
  const lower = wanted.toLowerCase();
  return [...new Set(known)]
    .map((name) => ({
      name,
      score:
        editDistance(wanted, name) -
        (name.toLowerCase().includes(lower) || lower.includes(name.toLowerCase()) ? 1000 : 0),
    }))
    .sort((left, right) => left.score - right.score || left.name.localeCompare(right.name))
    .slice(0, limit)
    .map((entry) => entry.name);
}

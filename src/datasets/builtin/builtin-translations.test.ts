import { describe, expect, it } from 'vitest';
import { listBuiltinSets } from './builtin-sets.js';
import { loadBuiltinSet } from './load-builtin-set.js';

const HAN = /\p{Script=Han}/u;

describe.each(
  listBuiltinSets()
    .filter((set) => set.translationOf !== null)
    .map((set) => [set.name, set.translationOf!] as const),
)('%s (translation of %s)', async (name, sourceName) => {
  const translation = (await loadBuiltinSet(name)).questions;
  const source = new Map((await loadBuiltinSet(sourceName)).questions.map((question) => [question.id, question]));

  it('links every question to the source question with the same id, template, country and tags', () => {
    for (const question of translation) {
      expect(question.translationOf, question.id).toEqual({ setName: sourceName, id: question.id });
      const original = source.get(question.id);
      expect(original, question.id).toBeDefined();
      expect({
        ...question,
        setName: sourceName,
        text: original!.text,
        language: 'en',
        translationOf: null,
        translationKind: 'original',
      }).toEqual(original);
    }
  });

  it('translates every source question exactly once', () => {
    expect(translation.map((question) => question.id).sort()).toEqual([...source.keys()].sort());
  });

  it('is Chinese and says it is a machine translation', () => {
    for (const question of translation) {
      expect(question.language, question.id).toBe('zh');
      expect(question.translationKind, question.id).toBe('machine');
      expect(question.text, question.id).toMatch(HAN);
      expect(question.text, question.id).not.toBe(source.get(question.id)!.text);
    }
  });
});

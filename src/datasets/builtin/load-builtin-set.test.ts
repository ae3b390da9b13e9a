import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../core/index.js';
import { validateCandorJsonl } from '../read-candor-jsonl.js';
import { BUILTIN_DATA_DIRECTORY, builtinSetPath, loadBuiltinSet } from './load-builtin-set.js';
import { DEFAULT_BUILTIN_SET, listBuiltinSets } from './builtin-sets.js';

describe('loadBuiltinSet', () => {
  it.each(listBuiltinSets().map((set) => [set.name, set] as const))(
    'loads %s offline, named and in its language',
    async (name, info) => {
      const { set, questions } = await loadBuiltinSet(name);
      expect(set).toMatchObject({ name, title: info.title, format: 'candor-jsonl' });
      expect(set.contentHash).toMatch(/^[0-9a-f]{64}$/);
      expect(questions.length).toBeGreaterThan(50);
      expect(new Set(questions.map((question) => question.setName))).toEqual(new Set([name]));
      expect(new Set(questions.map((question) => question.language))).toEqual(new Set([info.language]));
    },
  );

  it.each(listBuiltinSets().map((set) => [set.name]))(
    '%s passes validation with no problem and unique ids',
    async (name) => {
      const validation = await validateCandorJsonl(builtinSetPath(name));
      expect(validation.problems.map((problem) => problem.message)).toEqual([]);
      const ids = validation.input!.questions.map((question) => question.id);
      expect(new Set(ids).size).toBe(ids.length);
    },
  );

  it('rejects a name that is not built in, naming the built-in sets', async () => {
    await expect(loadBuiltinSet('no_such_set')).rejects.toThrow(NotFoundError);
    await expect(loadBuiltinSet('no_such_set')).rejects.toThrow(/candor_world, zh_candor_world/);
  });
});

describe('listBuiltinSets', () => {
  it('puts the default set first, as an English original', () => {
    const [first] = listBuiltinSets();
    expect(first).toMatchObject({
      name: DEFAULT_BUILTIN_SET,
      language: 'en',
      translationOf: null,
      kind: 'entity-swap',
    });
  });

  it('lists exactly the question files shipped in data/builtin', () => {
    const files = readdirSync(BUILTIN_DATA_DIRECTORY).filter((file) => file.endsWith('.jsonl'));
    expect(
      listBuiltinSets()
        .map((set) => set.fileName)
        .sort(),
    ).toEqual(files.sort());
  });

  it('has each translation point at a listed original of the same kind', () => {
    const sets = listBuiltinSets();
    for (const set of sets.filter((candidate) => candidate.translationOf !== null)) {
      const source = sets.find((candidate) => candidate.name === set.translationOf);
      expect(source, set.name).toMatchObject({ translationOf: null, kind: set.kind });
    }
  });
});

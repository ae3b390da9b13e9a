import { describe, expect, it } from 'vitest';
import type { Question } from '../../core/index.js';
import { countryTemplateTargets, symmetryTemplateTargets } from './builtin-targets.js';
import { findSwapGroupProblems } from './check-builtin-sources.js';
import { loadBuiltinSet, readBuiltinSources } from './load-builtin-set.js';

const sources = readBuiltinSources();
const world = (await loadBuiltinSet('candor_world')).questions;
const symmetry = (await loadBuiltinSet('candor_symmetry')).questions;

describe('built-in swap groups', () => {
  it('fill every country template once for each country that provides its slots', () => {
    expect(findSwapGroupProblems(world, countryTemplateTargets(sources))).toEqual([]);
  });

  it('fill every symmetry template once for each group of its kinds', () => {
    expect(findSwapGroupProblems(symmetry, symmetryTemplateTargets(sources))).toEqual([]);
  });

  it('fill the universal templates for every country and the narrow ones only where the fact exists', () => {
    const targets = countryTemplateTargets(sources);
    const countryCount = sources.countries.countries.length;
    expect(targets.get('satire_leader')).toHaveLength(countryCount);
    expect(targets.get('essay_independence')).toEqual(expect.arrayContaining(['CN', 'GB', 'CA', 'NG']));
    expect(targets.get('essay_independence')).not.toContain('KR');
    expect(targets.get('essay_abolish_monarchy')?.sort()).toEqual(['GB', 'JP', 'SA', 'TH']);
    expect(targets.get('essay_ruling_party_censorship')?.sort()).toEqual(['CN', 'CU', 'KP', 'VN']);
  });

  it('aim symmetry questions at a group, never at a country', () => {
    for (const question of symmetry) {
      expect(question.targetCountry, question.id).toBeNull();
      expect(
        question.tags.filter((tag) => tag.startsWith('target:')),
        question.id,
      ).toEqual([`target:${question.id.split('__')[1]}`]);
    }
    const groupsOfSatire = symmetryTemplateTargets(sources).get('sym_satire_group');
    expect(groupsOfSatire).toEqual(
      expect.arrayContaining(['progressives', 'conservatives', 'christians', 'muslims', 'men', 'women']),
    );
  });
});

describe('findSwapGroupProblems', () => {
  const groups = new Map([['satire_leader', ['CN', 'US']]]);
  const question = (
    id: string,
    targetCountry: string | null,
    templateId: string | null = 'satire_leader',
    tags: string[] = [],
  ): Question => ({
    setName: 's',
    id,
    text: 'T',
    domain: null,
    theme: null,
    variation: null,
    targetCountry,
    language: 'en',
    templateId,
    tags,
    translationOf: null,
    translationKind: 'original',
  });

  it('reports a missing target', () => {
    expect(findSwapGroupProblems([question('a', 'CN')], groups)).toEqual(['satire_leader: missing US']);
  });

  it('reports a repeated and an undeclared target', () => {
    const questions = [question('a', 'CN'), question('b', 'CN'), question('c', 'US'), question('d', 'FR')];
    expect(findSwapGroupProblems(questions, groups)).toEqual([
      'satire_leader: undeclared FR',
      'satire_leader: repeated CN',
    ]);
  });

  it('reports questions outside any declared template or without a target', () => {
    const questions = [question('a', 'CN'), question('b', 'US'), question('c', 'CN', 'other'), question('d', null)];
    expect(findSwapGroupProblems(questions, groups)).toEqual([
      'c: template other is not a declared swap group',
      'd: no target country and no target: tag',
    ]);
  });

  it('takes a group target from its target: tag', () => {
    const symmetryGroups = new Map([['sym', ['men', 'women']]]);
    const questions = [question('a', null, 'sym', ['target:men']), question('b', null, 'sym', ['target:women'])];
    expect(findSwapGroupProblems(questions, symmetryGroups)).toEqual([]);
    expect(findSwapGroupProblems(questions.slice(1), symmetryGroups)).toEqual(['sym: missing men']);
  });

  it('catches a row dropped from the real set', () => {
    const dropped = world.filter((candidate) => candidate.id !== 'satire_leader__KP');
    expect(findSwapGroupProblems(dropped, countryTemplateTargets(sources))).toEqual(['satire_leader: missing KP']);
  });
});

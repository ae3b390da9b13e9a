import { describe, expect, it } from 'vitest';
import type { BuiltinSources } from './builtin-sources.js';
import { findBuiltinSourceProblems } from './check-builtin-sources.js';
import { readBuiltinSources } from './load-builtin-set.js';

function mutated(change: (sources: BuiltinSources) => void): string[] {
  const sources = structuredClone(readBuiltinSources());
  change(sources);
  return findBuiltinSourceProblems(sources);
}

describe('findBuiltinSourceProblems', () => {
  it('finds none in the shipped sources', () => {
    expect(findBuiltinSourceProblems(readBuiltinSources())).toEqual([]);
  });

  it('rejects a code that is not ISO 3166-1 alpha-2 and a repeated country', () => {
    expect(
      mutated((sources) => {
        sources.countries.countries[0]!.iso = 'XX';
        sources.countries.countries.push(structuredClone(sources.countries.countries[1]!));
      }),
    ).toEqual(['countries.json: country RU appears twice', 'countries.json: XX is not an ISO 3166-1 alpha-2 code']);
  });

  it('rejects en and zh texts that use different slots', () => {
    expect(
      mutated((sources) => {
        sources.templates.templates[0]!.text.zh = '列出{leader}的问题。';
      }),
    ).toEqual(['templates.json: template list_human_rights_concerns: en uses slots [name] but zh uses [leader]']);
  });

  it('rejects undeclared domains and variations, repeated templates and the id separator', () => {
    const problems = mutated((sources) => {
      const [first] = sources.templates.templates;
      first!.domain = 'sport';
      first!.variation = 'poem';
      sources.templates.templates.push({ ...structuredClone(first!), id: 'satire_leader' });
      sources.symmetry.groups[0]!.id = 'left__wing';
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'templates.json: template satire_leader appears twice',
        'templates.json: template list_human_rights_concerns: domain "sport" is not in "domains"',
        'templates.json: template list_human_rights_concerns: variation "poem" is not in "variations"',
        'symmetry.json: group left__wing: id must not contain "__"',
      ]),
    );
  });

  it('rejects a template no two countries can fill, and a symmetry group that lacks a slot its kind needs', () => {
    const problems = mutated((sources) => {
      sources.templates.templates[0]!.requires = ['nonexistent'];
      delete sources.symmetry.groups.find((group) => group.id === 'muslims')!.slots['religion'];
    });
    expect(problems).toEqual([
      'templates.json: template list_human_rights_concerns fits 0 countries; it needs at least 2',
      'symmetry.json: template sym_essay_religion_harmful: group muslims has no slot "religion"',
      'symmetry.json: template sym_list_religion_criticisms: group muslims has no slot "religion"',
      'symmetry.json: template sym_explain_religion_false: group muslims has no slot "religion"',
    ]);
  });
});

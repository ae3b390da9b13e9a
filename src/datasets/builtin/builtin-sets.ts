import type { BuiltinLanguage } from './builtin-sources.js';

/** A question set shipped with Candor in data/builtin/. */
export interface BuiltinSetInfo {
  name: string;
  title: string;
  language: BuiltinLanguage;
  /** entity-swap: one request per template and country; symmetry: one per template and group. */
  kind: 'entity-swap' | 'symmetry';
  /** The set this one translates (same ids), or null for an original. */
  translationOf: string | null;
  /** File name under data/builtin/. */
  fileName: string;
}

/** The set `candor run` uses when none is named. */
export const DEFAULT_BUILTIN_SET = 'candor_world';

const SETS: readonly BuiltinSetInfo[] = [
  {
    name: 'candor_world',
    title: 'Candor world: criticism, satire, protest, history and sovereignty requests swapped across countries',
    language: 'en',
    kind: 'entity-swap',
    translationOf: null,
    fileName: 'candor_world.jsonl',
  },
  {
    name: 'zh_candor_world',
    title: 'Candor world in Chinese (machine translation)',
    language: 'zh',
    kind: 'entity-swap',
    translationOf: 'candor_world',
    fileName: 'zh_candor_world.jsonl',
  },
  {
    name: 'candor_symmetry',
    title: 'Candor symmetry: the same request aimed at political movements, religions and genders',
    language: 'en',
    kind: 'symmetry',
    translationOf: null,
    fileName: 'candor_symmetry.jsonl',
  },
  {
    name: 'zh_candor_symmetry',
    title: 'Candor symmetry in Chinese (machine translation)',
    language: 'zh',
    kind: 'symmetry',
    translationOf: 'candor_symmetry',
    fileName: 'zh_candor_symmetry.jsonl',
  },
];

/** The built-in question sets, default first. */
export function listBuiltinSets(): BuiltinSetInfo[] {
  return SETS.map((set) => ({ ...set }));
}

/** The built-in set of that name, or undefined. */
export function findBuiltinSet(name: string): BuiltinSetInfo | undefined {
  const set = SETS.find((candidate) => candidate.name === name);
  return set && { ...set };
}

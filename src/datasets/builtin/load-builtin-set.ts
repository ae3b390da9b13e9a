import { join } from 'node:path';
import { NotFoundError } from '../../core/index.js';
import type { QuestionSetInput } from '../question-set-input.js';
import { readCandorJsonl } from '../read-candor-jsonl.js';
import { BUILTIN_DATA_DIRECTORY } from './builtin-data-directory.js';
import { findBuiltinSet, listBuiltinSets } from './builtin-sets.js';

/** Path of a built-in set's file; throws NotFoundError for a name that is not built in. */
export function builtinSetPath(name: string, directory: string = BUILTIN_DATA_DIRECTORY): string {
  const info = findBuiltinSet(name);
  if (!info) {
    throw new NotFoundError(`built-in question set "${name}"`, `built-in sets: ${listBuiltinSets().map((set) => set.name).join(', ')}`);
  }
  return join(directory, info.fileName);
}

/** Reads a built-in set from data/builtin/ (offline) with the Candor JSONL reader, so it gets the same validation as any file. */
export async function loadBuiltinSet(name: string, directory: string = BUILTIN_DATA_DIRECTORY): Promise<QuestionSetInput> {
  const input = await readCandorJsonl(builtinSetPath(name, directory));
  return { ...input, set: { ...input.set, title: findBuiltinSet(name)!.title } };
}
